using System.Diagnostics;
using System.Globalization;
using NewsExtract.Cli;
using NewsExtract.Records;

namespace NewsExtract.Benchmarks;

/// <summary>
/// `races` throughput (<c>races</c>): the corpus (seed, articles, race set) is extracted once, then its records are
/// repeated under new URLs into record JSONL files of 10,000 to 100,000 lines (every copy a new article about the same
/// races, so each race gathers more sources), and `newsextract races FILE` runs on each, in process, on one thread.
/// Prints records/s, MB/s, CPU seconds, the size of the race table written, and the process's peak working set.
/// </summary>
internal static class RacesThroughputCommand
{
    public const string Description = "races throughput: record JSONL of 10k/50k/100k records through 'newsextract races' on one core; time and memory";

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 50_000, 100_000];
        string? root = BatchThroughputCommand.FindRepository();
        if (root is null) { Console.Error.WriteLine("races: run from inside the repository (needs corpus/)."); return 2; }
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var extractor = NewsExtractor.CreateDefault();
        var records = new[] { "seed", "articles", "races" }
            .Select(d => Path.Combine(root, "corpus", d))
            .SelectMany(d => Directory.GetFiles(d, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Select(f => extractor.Extract(File.ReadAllText(f), new ExtractionOptions { Source = new SourceInfo { Path = f } }))
            .ToList();
        Console.WriteLine($"base records: {records.Count} ({records.Count(r => r.Elections.Count > 0)} about elections, {records.Sum(r => r.Candidates.Count)} pairs)");

        string dir = Directory.CreateTempSubdirectory("newsextract-races-bench-").FullName;
        try
        {
            // First the sizes with every record stripped of its races: nothing joins the table, so the peak working set
            // (a high-water mark) must stay flat; then the real records, whose sources make the table grow.
            foreach (var (size, stripped) in sizes.Select(n => (n, true)).Concat(sizes.Select(n => (n, false))))
            {
                string file = Path.Combine(dir, $"records-{size}.jsonl");
                using (var w = new StreamWriter(file))
                    for (int i = 0; i < size; i++)
                    {
                        var r = records[i % records.Count];
                        var copy = r with { Source = r.Source with { Url = $"https://bench.example/{i / records.Count}/{i % records.Count}" } };
                        if (stripped) copy = copy with { Elections = [], Candidates = [] };
                        w.Write(RecordJson.ToJsonLine(copy));
                        w.Write('\n');
                    }
                double mb = new FileInfo(file).Length / 1e6;

                GC.Collect();
                using var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var stderr = new StringWriter();
                int exit = NewsExtract.Cli.Program.Run(["races", file, "--format", "jsonl", "-o", Path.Combine(dir, "races.jsonl")],
                    new CliContext(Stream.Null, TextWriter.Null, stderr));
                clock.Stop();
                process.Refresh();
                double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,7:N0} records{(stripped ? " without races" : "")} ({mb:0} MB): {clock.Elapsed.TotalSeconds:0.00} s wall, {cpu:0.00} s CPU, {size / clock.Elapsed.TotalSeconds:N0} records/s, {mb / clock.Elapsed.TotalSeconds:0} MB/s; race table {new FileInfo(Path.Combine(dir, "races.jsonl")).Length / 1e6:0.0} MB as JSONL; peak working set {process.PeakWorkingSet64 / 1e6:0} MB; exit {exit}"));
                Console.WriteLine("    " + stderr.ToString().Trim().Split('\n')[0]);
                File.Delete(file);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }
}
