using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsExtract.Evaluation;
using NewsExtract.Ner;
using NewsExtract.Vocabulary;

namespace NewsExtract.Training;

/// <summary>What <c>newsextract train</c> produced.</summary>
internal sealed record NerTrainingResult(NerModel Model, NerTrainingInfo Info, IReadOnlyList<NerSystemScores>? Dev, string ModelPath, string MetricsPath);

/// <summary>A CoNLL file and the mapping of its entity types to PER/ORG/LOC.</summary>
internal sealed record ConllSource(string Path, ConllTypeMap Types);

/// <summary>
/// Rebuilds the shipped entity model from the corpus: trains on the train split, scores the model and both
/// baselines (no vocabulary features; gazetteer only) on the dev split, and writes ner.bin and ner.metrics.json.
/// Both files are the same bytes on every run from the same corpus and options (no clock or path in them).
/// </summary>
internal static class NerTrainingRun
{
    public const string ModelFile = "ner.bin";
    public const string MetricsFile = "ner.metrics.json";

    /// <param name="corpusRoot">The corpus folder (with splits/).</param>
    /// <param name="outputDirectory">Where ner.bin and ner.metrics.json go.</param>
    /// <param name="options">Algorithm settings.</param>
    /// <param name="limit">Train on the first <paramref name="limit"/> train articles only (for quick checks).</param>
    /// <param name="baselines">Also train the model without vocabulary features and score the baselines on dev.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="extra">CoNLL training sets added to the corpus train split (their train splits only).</param>
    public static NerTrainingResult Run(string corpusRoot, string outputDirectory, NerTrainingOptions options, int? limit, bool baselines, TextWriter log, IReadOnlyList<ConllSource>? extra = null)
    {
        var corpus = GoldCorpus.Load(corpusRoot);
        var vocabularies = Vocabularies.Default;
        var trainArticles = corpus.Split("train");
        if (limit is { } n) trainArticles = trainArticles.Take(n).ToArray();
        var (examples, alignment) = NerGold.Align(trainArticles);
        log.WriteLine($"train: {trainArticles.Count} articles; {alignment}.");
        foreach (var problem in alignment.Problems) log.WriteLine("  " + problem);
        if (options.CaseCopies)
        {
            examples.AddRange(NerGold.Align(trainArticles, TextCase.Lower).Examples);
            examples.AddRange(NerGold.Align(trainArticles, TextCase.Upper).Examples);
            log.WriteLine("train: with a lowercased and an upper-cased copy of every article.");
        }
        var sources = new List<string> { $"corpus train split ({trainArticles.Count} articles)" };
        foreach (var source in extra ?? [])
        {
            var sentences = ConllCorpus.Read(source.Path, source.Types);
            var added = ConllExamples(sentences, source.Path, options);
            examples.AddRange(added);
            sources.Add($"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(source.Path)))}/{Path.GetFileName(source.Path)} ({sentences.Count} sentences, {source.Types})");
            log.WriteLine($"train: + {sentences.Count} sentences of {source.Path} ({source.Types}).");
        }

        var model = NerTrainer.Train(examples, options, vocabularies, out var info);
        info = info with { Articles = trainArticles.Count };
        log.WriteLine($"trained in {info.Elapsed.TotalSeconds:0.0} s: {info.Tokens:N0} tokens, {info.Features:N0} features (of {info.CandidateFeatures:N0} seen).");

        NerModel? withoutVocabulary = null;
        if (baselines && (options.Groups & NerFeatureGroups.Vocabulary) != 0)
        {
            withoutVocabulary = NerTrainer.Train(examples, options.WithoutVocabulary(), vocabularies, out var baseInfo);
            log.WriteLine($"trained without vocabulary features in {baseInfo.Elapsed.TotalSeconds:0.0} s: {baseInfo.Features:N0} features.");
        }
        NerReport? dev = corpus.Splits.ContainsKey("dev") && corpus.Split("dev").Count > 0
            ? NerEvaluation.Run(corpus, "dev", model, withoutVocabulary, vocabularies)
            : null;
        if (dev is not null) log.Write(dev.Render());
        if (dev is not null && Environment.GetEnvironmentVariable("NEWSEXTRACT_NER_ERRORS") is { Length: > 0 } errorsPath)
            File.WriteAllLines(errorsPath, NerEvaluation.Errors(corpus.Split("dev"), d => model.Tag(d, vocabularies)));
        var devMetrics = dev is null ? null : new DevMetrics($"corpus dev split", dev.Articles, dev.Tokens, dev.Systems);
        return Write(model, outputDirectory, options, info, alignment, sources, devMetrics, log);
    }

    /// <summary>
    /// Trains on a CoNLL file (a public NER set's train split), scores on another (its dev split) when given, and
    /// writes ner.bin and ner.metrics.json like <see cref="Run"/>.
    /// </summary>
    public static NerTrainingResult RunConll(ConllSource train, ConllSource? dev, string outputDirectory, NerTrainingOptions options, TextWriter log)
    {
        var vocabularies = Vocabularies.Default;
        var sentences = ConllCorpus.Read(train.Path, train.Types);
        var examples = ConllExamples(sentences, train.Path, options, out var alignment);
        log.WriteLine($"train: {sentences.Count} sentences of {train.Path} ({train.Types}); {alignment}{(options.CaseCopies ? "; with lowercased and upper-cased copies" : "")}.");
        var model = NerTrainer.Train(examples, options, vocabularies, out var info);
        info = info with { Articles = sentences.Count };
        log.WriteLine($"trained in {info.Elapsed.TotalSeconds:0.0} s: {info.Tokens:N0} tokens, {info.Features:N0} features (of {info.CandidateFeatures:N0} seen).");
        DevMetrics? devMetrics = null;
        if (dev is not null)
        {
            var devSentences = ConllCorpus.Read(dev.Path, dev.Types);
            var systems = new List<NerSystemScores>();
            foreach (var textCase in (TextCase[])[TextCase.AsWritten, TextCase.Lower, TextCase.Upper])
                systems.Add(new(textCase == TextCase.AsWritten ? "model" : $"model-{textCase.ToString().ToLowerInvariant()}case",
                    textCase == TextCase.AsWritten ? "the model on the text as written" : $"the model on the text in {textCase.ToString().ToLowerInvariant()}case",
                    ConllCorpus.Score(devSentences, d => model.Tag(d, vocabularies), textCase)));
            int tokens = devSentences.Sum(s => s.Text.Split(' ').Length);
            log.Write(ConllCorpus.Render(dev.Path, devSentences.Count, tokens, systems));
            devMetrics = new DevMetrics(Path.GetFileName(dev.Path), devSentences.Count, tokens, systems);
        }
        return Write(model, outputDirectory, options, info, alignment, [$"{Path.GetFileName(train.Path)} ({sentences.Count} sentences, {train.Types})"], devMetrics, log);
    }

    private static List<NerExample> ConllExamples(IReadOnlyList<ConllSentence> sentences, string name, NerTrainingOptions options) =>
        ConllExamples(sentences, name, options, out _);

    private static List<NerExample> ConllExamples(IReadOnlyList<ConllSentence> sentences, string name, NerTrainingOptions options, out NerAlignment alignment)
    {
        var (examples, aligned) = ConllCorpus.Examples(sentences, Path.GetFileName(name));
        alignment = aligned;
        if (options.CaseCopies)
        {
            examples.AddRange(ConllCorpus.Examples(sentences, Path.GetFileName(name), TextCase.Lower).Examples);
            examples.AddRange(ConllCorpus.Examples(sentences, Path.GetFileName(name), TextCase.Upper).Examples);
        }
        return examples;
    }

    private sealed record DevMetrics(string Name, int Units, int Tokens, IReadOnlyList<NerSystemScores> Systems);

    private static NerTrainingResult Write(NerModel model, string outputDirectory, NerTrainingOptions options, NerTrainingInfo info, NerAlignment alignment,
        IReadOnlyList<string> sources, DevMetrics? dev, TextWriter log)
    {
        Directory.CreateDirectory(outputDirectory);
        string modelPath = Path.Combine(outputDirectory, ModelFile);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            model.Write(buffer);
            bytes = buffer.ToArray();
        }
        WriteAtomically(modelPath, bytes);
        string metricsPath = Path.Combine(outputDirectory, MetricsFile);
        WriteAtomically(metricsPath, Metrics(bytes, options, info, alignment, sources, dev));
        log.WriteLine($"wrote {modelPath} ({bytes.Length:N0} bytes) and {metricsPath}.");
        return new NerTrainingResult(model, info, dev?.Systems, modelPath, metricsPath);
    }

    private static byte[] Metrics(byte[] model, NerTrainingOptions options, NerTrainingInfo info, NerAlignment alignment, IReadOnlyList<string> sources, DevMetrics? dev)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", ModelFile);
            w.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(model)));
            w.WriteNumber("bytes", model.Length);
            w.WriteString("algorithm", NerTrainer.Describe(options));
            w.WriteString("decoding", options.Algorithm == NerAlgorithm.Perceptron
                ? "Viterbi over the summed tag scores (tag bigrams through the previous-tag features), with BIO constraints"
                : "Viterbi over the tag probabilities given the previous tag, with BIO constraints");
            w.WriteStartObject("hyperparameters");
            w.WriteString("featureGroups", options.Groups.ToString());
            w.WriteNumber("minFeatureCount", options.MinFeatureCount);
            if (options.Algorithm != NerAlgorithm.Sdca) w.WriteString("algorithm", options.Algorithm.ToString().ToLowerInvariant());
            w.WriteString("l2", options.L2.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("l1", options.L1.ToString("R", CultureInfo.InvariantCulture));
            w.WriteNumber("iterations", options.Iterations);
            w.WriteNumber("seed", options.Seed);
            w.WriteBoolean("caseCopies", options.CaseCopies);
            if (options.Clusters is { } clusters) w.WriteNumber("clusterWords", clusters.Count);
            w.WriteEndObject();
            w.WriteStartObject("training");
            w.WriteStartArray("data");
            foreach (var source in sources) w.WriteStringValue(source);
            w.WriteEndArray();
            w.WriteNumber("articles", info.Articles);
            w.WriteNumber("tokens", info.Tokens);
            w.WriteNumber("entities", info.Entities);
            w.WriteNumber("featuresSeen", info.CandidateFeatures);
            w.WriteNumber("features", info.Features);
            w.WriteNumber("goldAligned", alignment.Aligned);
            w.WriteNumber("goldWidened", alignment.Snapped);
            w.WriteNumber("goldSkipped", alignment.Skipped);
            w.WriteEndObject();
            if (dev is not null)
            {
                w.WriteStartObject("dev");
                w.WriteString("data", dev.Name);
                w.WriteNumber("articles", dev.Units);
                w.WriteNumber("tokens", dev.Tokens);
                foreach (var system in dev.Systems)
                {
                    w.WriteStartObject(system.Name);
                    foreach (var field in NerReport.Fields)
                    {
                        var c = system.Scores[field];
                        w.WriteStartObject(field);
                        w.WriteNumber("precision", Math.Round(c.Precision, 4));
                        w.WriteNumber("recall", Math.Round(c.Recall, 4));
                        w.WriteNumber("f1", Math.Round(c.F1, 4));
                        w.WriteNumber("gold", c.Gold);
                        w.WriteNumber("predicted", c.Predicted);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
