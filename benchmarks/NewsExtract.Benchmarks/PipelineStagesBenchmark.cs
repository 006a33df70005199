using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;

namespace NewsExtract.Benchmarks;

/// <summary>The extractor's own stage list (the same instances <see cref="NewsExtractor.CreateDefault"/> runs).</summary>
internal static class PipelineStages
{
    public static IReadOnlyList<IStage> Of(NewsExtractor extractor) =>
        (IReadOnlyList<IStage>)typeof(NewsExtractor).GetField("_stages", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(extractor)!;

    public static readonly DateOnly Published = new(2024, 9, 23);

    /// <summary>Runs the stages before <paramref name="upTo"/> so that stage sees what it would see in the pipeline.</summary>
    public static Analysis Prepare(IReadOnlyList<IStage> stages, string text, int upTo)
    {
        var analysis = new Analysis(Document.Create(text), new SourceInfo { Published = Published }, Published);
        for (int i = 0; i < upTo; i++) stages[i].Process(analysis, CancellationToken.None);
        return analysis;
    }
}

/// <summary>
/// Per-stage cost over the corpus articles (corpus/seed + corpus/articles): normalise, tokenize, sentence split, every
/// rule/NER stage, record assembly, JSON, and end to end (text and ~100 KB HTML pages). Time per corpus pass; divide by
/// the article count (printed at setup) for the cost per article.
/// <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- --filter *PipelineStages* --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
public class PipelineStagesBenchmark
{
    private NewsExtractor extractor = null!;
    private IReadOnlyList<IStage> stages = [];
    private List<string> texts = [];
    private List<string> normalized = [];
    private List<Analysis> analysed = [];
    private List<ArticleRecord> records = [];
    private List<byte[]> pages = [];

    [GlobalSetup]
    public void Setup()
    {
        extractor = NewsExtractor.CreateDefault();
        stages = PipelineStages.Of(extractor);
        texts = BatchThroughputCommand.CorpusTexts();
        if (texts.Count == 0) texts = ["KPU Kota Blitar menggelar pengundian nomor urut pasangan calon Wali Kota Blitar, Kamis (24/9/2020)."];
        normalized = texts.Select(t => TextNormalizer.Normalize(t).Text).ToList();
        analysed = texts.Select(t => PipelineStages.Prepare(stages, t, stages.Count)).ToList();
        records = texts.Select(t => extractor.Extract(t, new ExtractionOptions { Published = PipelineStages.Published })).ToList();
        pages = texts.Take(50).Select((t, i) => Encoding.UTF8.GetBytes(BatchThroughputCommand.PortalPage(t, i))).ToList();
        Console.WriteLine($"PipelineStagesBenchmark: {texts.Count} articles, {pages.Count} HTML pages; stages: {string.Join(", ", stages.Select(s => s.GetType().Name))}");
    }

    [Benchmark] public int Normalize() { int n = 0; foreach (var t in texts) n += TextNormalizer.Normalize(t).Text.Length; return n; }

    [Benchmark] public int Tokenize() { int n = 0; foreach (var t in normalized) n += Tokenizer.Tokenize(t).Count; return n; }

    [Benchmark] public int DocumentCreate() { int n = 0; foreach (var t in texts) n += Document.Create(t).Sentences.Count; return n; }

    [Benchmark] public int Assemble() { int n = 0; foreach (var a in analysed) n += RecordAssembler.Assemble(a).Entities.Count; return n; }

    [Benchmark] public int ToJson() { int n = 0; foreach (var r in records) n += RecordJson.ToJsonLine(r).Length; return n; }

    [Benchmark] public int EndToEndText() { int n = 0; foreach (var t in texts) n += extractor.Extract(t, new ExtractionOptions { Published = PipelineStages.Published }).Entities.Count; return n; }

    [Benchmark] public int EndToEndHtml() { int n = 0; foreach (var p in pages) n += extractor.ExtractHtml(p).Entities.Count; return n; }
}

/// <summary>
/// Each rule / NER stage alone over the corpus, given the layers of the stages before it (rebuilt before every
/// iteration, not timed). <c>--filter *StageAlone* --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
public class StageAloneBenchmark
{
    private IReadOnlyList<IStage> stages = [];
    private List<string> texts = [];
    private Analysis[] before = [];
    private int index;

    [GlobalSetup]
    public void Setup()
    {
        stages = PipelineStages.Of(NewsExtractor.CreateDefault());
        texts = BatchThroughputCommand.CorpusTexts();
        if (texts.Count == 0) texts = ["KPU Kota Blitar menggelar pengundian nomor urut pasangan calon Wali Kota Blitar, Kamis (24/9/2020)."];
        index = stages.Select(s => s.GetType().Name).ToList().IndexOf(Stage);
    }

    [ParamsSource(nameof(StageNames))]
    public string Stage { get; set; } = "";

    public static IEnumerable<string> StageNames() => PipelineStages.Of(NewsExtractor.CreateDefault()).Select(s => s.GetType().Name);

    [IterationSetup]
    public void PrepareStage() => before = texts.Select(t => PipelineStages.Prepare(stages, t, index)).ToArray();

    [Benchmark]
    public int Stage_over_corpus()
    {
        foreach (var a in before) stages[index].Process(a, CancellationToken.None);
        return before.Length;
    }
}

/// <summary>
/// The time this thread has run on a CPU (clock_gettime CLOCK_THREAD_CPUTIME_ID), so that per-stage figures on a shared
/// machine count this work only, not the time other processes held the core; wall clock where that clock is missing.
/// </summary>
internal sealed class ThreadClock
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec value);

    private const int ThreadCpuTime = 3;
    private static readonly bool HasCpuClock = OperatingSystem.IsLinux() && Probe();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _start;

    private ThreadClock() => _start = Now();

    public static string Kind => HasCpuClock ? "thread CPU time" : "wall clock";

    public static ThreadClock Start() => new();

    public TimeSpan Elapsed => HasCpuClock ? Now() - _start : _wall.Elapsed;

    /// <summary>This thread's CPU time since it started (zero without the clock).</summary>
    public TimeSpan Total => Now();

    private static bool Probe()
    {
        try { return ClockGetTime(ThreadCpuTime, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    private static TimeSpan Now()
    {
        if (!HasCpuClock) return TimeSpan.Zero;
        ClockGetTime(ThreadCpuTime, out var t);
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }
}

/// <summary>
/// <c>stages</c>: a plain loop (no BenchmarkDotNet) that times each part of the pipeline over the corpus a few times
/// and prints the cost per article and the share of the total: where the time goes, without a profiler.
/// </summary>
internal static class StageBreakdownCommand
{
    public const string Description = "Per-stage cost per article over the corpus (plain loop): where end-to-end time goes";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--patterns") return Patterns();
        if (args.Length > 0 && args[0] == "--files") return Files(args[1..]);
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var extractor = NewsExtractor.CreateDefault();
        var stages = PipelineStages.Of(extractor);
        var texts = BatchThroughputCommand.CorpusTexts();
        if (texts.Count == 0) { Console.WriteLine("stages: skipped: no corpus texts."); return 0; }
        // Time (thread CPU) and bytes allocated on this thread, per part, summed over the timed rounds.
        var times = new Dictionary<string, (TimeSpan Time, long Bytes)>();
        for (int round = 0; round <= rounds; round++)
        {
            bool warm = round == 0;
            foreach (var text in texts)
            {
                var w = ThreadClock.Start();
                var last = (Time: w.Elapsed, Bytes: GC.GetAllocatedBytesForCurrentThread());
                void Mark(string name)
                {
                    var now = (Time: w.Elapsed, Bytes: GC.GetAllocatedBytesForCurrentThread());
                    if (!warm)
                    {
                        var sum = times.GetValueOrDefault(name);
                        times[name] = (sum.Time + (now.Time - last.Time), sum.Bytes + (now.Bytes - last.Bytes));
                    }
                    last = (w.Elapsed, GC.GetAllocatedBytesForCurrentThread());
                }
                var norm = TextNormalizer.Normalize(text);
                Mark("normalize");
                var tokens = Tokenizer.Tokenize(norm.Text);
                Mark("tokenize");
                var sentences = SentenceSplitter.Split(norm.Text, tokens);
                Mark("sentences");
                var analysis = new Analysis(new Document(norm, tokens, sentences), new SourceInfo { Published = PipelineStages.Published }, PipelineStages.Published);
                foreach (var stage in stages)
                {
                    stage.Process(analysis, CancellationToken.None);
                    Mark(stage.GetType().Name);
                }
                var record = RecordAssembler.Assemble(analysis);
                Mark("assemble");
                RecordJson.ToJsonLine(record);
                Mark("json");
            }
        }
        double total = times.Values.Sum(t => t.Time.TotalMilliseconds);
        double bytes = times.Values.Sum(t => (double)t.Bytes);
        int n = texts.Count * rounds;
        Console.WriteLine($"{texts.Count} articles x {rounds} rounds; total {total / n * 1000:0} us per article ({n / (total / 1000):0} articles/s on this thread), {bytes / n / 1024:0} KB allocated per article; {ThreadClock.Kind}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"part",-18} {"us/article",11} {"share",7} {"KB/article",11}");
        foreach (var (name, t) in times.OrderByDescending(kv => kv.Value.Time))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-18} {t.Time.TotalMilliseconds / n * 1000,11:0} {t.Time.TotalMilliseconds / total,7:P1} {t.Bytes / 1024.0 / n,11:0.0}"));
        return 0;
    }

    /// <summary>
    /// <c>stages --files A.txt B.txt</c>: one timed pass per file (after a warm-up on the first), each stage's time in
    /// ms. Run it on the same hostile shape at two sizes to see which stage grows faster than its input.
    /// </summary>
    private static int Files(string[] files)
    {
        var extractor = NewsExtractor.CreateDefault();
        var stages = PipelineStages.Of(extractor);
        bool warm = true;
        foreach (var file in files.Prepend(files[0]))
        {
            var text = File.ReadAllText(file);
            var marks = new List<(string, TimeSpan)>();
            var w = Stopwatch.StartNew();
            var norm = TextNormalizer.Normalize(text);
            marks.Add(("normalize", w.Elapsed));
            var tokens = Tokenizer.Tokenize(norm.Text);
            var sentences = SentenceSplitter.Split(norm.Text, tokens);
            marks.Add(("tokens+sentences", w.Elapsed));
            var analysis = new Analysis(new Document(norm, tokens, sentences), new SourceInfo { Published = PipelineStages.Published }, PipelineStages.Published);
            foreach (var stage in stages)
            {
                stage.Process(analysis, CancellationToken.None);
                marks.Add((stage.GetType().Name, w.Elapsed));
            }
            RecordJson.ToJsonLine(RecordAssembler.Assemble(analysis));
            marks.Add(("assemble+json", w.Elapsed));
            if (warm) { warm = false; continue; }
            var last = TimeSpan.Zero;
            var parts = new List<string>();
            foreach (var (name, at) in marks) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {(at - last).TotalMilliseconds:0}")); last = at; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {text.Length:N0} chars, {w.Elapsed.TotalSeconds:0.00} s: {string.Join(", ", parts)} (ms)"));
        }
        return 0;
    }

    /// <summary>
    /// <c>stages --patterns</c>: every rule pattern scanned over the whole corpus as the stages scan it (Matches over the
    /// article), as loaded (interpreted) and recompiled with RegexOptions.Compiled, to show which patterns dominate and
    /// what compiling them would buy. Measurement only: the library is not changed.
    /// </summary>
    private static int Patterns()
    {
        var texts = BatchThroughputCommand.CorpusTexts().Select(t => TextNormalizer.Normalize(t).Text).ToList();
        var library = NewsExtract.Rules.PatternLibrary.Default;
        var rows = new List<(string Name, double Interpreted, double Compiled, double BuildMs)>();
        foreach (var name in library.Names)
        {
            var loaded = library[name];
            var build = Stopwatch.StartNew();
            var compiled = new System.Text.RegularExpressions.Regex(loaded.ToString(), loaded.Options | System.Text.RegularExpressions.RegexOptions.Compiled, loaded.MatchTimeout);
            compiled.Matches("warm up 12 suara").Count.ToString(CultureInfo.InvariantCulture);
            double buildMs = build.Elapsed.TotalMilliseconds;
            double Time(System.Text.RegularExpressions.Regex r)
            {
                foreach (var t in texts.Take(20)) _ = r.Matches(t).Count;
                var w = Stopwatch.StartNew();
                foreach (var t in texts) _ = r.Matches(t).Count;
                return w.Elapsed.TotalMilliseconds * 1000 / texts.Count;
            }
            rows.Add((name, Time(loaded), Time(compiled), buildMs));
        }
        Console.WriteLine($"{rows.Count} patterns over {texts.Count} articles; us per article for one full scan");
        Console.WriteLine($"{"pattern",-40} {"interpreted",12} {"compiled",9} {"compile ms",11}");
        foreach (var r in rows.OrderByDescending(r => r.Interpreted).Take(25))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-40} {r.Interpreted,12:0} {r.Compiled,9:0} {r.BuildMs,11:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"all patterns, one scan each",-40} {rows.Sum(r => r.Interpreted),12:0} {rows.Sum(r => r.Compiled),9:0} {rows.Sum(r => r.BuildMs),11:0}"));
        return 0;
    }
}
