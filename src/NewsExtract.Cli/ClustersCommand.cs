using System.CommandLine;
using NewsExtract.Documents;
using NewsExtract.Evaluation;
using NewsExtract.Ner;
using NewsExtract.Training;

namespace NewsExtract.Cli;

/// <summary>`newsextract clusters`: learns a word cluster table from unlabelled text, for `train --clusters`.</summary>
internal static class ClustersCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new WordClusterOptions();
        var output = new Option<string>("--output", "-o") { Description = "The cluster table file to write.", Required = true };
        var conll = new Option<string[]>("--conll") { Description = "Text of a CoNLL file (its token column; labels unused). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (with splits/).", DefaultValueFactory = _ => "corpus" };
        var splits = new Option<string[]>("--split")
        {
            Description = "Text of the corpus articles of this split (repeatable; real-dev needs the shared data, NEWSEXTRACT_SHARED_DATA). Never a test split.",
            AllowMultipleArgumentsPerToken = false,
        };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no cluster.", DefaultValueFactory = _ => defaults.MinCount };
        var depth = new Option<int>("--depth") { Description = $"Deepest split (1..{WordClusters.MaxDepth}).", DefaultValueFactory = _ => defaults.Depth };
        var command = new Command("clusters", "Learn word clusters from unlabelled text (divisive 2-means over PPMI context vectors) for the entity model's cluster features.\n\nExample:\n  newsextract clusters --split train --split real-dev --conll ../shared/data/ner/nergrit_ner-grit/train.txt --conll ../shared/data/ner/nerp_ner-prosa/train.txt -o /tmp/clusters.bin")
        {
            output, conll, corpus, splits, minCount, depth,
        };
        command.SetAction((parse, ct) =>
        {
            var options = defaults with { MinCount = parse.GetValue(minCount), Depth = parse.GetValue(depth) };
            if (options.Depth is < 1 or > WordClusters.MaxDepth) return Task.FromResult(context.UsageError($"--depth must be 1 to {WordClusters.MaxDepth}."));
            var files = parse.GetValue(conll) ?? [];
            var splitNames = parse.GetValue(splits) ?? [];
            if (files.Length == 0 && splitNames.Length == 0) return Task.FromResult(context.UsageError("give some text: --conll FILE or --split NAME."));
            foreach (string name in splitNames)
                if (name.Contains("test", StringComparison.OrdinalIgnoreCase))
                    return Task.FromResult(context.UsageError($"--split {name}: clusters are never learnt from a test split."));
            foreach (string file in files)
                if (!File.Exists(file)) return Task.FromResult(context.UsageError($"no CoNLL file '{file}'."));
            var sentences = new List<(uint[], bool[])>();
            try
            {
                foreach (string file in files)
                {
                    var read = ConllCorpus.Read(file, ConllTypeMap.Identity);
                    foreach (var s in read) sentences.AddRange(WordClusterBuilder.Sentences(Document.Create(s.Text)));
                    context.Stderr.WriteLine($"clusters: + {read.Count:N0} sentences of {file}.");
                }
                if (splitNames.Length > 0)
                {
                    string root = parse.GetValue(corpus)!;
                    if (!Directory.Exists(root)) return Task.FromResult(context.UsageError($"no corpus folder '{root}': run from the root of the NewsExtract repository, or pass --corpus <dir>."));
                    var gold = GoldCorpus.Load(root);
                    foreach (string name in splitNames)
                    {
                        var articles = gold.Split(name);
                        int missing = articles.Count(a => a.Text.Length == 0);
                        if (missing > 0) return Task.FromResult(context.UsageError($"--split {name}: {missing} articles have no text here (the real articles need the shared data: set {GoldCorpus.SharedDataVariable})."));
                        foreach (var article in articles) sentences.AddRange(WordClusterBuilder.Sentences(Document.Create(article.Text)));
                        context.Stderr.WriteLine($"clusters: + {articles.Count} articles of the {name} split.");
                    }
                }
                var table = WordClusterBuilder.Build(sentences, options, context.Stderr);
                string target = parse.GetValue(output)!;
                using (var stream = File.Create(target)) table.Write(stream);
                context.Stderr.WriteLine($"wrote {target}: {table.Count:N0} words.");
                return Task.FromResult(0);
            }
            catch (InvalidDataException ex)
            {
                context.Stderr.WriteLine($"newsextract clusters: {ex.Message}");
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
