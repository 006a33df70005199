using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using NewsExtract.Records;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Whole-batch measurement (<c>batch</c>): load time, plain-text articles per second and MB/s at 1x, 10x and 100x the
/// corpus on one thread and on two, peak working set, cost per article; HTML pages per second on generated ~100 KB
/// pages (corpus articles in realistic portal boilerplate); and, with <c>--peer</c>, NewsExtract's HTML reader beside
/// Readability.js on the Zyte pages (pages/s and body F1 from the same scorer, one table).
/// </summary>
internal static class BatchThroughputCommand
{
    public const string Description = "Batch throughput: articles/s, MB/s, peak memory, cost per article (1x/10x/100x), HTML pages/s; --peer adds Readability.js on Zyte";

    public static int Run(string[] args)
    {
        int maxScale = 100;
        bool peer = false, textOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--max-scale" when i + 1 < args.Length: maxScale = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--peer": peer = true; break;
                case "--peer-only": peer = true; textOnly = true; maxScale = 0; break;
                default:
                    Console.Error.WriteLine($"batch: unknown option '{args[i]}'. Options: --max-scale N (default 100), --peer, --peer-only.");
                    return 2;
            }
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load {LoadAverage()}");

        // Load, part by part (each figure includes JIT of the code it runs, as a cold process pays it).
        var load = Stopwatch.StartNew();
        _ = Vocabulary.Vocabularies.Default;
        var tVocabulary = load.Elapsed;
        _ = Rules.PatternLibrary.Default;
        var tPatterns = load.Elapsed;
        _ = Ner.NerModel.Default;
        var tModel = load.Elapsed;
        var extractor = NewsExtractor.CreateDefault();
        var tLoaded = load.Elapsed;
        extractor.Extract("KPU Kota Blitar menetapkan dua pasangan calon, Kamis (24/9/2020).");
        load.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: vocabularies {tVocabulary.TotalMilliseconds:0} ms, patterns {(tPatterns - tVocabulary).TotalMilliseconds:0} ms, NER model {(tModel - tPatterns).TotalMilliseconds:0} ms, stages {(tLoaded - tModel).TotalMilliseconds:0} ms = loaded in {tLoaded.TotalMilliseconds:0} ms; first record (JIT of the pipeline) at {load.Elapsed.TotalMilliseconds:0} ms; process CPU time since start {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0} ms, main thread's {ThreadClock.Start().Total.TotalMilliseconds:0} ms"));

        var texts = CorpusTexts();
        if (maxScale > 0)
        {
            if (texts.Count == 0) { Console.WriteLine("text: skipped: no corpus/seed or corpus/articles *.txt found."); }
            else
            {
                double mb = texts.Sum(t => (double)Encoding.UTF8.GetByteCount(t)) / 1e6;
                Console.WriteLine($"corpus: {texts.Count} articles, {mb:0.00} MB, {texts.Average(t => t.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length):0} words on average");
                Warm(extractor, texts);
                Console.WriteLine($"{"scale",-6} {"threads",7} {"articles",9} {"seconds",8} {"articles/s",11} {"MB/s",7} {"us/article",11} {"CPU us/article",15} {"peak WS MB",11}");
                foreach (int scale in new[] { 1, 10, 100 }.Where(s => s <= maxScale))
                    foreach (int threads in new[] { 1, 2 })
                        TextRun(extractor, texts, scale, threads, mb);
            }
        }
        if (!textOnly) HtmlRun(extractor, texts);
        if (peer) PeerRun();
        return 0;
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
    }

    internal static List<string> CorpusTexts()
    {
        string? root = FindRepository();
        if (root is null) return [];
        return new[] { "seed", "articles" }.Select(d => Path.Combine(root, "corpus", d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal)).Select(File.ReadAllText).ToList();
    }

    internal static string? FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static void Warm(NewsExtractor extractor, List<string> texts)
    {
        foreach (var t in texts) extractor.Extract(t);
    }

    private static void TextRun(NewsExtractor extractor, List<string> texts, int scale, int threads, double corpusMb)
    {
        var options = new ExtractionOptions { Published = new DateOnly(2024, 9, 23) };
        int n = texts.Count * scale;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        long peak = 0;
        long written = 0;
        var watch = Stopwatch.StartNew();
        if (threads == 1)
        {
            for (int i = 0; i < n; i++)
            {
                written += RecordJson.ToJsonLine(extractor.Extract(texts[i % texts.Count], options)).Length;
                if ((i & 255) == 0) peak = Math.Max(peak, Environment.WorkingSet);
            }
        }
        else
        {
            int next = -1;
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                long local = 0;
                for (int i = Interlocked.Increment(ref next); i < n; i = Interlocked.Increment(ref next))
                {
                    local += RecordJson.ToJsonLine(extractor.Extract(texts[i % texts.Count], options)).Length;
                    if ((i & 255) == 0) Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet));
                }
                Interlocked.Add(ref written, local);
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
        }
        watch.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double s = watch.Elapsed.TotalSeconds;
        peak = Math.Max(peak, process.PeakWorkingSet64);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scale + "x",-6} {threads,7} {n,9} {s,8:0.00} {n / s,11:0} {corpusMb * scale / s,7:0.00} {s * 1e6 / n,11:0} {cpu * 1e6 / n,15:0} {peak / 1048576.0,11:0}"));
    }

    /// <summary>A ~100 KB portal page around one article: head with metadata and scripts, menus, related links, comments, footer.</summary>
    internal static string PortalPage(string article, int index)
    {
        var sb = new StringBuilder(110_000);
        string title = article.Split('\n')[0];
        if (title.Length > 90) title = title[..90];
        sb.Append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>").Append(System.Net.WebUtility.HtmlEncode(title)).Append(" - Portal Berita</title>\n");
        sb.Append("<meta property=\"article:published_time\" content=\"2024-09-23T10:00:00+07:00\"><meta name=\"author\" content=\"Redaksi\">\n");
        sb.Append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"berita\",\"datePublished\":\"2024-09-23T10:00:00+07:00\"}</script>\n");
        sb.Append("<style>");
        for (int i = 0; sb.Length < 20_000; i++) sb.Append(".c").Append(i).Append("{margin:0 auto;padding:4px 8px;color:#333;font:14px/1.5 sans-serif}\n");
        sb.Append("</style><script>window.dataLayer=window.dataLayer||[];");
        for (int i = 0; sb.Length < 40_000; i++) sb.Append("dataLayer.push({event:'view',slot:").Append(i).Append(",section:'politik',tags:['pilkada','kpu']});\n");
        sb.Append("</script></head><body><header><div class=\"top-bar\"><a href=\"/\">Beranda</a></div><nav class=\"menu\"><ul>");
        string[] sections = ["Nasional", "Daerah", "Politik", "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Otomotif", "Gaya Hidup", "Kesehatan"];
        for (int i = 0; i < 60; i++) sb.Append("<li><a href=\"/kanal/").Append(i).Append("\">").Append(sections[i % sections.Length]).Append("</a></li>");
        sb.Append("</ul></nav></header>\n<div class=\"ads\"><ins class=\"adsbygoogle\" data-ad-slot=\"1234\"></ins></div>\n<main><div class=\"breadcrumb\"><a href=\"/\">Home</a> &raquo; <a href=\"/politik\">Politik</a></div>\n");
        sb.Append("<article class=\"detail\"><h1>").Append(System.Net.WebUtility.HtmlEncode(title)).Append("</h1><div class=\"byline\">Reporter: Redaksi | Senin, 23 Sep 2024 10:00 WIB</div><div class=\"detail-text\">\n");
        int p = 0;
        foreach (var paragraph in article.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
            if (++p == 3) sb.Append("<div class=\"baca-juga\"><strong>Baca juga:</strong> <a href=\"/berita/").Append(index).Append("\">Berita lain tentang pilkada</a></div>\n");
        }
        sb.Append("</div><div class=\"tags\"><a href=\"/tag/pilkada\">pilkada</a> <a href=\"/tag/kpu\">kpu</a></div></article>\n<aside class=\"sidebar\"><h3>Terpopuler</h3><ol>");
        for (int i = 0; sb.Length < 80_000; i++)
            sb.Append("<li class=\"c").Append(i % 50).Append("\"><a href=\"/berita/").Append(index * 1000 + i).Append("/judul-berita-terpopuler\"><img src=\"/img/").Append(i).Append(".jpg\" alt=\"\"><span>Judul berita terpopuler nomor ").Append(i).Append(" hari ini</span></a></li>\n");
        sb.Append("</ol></aside></main><section class=\"komentar\"><h3>Komentar</h3>");
        for (int i = 0; sb.Length < 95_000; i++) sb.Append("<div class=\"comment\"><b>pembaca").Append(i).Append("</b><p>Semoga pilkada berjalan damai dan jujur.</p></div>\n");
        sb.Append("</section><footer><p>Hak cipta &copy; 2024 Portal Berita. Semua hak dilindungi.</p>");
        while (sb.Length < 100_000) sb.Append("<a href=\"/info\">Info</a> ");
        return sb.Append("</footer></body></html>").ToString();
    }

    private static void HtmlRun(NewsExtractor extractor, List<string> texts)
    {
        if (texts.Count == 0) { Console.WriteLine("html: skipped: no corpus texts to wrap."); return; }
        var pages = texts.Take(200).Select((t, i) => Encoding.UTF8.GetBytes(PortalPage(t, i))).ToList();
        double kb = pages.Average(p => p.Length) / 1024.0;
        foreach (var page in pages.Take(20)) extractor.ExtractHtml(page);
        int rounds = 3;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int bodies = 0;
        for (int r = 0; r < rounds; r++)
            foreach (var page in pages)
                bodies += extractor.ExtractHtml(page).Text.Length > 0 ? 1 : 0;
        watch.Stop();
        process.Refresh();
        int n = pages.Count * rounds;
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"html: {n} generated pages of {kb:0} KB on average, end to end (read + extract): {n / watch.Elapsed.TotalSeconds:0} pages/s wall, {n / cpu:0} pages per CPU-second, {pages.Count * rounds * kb / 1024 / watch.Elapsed.TotalSeconds:0.0} MB/s; {bodies}/{n} with a body"));
        var reader = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
            foreach (var page in pages) Html.HtmlArticleReader.Read(page);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"html: reader alone (no extraction): {n / reader.Elapsed.TotalSeconds:0} pages/s"));
    }

    /// <summary>Our HTML reader and Readability.js on the same Zyte pages: pages per second and body F1 (HtmlShingleScorer).</summary>
    private static void PeerRun()
    {
        var data = HtmlSharedData.Locate();
        string? dir = data is null ? null : Path.Combine(data, "zyte-article-extraction");
        if (dir is null || !File.Exists(Path.Combine(dir, "ground-truth.json")))
        {
            Console.WriteLine($"peer: skipped: the Zyte set (shared/data/zyte-article-extraction) was not found (set {HtmlSharedData.Variable}).");
            return;
        }
        string? repo = FindRepository();
        string script = Path.Combine(repo ?? ".", "benchmarks", "readability");
        var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "ground-truth.json")))!.AsObject();
        var ids = gold.Select(g => g.Key).ToList();
        var pages = ids.Select(id => Gunzip(Path.Combine(dir, "html", id + ".html.gz"))).ToList();
        string? Url(string id) => gold[id]?["url"]?.GetValue<string>();

        // Ours: the reader alone (what Readability does), then end to end (reader + extraction).
        foreach (var (page, id) in pages.Zip(ids).Take(10)) Html.HtmlArticleReader.Read(page, Url(id));
        var watch = Stopwatch.StartNew();
        var bodies = pages.Zip(ids).Select(x => Html.HtmlArticleReader.Read(x.First, Url(x.Second)).Body).ToList();
        double ours = pages.Count / watch.Elapsed.TotalSeconds;
        var ourScore = HtmlShingleScorer.Score(ids.Select((id, i) => HtmlShingleScorer.Compare(gold[id]?["articleBody"]?.GetValue<string>(), bodies[i])).ToList());

        // Readability.js in Node: installs with npm ci when node_modules is missing; writes {id: body} and its own timing.
        string outFile = Path.Combine(Path.GetTempPath(), $"newsextract-readability-{Environment.ProcessId}.json");
        string? error = RunNode(script, dir, outFile, out double theirs);
        Console.WriteLine();
        Console.WriteLine($"Side by side on the Zyte article-extraction set ({pages.Count} pages, {pages.Sum(p => (long)p.Length) / pages.Count / 1024} KB on average, one thread each):");
        Console.WriteLine($"| extractor | pages/s | body F1 | precision | recall |");
        Console.WriteLine($"|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| NewsExtract HtmlArticleReader (.NET) | {ours:0} | {ourScore.F1:0.000} | {ourScore.Precision:0.000} | {ourScore.Recall:0.000} |"));
        if (error is not null) { Console.WriteLine($"| Readability.js | skipped: {error} | | | |"); return; }
        var theirBodies = JsonNode.Parse(File.ReadAllText(outFile))!.AsObject();
        File.Delete(outFile);
        var theirScore = HtmlShingleScorer.Score(ids.Select(id => HtmlShingleScorer.Compare(gold[id]?["articleBody"]?.GetValue<string>(), theirBodies[id]?.GetValue<string>())).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Readability.js (@mozilla/readability + jsdom, Node {NodeVersion()}) | {theirs:0} | {theirScore.F1:0.000} | {theirScore.Precision:0.000} | {theirScore.Recall:0.000} |"));
    }

    private static string NodeVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            string v = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return v;
        }
        catch (System.ComponentModel.Win32Exception) { return "?"; }
    }

    private static string? RunNode(string script, string zyteDir, string outFile, out double pagesPerSecond)
    {
        pagesPerSecond = 0;
        if (!File.Exists(Path.Combine(script, "package.json"))) return $"{script}/package.json not found";
        try
        {
            if (!Directory.Exists(Path.Combine(script, "node_modules")))
            {
                Console.WriteLine("peer: installing Readability.js (npm ci) ...");
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = script })!;
                npm.WaitForExit();
                if (npm.ExitCode != 0) return "npm ci failed";
            }
            var start = new ProcessStartInfo("node", ["run.mjs", zyteDir, outFile]) { WorkingDirectory = script, RedirectStandardOutput = true };
            using var node = Process.Start(start)!;
            string stdout = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0) return $"node exited with {node.ExitCode}";
            var summary = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
            pagesPerSecond = summary["pagesPerSecond"]!.GetValue<double>();
            return null;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"node/npm not found ({ex.Message})";
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
