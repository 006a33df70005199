using System.Diagnostics;
using System.Globalization;
using NewsExtract.Documents;
using NewsExtract.Evaluation;
using NewsExtract.Ner;
using NewsExtract.Vocabulary;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The entity model on the public Indonesian NER sets (shared/data/ner: NERGrit, NERP) and on the corpus, as
/// written, lowercased and upper-cased, with strict entity F1 (the published measure), and its tagging speed on
/// one thread. Skips the public sets with a message when the shared data is absent.
/// <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- ner-eval [--model ner.bin] [--split valid|test] [--corpus-split dev|test]</c>
/// </summary>
internal static class NerEvalCommand
{
    public const string Description = "entity model on NERGrit/NERP and the corpus in every casing, plus tokens/s (needs ../shared/data for the public sets)";

    private static readonly (string Name, string Folder, string Types)[] Sets =
    [
        ("NERGrit", "nergrit_ner-grit", "PERSON=PER,PLACE=LOC,ORGANISATION=ORG"),
        ("NERP", "nerp_ner-prosa", "PPL=PER,PLC=LOC,IND=ORG"),
    ];

    public static int Run(string[] args)
    {
        string? modelPath = null, split = "valid", corpusSplit = "dev";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--model" when i + 1 < args.Length: modelPath = args[++i]; break;
                case "--split" when i + 1 < args.Length: split = args[++i]; break;
                case "--corpus-split" when i + 1 < args.Length: corpusSplit = args[++i]; break;
                default:
                    Console.Error.WriteLine($"ner-eval: unknown argument '{args[i]}'. Usage: ner-eval [--model ner.bin] [--split valid|test] [--corpus-split dev|test]");
                    return 2;
            }
        }
        NerModel model;
        if (modelPath is null) model = NerModel.Default;
        else
        {
            using var stream = File.OpenRead(modelPath);
            model = NerModel.Read(stream, modelPath);
        }
        var v = Vocabularies.Default;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"model: {modelPath ?? "embedded Resources/model/ner.bin"} ({model.FeatureCount:N0} features)");
        Console.WriteLine($"{"data",-28} {"case",-10} {"P",6} {"R",6} {"F1",6} {"PER",6} {"ORG",6} {"LOC",6}");
        void Row(string data, string textCase, Scorer s) =>
            Console.WriteLine(string.Create(inv, $"{data,-28} {textCase,-10} {s["all"].Precision,6:0.000} {s["all"].Recall,6:0.000} {s["all"].F1,6:0.000} {s["PER"].F1,6:0.000} {s["ORG"].F1,6:0.000} {s["LOC"].F1,6:0.000}"));

        var speedDocuments = new List<Document>();
        string? shared = HtmlSharedData.Locate();
        foreach (var (name, folder, types) in Sets)
        {
            string path = shared is null ? "" : Path.Combine(shared, "ner", folder, split + ".txt");
            if (shared is null || !File.Exists(path))
            {
                Console.WriteLine($"{name}: skipped (no {Path.Combine("shared", "data", "ner", folder, split + ".txt")}; set {HtmlSharedData.Variable})");
                continue;
            }
            var sentences = ConllCorpus.Read(path, ConllTypeMap.Parse(types));
            foreach (var textCase in (TextCase[])[TextCase.AsWritten, TextCase.Lower, TextCase.Upper])
                Row($"{name} {split}", CaseName(textCase), ConllCorpus.Score(sentences, d => model.Tag(d, v), textCase));
            speedDocuments.AddRange(sentences.Select(s => Document.Create(s.Text)));
        }

        string? corpusRoot = FindCorpus();
        if (corpusRoot is null) Console.WriteLine("corpus: skipped (no corpus/ beside NewsExtract.sln)");
        else
        {
            var corpus = GoldCorpus.Load(corpusRoot);
            var articles = corpus.Split(corpusSplit);
            foreach (var textCase in (TextCase[])[TextCase.AsWritten, TextCase.Lower, TextCase.Upper])
                Row($"corpus {corpusSplit}", CaseName(textCase), NerEvaluation.Score(articles, d => model.Tag(d, v), textCase));
            speedDocuments.AddRange(articles.Select(a => Document.Create(a.Text)));
        }

        // Speed: tagging (features, vocabulary matcher, scoring, Viterbi) of tokenised documents on this one thread,
        // per CPU-second of the thread's process (the machine may be shared), after one warm-up pass.
        if (speedDocuments.Count > 0)
        {
            long tokens = speedDocuments.Sum(d => (long)d.Tokens.Count);
            foreach (var d in speedDocuments) model.Tag(d, v);
            long featureCount = speedDocuments.Sum(d => (long)NerFeatures.Extract(d, model.Groups, v, model.Clusters).Offsets[^1]);
            Console.WriteLine(string.Create(inv, $"features: {(double)featureCount / tokens:0.0} per token (before the label context)"));
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var d in speedDocuments) model.Tag(d, v);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            int passes = 0;
            do
            {
                foreach (var d in speedDocuments) model.Tag(d, v);
                passes++;
            }
            while (wall.Elapsed.TotalSeconds < 5);
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(inv, $"speed: {tokens * passes / cpuSeconds:N0} tokens per CPU-second ({tokens * passes / wall.Elapsed.TotalSeconds:N0} per wall second), {passes} passes over {tokens:N0} tokens, one thread; {(double)allocated / tokens:N0} bytes allocated per token"));
        }
        return 0;
    }

    private static string CaseName(TextCase c) => c switch { TextCase.Lower => "lowercase", TextCase.Upper => "uppercase", _ => "as written" };

    private static string? FindCorpus()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln")))
                    return Directory.Exists(Path.Combine(dir.FullName, "corpus")) ? Path.Combine(dir.FullName, "corpus") : null;
        return null;
    }
}
