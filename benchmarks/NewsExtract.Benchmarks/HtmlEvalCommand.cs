using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsExtract.Html;

namespace NewsExtract.Benchmarks;

/// <summary>
/// <c>html-eval</c>: quality of the HTML reader on the shared benchmark pages. Prints body F1 on the
/// Zyte set (after reproducing the published trafilatura and Readability.js figures from their reference
/// outputs, so the scorer can be trusted), publication-date P/R/F on the htmldate set, and body F1 and
/// date accuracy on the Indonesian pages. Options: <c>--json FILE</c> writes the figures,
/// <c>--verbose</c> prints per-page results, <c>--peers</c> runs Readability.js (linkedom, jsdom) on the Zyte pages beside us, <c>--data DIR</c> overrides the data folder, <c>--dump DIR</c> writes
/// our body and the gold body of every page (<c>NAME.ours.txt</c>, <c>NAME.gold.txt</c>) for diffing,
/// <c>--records FILE</c> writes everything the reader returned for every page (body, title, day, outlet, author,
/// canonical URL, warnings; one JSON line per page, in a fixed order) so that two builds can be compared with <c>cmp</c>.
/// </summary>
internal static class HtmlEvalCommand
{
    public const string Description = "HTML reader quality: Zyte body F1, htmldate date P/R/F, Indonesian pages";

    public static int Run(string[] args)
    {
        string? jsonPath = null, dataDir = null, dumpDir = null, recordsPath = null;
        bool verbose = false, peers = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json" when i + 1 < args.Length: jsonPath = args[++i]; break;
                case "--data" when i + 1 < args.Length: dataDir = args[++i]; break;
                case "--dump" when i + 1 < args.Length: dumpDir = args[++i]; break;
                case "--records" when i + 1 < args.Length: recordsPath = args[++i]; break;
                case "--verbose": verbose = true; break;
                case "--peers": peers = true; break;
                default:
                    Console.Error.WriteLine($"html-eval: unknown option '{args[i]}'. Options: --json FILE, --data DIR, --dump DIR, --records FILE, --verbose, --peers.");
                    return 2;
            }
        }
        dataDir ??= HtmlSharedData.Locate();
        if (dumpDir is not null) Directory.CreateDirectory(dumpDir);
        if (dataDir is null)
        {
            Console.WriteLine($"html-eval: skipped: no benchmark data found (set {HtmlSharedData.Variable} or put shared/data beside the repository).");
            return 0;
        }
        Console.WriteLine($"html-eval: data from {dataDir}");
        var result = new JsonObject();
        using var records = recordsPath is null ? null : new StreamWriter(recordsPath);
        Records = records;
        var watch = Stopwatch.StartNew();
        Zyte(Path.Combine(dataDir, "zyte-article-extraction"), verbose, dumpDir, result);
        if (peers) Peers(Path.Combine(dataDir, "zyte-article-extraction"), result);
        HtmlDate(Path.Combine(dataDir, "htmldate"), verbose, result);
        Indonesian(Path.Combine(dataDir, "indonesian-html"), verbose, dumpDir, result);
        Console.WriteLine($"html-eval: done in {watch.Elapsed.TotalSeconds:0.0} s");
        if (recordsPath is not null) Console.WriteLine($"html-eval: reader outputs written to {recordsPath}");
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"html-eval: figures written to {jsonPath}");
        }
        return 0;
    }

    private static void Zyte(string dir, bool verbose, string? dumpDir, JsonObject result)
    {
        var goldPath = Path.Combine(dir, "ground-truth.json");
        if (!File.Exists(goldPath)) { Console.WriteLine($"zyte: skipped: {goldPath} not found."); return; }
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();

        foreach (var (name, published) in new[] { ("trafilatura", 0.958), ("readability_js", 0.947) })
        {
            var path = Path.Combine(dir, "reference-outputs", name + ".json");
            if (!File.Exists(path)) { Console.WriteLine($"zyte reference {name}: skipped: {path} not found."); continue; }
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var outputs = root.TryGetPropertyValue("output", out var wrapped) && wrapped is JsonObject o ? o : root;
            var pages = gold.Select(g => HtmlShingleScorer.Compare(Body(g.Value), Body(outputs[g.Key]))).ToList();
            var figures = HtmlShingleScorer.Score(pages);
            bool reproduced = Math.Abs(Math.Round(figures.F1, 3) - published) < 0.0005;
            Console.WriteLine($"zyte reference {name,-15} {figures}  published F1 {published:0.000}: {(reproduced ? "reproduced" : "NOT REPRODUCED")}");
            result[$"zyte_reference_{name}_f1"] = Math.Round(figures.F1, 4);
        }

        var ours = new List<HtmlShingleScorer.PageCounts>();
        var read = new List<(byte[] Bytes, string? Url)>();
        var watch = Stopwatch.StartNew();
        foreach (var (id, entry) in gold)
        {
            var bytes = Decompress(Path.Combine(dir, "html", id + ".html.gz"));
            read.Add((bytes, entry!["url"]?.GetValue<string>()));
            var article = HtmlArticleReader.Read(bytes, entry!["url"]?.GetValue<string>());
            Record("zyte " + id, article);
            var counts = HtmlShingleScorer.Compare(Body(entry), article.Body);
            ours.Add(counts);
            Dump(dumpDir, "zyte-" + id, Body(entry), article.Body);
            if (verbose) Console.WriteLine($"  zyte {id[..12]} {PageLine(counts)} {entry["url"]}");
        }
        var f = HtmlShingleScorer.Score(ours);
        Console.WriteLine($"zyte NewsExtract               {f}  ({ours.Count / watch.Elapsed.TotalSeconds:0} pages/s)");
        result["zyte_f1"] = Math.Round(f.F1, 4);
        result["zyte_precision"] = Math.Round(f.Precision, 4);
        result["zyte_recall"] = Math.Round(f.Recall, 4);
        result["zyte_accuracy"] = Math.Round(f.Accuracy, 4);

        // The reader's own speed: the pass above includes JIT and file reading, so time warm passes over
        // the decompressed pages (one thread; the machine may be shared, so read it with the load average).
        const int rounds = 3;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var speed = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
            foreach (var (bytes, url) in read) HtmlArticleReader.Read(bytes, url);
        speed.Stop();
        process.Refresh();
        double pagesPerSecond = rounds * read.Count / speed.Elapsed.TotalSeconds;
        double pagesPerCpuSecond = rounds * read.Count / (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"zyte reader speed              {pagesPerSecond:0} pages/s wall, {pagesPerCpuSecond:0} pages per CPU-second (warm, {rounds} passes, one thread, {read.Sum(p => (long)p.Bytes.Length) / read.Count / 1024} KB per page; load average {LoadAverage()})"));
        result["reader_pages_per_second"] = Math.Round(pagesPerSecond);
        result["reader_pages_per_cpu_second"] = Math.Round(pagesPerCpuSecond);
    }

    private static string LoadAverage()
    {
        try { return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?"; }
        catch (IOException) { return "?"; }
    }

    /// <summary>
    /// The open-source peers on the same Zyte pages, scored by the same scorer: Readability.js on linkedom and on
    /// jsdom (benchmarks/readability, installed with npm ci into its git-ignored node_modules when missing).
    /// </summary>
    private static void Peers(string dir, JsonObject result)
    {
        var goldPath = Path.Combine(dir, "ground-truth.json");
        string? repo = BatchThroughputCommand.FindRepository();
        string script = Path.Combine(repo ?? ".", "benchmarks", "readability");
        if (!File.Exists(goldPath) || !File.Exists(Path.Combine(script, "run.mjs"))) { Console.WriteLine("zyte peers: skipped: Zyte set or benchmarks/readability not found."); return; }
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();
        try
        {
            if (!Directory.Exists(Path.Combine(script, "node_modules")))
            {
                Console.WriteLine("zyte peers: installing Readability.js, linkedom and jsdom (npm ci) ...");
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = script })!;
                npm.WaitForExit();
                if (npm.ExitCode != 0) { Console.WriteLine("zyte peers: skipped: npm ci failed."); return; }
            }
            foreach (var (parser, label) in new[] { ("linkedom", "Readability.js + linkedom"), ("jsdom", "Readability.js + jsdom") })
            {
                string outFile = Path.Combine(Path.GetTempPath(), $"newsextract-peer-{parser}-{Environment.ProcessId}.json");
                var start = new ProcessStartInfo("node", ["run.mjs", dir, outFile, parser]) { WorkingDirectory = script, RedirectStandardOutput = true };
                using var node = Process.Start(start)!;
                string stdout = node.StandardOutput.ReadToEnd();
                node.WaitForExit();
                if (node.ExitCode != 0) { Console.WriteLine($"zyte peer {label}: node exited with {node.ExitCode}"); continue; }
                var bodies = JsonNode.Parse(File.ReadAllText(outFile))!.AsObject();
                File.Delete(outFile);
                var f = HtmlShingleScorer.Score(gold.Select(g => HtmlShingleScorer.Compare(Body(g.Value), bodies[g.Key]?.GetValue<string>())).ToList());
                double speed = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!["pagesPerSecond"]!.GetValue<double>();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zyte peer {label,-26} {f}  ({speed:0} pages/s)"));
                result[$"zyte_peer_{parser}_f1"] = Math.Round(f.F1, 4);
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"zyte peers: skipped: node/npm not found ({ex.Message}).");
        }
    }

    private static void HtmlDate(string dir, bool verbose, JsonObject result)
    {
        var goldPath = Path.Combine(dir, "eval_mediacloud_2020.json");
        if (!File.Exists(goldPath)) { Console.WriteLine($"htmldate: skipped: {goldPath} not found."); return; }
        // The gold file writes "no date" as a bare NaN, which is not JSON.
        var text = Regex.Replace(File.ReadAllText(goldPath), @":\s*NaN\b", ": null", RegexOptions.None, TimeSpan.FromSeconds(5));
        var gold = JsonNode.Parse(text)!.AsObject();
        int tp = 0, fp = 0, fn = 0;
        foreach (var (url, entry) in gold)
        {
            var file = Path.Combine(dir, "test_set", entry!["file"]!.GetValue<string>());
            if (!File.Exists(file)) { Console.WriteLine($"htmldate: missing page {file}"); continue; }
            string? expected = entry["date"]?.GetValue<string>();
            string? found;
            try
            {
                var article = HtmlArticleReader.Read(File.ReadAllBytes(file), url);
                Record("htmldate " + entry["file"], article);
                found = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            catch (InvalidDataException ex) { found = null; Console.WriteLine($"  htmldate {Path.GetFileName(file)}: refused: {ex.Message}"); }
            string verdict;
            if (found is not null && found == expected) { tp++; verdict = "ok"; }
            else if (found is not null) { fp++; verdict = "WRONG"; }
            else if (expected is not null) { fn++; verdict = "MISSED"; }
            else verdict = "ok (no date)";
            if (verbose && !verdict.StartsWith("ok")) Console.WriteLine($"  htmldate {entry["file"]} {verdict}: found {found ?? "-"} gold {expected ?? "-"} {url}");
        }
        double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp), r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        double fScore = 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"htmldate date                  F {fScore:0.000}  P {p:0.000}  R {r:0.000}  (TP {tp} FP {fp} FN {fn}, {gold.Count} pages)"));
        result["htmldate_f"] = Math.Round(fScore, 4);
        result["htmldate_precision"] = Math.Round(p, 4);
        result["htmldate_recall"] = Math.Round(r, 4);
    }

    private static void Indonesian(string dir, bool verbose, string? dumpDir, JsonObject result)
    {
        var goldPath = Path.Combine(dir, "ground-truth.json");
        if (!File.Exists(goldPath)) { Console.WriteLine($"indonesian: skipped: {goldPath} not found."); return; }
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();
        var pages = new List<HtmlShingleScorer.PageCounts>();
        int datesRight = 0;
        foreach (var (file, entry) in gold)
        {
            var url = entry!["url"]?.GetValue<string>();
            var article = HtmlArticleReader.Read(File.ReadAllBytes(Path.Combine(dir, "pages", file)), url);
            Record("indonesian " + file, article);
            var counts = HtmlShingleScorer.Compare(entry["content"]?.GetValue<string>(), article.Body);
            pages.Add(counts);
            Dump(dumpDir, "id-" + Path.GetFileNameWithoutExtension(file), entry["content"]?.GetValue<string>(), article.Body);
            var expected = entry["date"]?.GetValue<string>()?[..10];
            var found = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (found == expected) datesRight++;
            if (verbose) Console.WriteLine($"  id {file,-36} {PageLine(counts)} date {found ?? "-"} gold {expected}{(found == expected ? "" : " WRONG")}");
        }
        var f = HtmlShingleScorer.Score(pages);
        Console.WriteLine($"indonesian body                {f}");
        Console.WriteLine($"indonesian date                {datesRight}/{gold.Count} right");
        result["indonesian_f1"] = Math.Round(f.F1, 4);
        result["indonesian_precision"] = Math.Round(f.Precision, 4);
        result["indonesian_recall"] = Math.Round(f.Recall, 4);
        result["indonesian_dates_right"] = datesRight;
        result["indonesian_pages"] = gold.Count;
    }

    private static StreamWriter? Records;

    private static void Record(string page, HtmlArticle article)
    {
        if (Records is null) return;
        var line = new JsonObject
        {
            ["page"] = page,
            ["title"] = article.Title,
            ["published"] = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["outlet"] = article.Outlet,
            ["author"] = article.Author,
            ["canonical"] = article.CanonicalUrl,
            ["warnings"] = new JsonArray([.. article.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
            ["body"] = article.Body,
        };
        Records.WriteLine(line.ToJsonString());
    }

    private static string PageLine(HtmlShingleScorer.PageCounts c)
    {
        double p = c.TruePositives + c.FalsePositives == 0 ? 1 : (double)c.TruePositives / (c.TruePositives + c.FalsePositives);
        double r = c.TruePositives + c.FalseNegatives == 0 ? 1 : (double)c.TruePositives / (c.TruePositives + c.FalseNegatives);
        return string.Create(CultureInfo.InvariantCulture, $"P {p:0.00} R {r:0.00}");
    }

    private static void Dump(string? dumpDir, string name, string? gold, string ours)
    {
        if (dumpDir is null) return;
        File.WriteAllText(Path.Combine(dumpDir, name + ".gold.txt"), gold ?? "");
        File.WriteAllText(Path.Combine(dumpDir, name + ".ours.txt"), ours);
    }

    private static string? Body(JsonNode? entry) => entry?["articleBody"]?.GetValue<string>();

    private static byte[] Decompress(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
