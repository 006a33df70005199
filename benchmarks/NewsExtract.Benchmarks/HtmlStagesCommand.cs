using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using HtmlAgilityPack;
using NewsExtract.Html;

namespace NewsExtract.Benchmarks;

/// <summary>
/// <c>html-stages</c>: where the HTML reader's time goes on the Zyte pages. Each stage of
/// <see cref="HtmlArticleReader"/> (decode, nesting guard, parse, metadata with the publication day, body) is timed
/// on its own over warm passes, in CPU-milliseconds per page (process CPU time, so a busy shared machine shows
/// less in it than in wall time). Options: <c>--passes N</c> (default 5), <c>--data DIR</c>, <c>--stage NAME</c>
/// (time one stage only, for a profiler).
/// </summary>
internal static class HtmlStagesCommand
{
    public const string Description = "HTML reader: CPU time per stage on the Zyte pages (decode, guard, parse, metadata, body)";

    public static int Run(string[] args)
    {
        int passes = 5;
        string? dataDir = null, only = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--passes" when i + 1 < args.Length: passes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--data" when i + 1 < args.Length: dataDir = args[++i]; break;
                case "--stage" when i + 1 < args.Length: only = args[++i]; break;
                default:
                    Console.Error.WriteLine($"html-stages: unknown option '{args[i]}'. Options: --passes N, --data DIR, --stage NAME (time only the stage whose name starts with NAME, e.g. whole, for a profiler).");
                    return 2;
            }
        }
        dataDir ??= HtmlSharedData.Locate();
        var dir = dataDir is null ? null : Path.Combine(dataDir, "zyte-article-extraction");
        if (dir is null || !File.Exists(Path.Combine(dir, "ground-truth.json")))
        {
            Console.WriteLine($"html-stages: skipped: no Zyte pages found (set {HtmlSharedData.Variable}).");
            return 0;
        }
        var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "ground-truth.json")))!.AsObject();
        var pages = new List<(byte[] Bytes, string? Url)>();
        foreach (var (id, entry) in gold)
        {
            using var input = new GZipStream(File.OpenRead(Path.Combine(dir, "html", id + ".html.gz")), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            pages.Add((output.ToArray(), entry!["url"]?.GetValue<string>()));
        }

        var warnings = new List<string>();
        var decoded = pages.Select(p => HtmlDecoder.Decode(p.Bytes, warnings)).ToList();
        var flattened = decoded.Select(h => HtmlNestingGuard.Flatten(h, warnings)).ToList();
        HtmlDocument Parse(string html)
        {
            var document = new HtmlDocument { OptionEmptyCollection = true, OptionReadEncoding = false };
            document.LoadHtml(html);
            return document;
        }
        var documents = flattened.Select(Parse).ToList();
        var titles = documents.Select((d, i) => HtmlMetadataReader.Read(d, pages[i].Url, warnings).Title).ToList();

        var stages = new (string Name, Action<int> Run)[]
        {
            ("decode", i => HtmlDecoder.Decode(pages[i].Bytes, warnings)),
            ("nesting guard", i => HtmlNestingGuard.Flatten(decoded[i], warnings)),
            ("parse (HtmlAgilityPack)", i => Parse(flattened[i])),
            ("metadata + publication day", i => HtmlMetadataReader.Read(documents[i], pages[i].Url, warnings)),
            ("body", i => HtmlBodyExtractor.Extract(documents[i], titles[i], warnings)),
            ("whole reader", i => HtmlArticleReader.Read(pages[i].Bytes, pages[i].Url)),
        };
        Console.WriteLine($"html-stages: {pages.Count} Zyte pages, {passes} warm passes per stage, one thread; load average {LoadAverage()}");
        using var process = Process.GetCurrentProcess();
        // Warm every stage first, and give the tiered JIT time to replace the first code with optimised code.
        for (int round = 0; round < 3; round++)
        {
            foreach (var (_, run) in stages)
                for (int i = 0; i < pages.Count; i++) run(i);
            warnings.Clear();
            Thread.Sleep(200);
        }
        foreach (var (name, run) in stages)
        {
            if (only is not null && !name.StartsWith(only, StringComparison.OrdinalIgnoreCase)) continue;
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
            var wall = Stopwatch.StartNew();
            for (int p = 0; p < passes; p++)
                for (int i = 0; i < pages.Count; i++) run(i);
            wall.Stop();
            process.Refresh();
            double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / (passes * pages.Count);
            double wallMs = wall.Elapsed.TotalMilliseconds / (passes * pages.Count);
            double kb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / (passes * pages.Count);
            gen0 = GC.CollectionCount(0) - gen0;
            gen2 = GC.CollectionCount(2) - gen2;
            warnings.Clear();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {cpuMs,7:0.000} CPU-ms/page  {wallMs,7:0.000} wall-ms/page  ({1000 / cpuMs:0} pages per CPU-second)  {kb,6:0} KB allocated/page, GCs {gen0} (gen2 {gen2})"));
        }
        Console.WriteLine($"html-stages: load average at the end {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage()
    {
        try { return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?"; }
        catch (IOException) { return "?"; }
    }
}
