using System.CommandLine;
using NewsExtract.Ner;
using NewsExtract.Training;

namespace NewsExtract.Cli;

/// <summary>`newsextract train`: rebuilds the shipped entity model (and its metrics file) from the corpus.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new NerTrainingOptions();
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (with splits/).", DefaultValueFactory = _ => "corpus" };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for ner.bin and ner.metrics.json.",
            DefaultValueFactory = _ => Path.Combine("src", "NewsExtract", "Resources", "model"),
        };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N train articles only (quick checks)." };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Skip the model without vocabulary features (dev report shows the model and the gazetteer only)." };
        var noVocabulary = new Option<bool>("--no-vocabulary") { Description = "Train without vocabulary features." };
        var noLabelContext = new Option<bool>("--no-label-context") { Description = "Train without previous-tag features." };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation.", DefaultValueFactory = _ => defaults.L2 };
        var l1 = new Option<float>("--l1") { Description = "L1 regularisation.", DefaultValueFactory = _ => defaults.L1 };
        var iterations = new Option<int>("--iterations") { Description = "Passes over the data.", DefaultValueFactory = _ => defaults.Iterations };
        var algorithm = new Option<NerAlgorithm>("--algorithm") { Description = "sdca (maximum entropy, Microsoft.ML; the default) or perceptron (averaged structured perceptron, Viterbi over summed scores).", DefaultValueFactory = _ => defaults.Algorithm };
        var clusters = new Option<string?>("--clusters") { Description = "Add word cluster features from this table (built by 'newsextract clusters'); the model file carries the table." };
        var minCount = new Option<int>("--min-count") { Description = "Keep features seen in at least this many training tokens.", DefaultValueFactory = _ => defaults.MinFeatureCount };
        var noCaseCopies = new Option<bool>("--no-case-copies") { Description = "Train on the texts as written only (by default a lowercased and an upper-cased copy of every text are added, so the model does not depend on capitals)." };
        var conll = new Option<string?>("--conll") { Description = "Train on this CoNLL file (token<TAB>BIO per line) instead of the corpus." };
        var conllDev = new Option<string?>("--conll-dev") { Description = "With --conll: score the model on this CoNLL file (as written, lowercased, upper-cased)." };
        var types = new Option<string?>("--types") { Description = "With --conll or --add-conll: map the file's types to PER/ORG/LOC (PERSON=PER,PLACE=LOC,ORGANISATION=ORG); other types count as O." };
        var addConll = new Option<string[]>("--add-conll")
        {
            Description = "Add this CoNLL file's sentences to the corpus train split (repeatable; types from --types).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("train", "Rebuild the entity model from the corpus train split and score it on dev, or train on a CoNLL set.\n\nExamples:\n  newsextract train\n  newsextract train --limit 20 -o /tmp/model\n  newsextract train --conll ner/nergrit/train.txt --conll-dev ner/nergrit/valid.txt --types PERSON=PER,PLACE=LOC,ORGANISATION=ORG -o /tmp/nergrit")
        {
            corpus, output, limit, noBaselines, noVocabulary, noLabelContext, l2, l1, iterations, algorithm, clusters, minCount, noCaseCopies, conll, conllDev, types, addConll,
        };
        command.SetAction((parse, ct) =>
        {
            string root = parse.GetValue(corpus)!;
            if (parse.GetValue(conll) is null && !Directory.Exists(root))
                return Task.FromResult(context.UsageError($"no corpus folder '{root}'. 'newsextract train' is a maintainer command: run it from the root of the NewsExtract repository, or pass --corpus <dir>.", "train"));
            // The default output is the repository's model folder; elsewhere it would scatter src/NewsExtract/... into the current folder.
            string target = parse.GetValue(output)!;
            if (parse.GetResult(output) is null or { Implicit: true } && !Directory.Exists(target))
                return Task.FromResult(context.UsageError($"no model folder '{target}': run from the root of the NewsExtract repository, or pass --output <dir>.", "train"));
            if (parse.GetValue(limit) is < 1) return Task.FromResult(context.UsageError("--limit must be 1 or more."));
            var options = defaults with
            {
                L2 = parse.GetValue(l2),
                L1 = parse.GetValue(l1),
                Iterations = parse.GetValue(iterations),
                Algorithm = parse.GetValue(algorithm),
                MinFeatureCount = parse.GetValue(minCount),
                CaseCopies = !parse.GetValue(noCaseCopies),
                Groups = defaults.Groups
                    & (parse.GetValue(noVocabulary) ? ~NerFeatureGroups.Vocabulary : ~(NerFeatureGroups)0)
                    & (parse.GetValue(noLabelContext) ? ~NerFeatureGroups.LabelContext : ~(NerFeatureGroups)0),
            };
            if (parse.GetValue(clusters) is { } clusterFile)
            {
                if (!File.Exists(clusterFile)) return Task.FromResult(context.UsageError($"no cluster table '{clusterFile}'."));
                try { options = options with { Clusters = WordClusters.Load(clusterFile), Groups = options.Groups | NerFeatureGroups.Clusters }; }
                catch (InvalidDataException ex) { return Task.FromResult(context.UsageError($"--clusters: {ex.Message}")); }
            }
            ConllTypeMap typeMap = ConllTypeMap.Identity;
            if (parse.GetValue(types) is { } spec)
            {
                try { typeMap = ConllTypeMap.Parse(spec); }
                catch (FormatException ex) { return Task.FromResult(context.UsageError($"--types: {ex.Message}")); }
            }
            var extra = parse.GetValue(addConll) ?? [];
            string? conllTrain = parse.GetValue(conll), conllDevPath = parse.GetValue(conllDev);
            if (conllTrain is null && conllDevPath is not null) return Task.FromResult(context.UsageError("--conll-dev needs --conll."));
            if (conllTrain is not null && extra.Length > 0) return Task.FromResult(context.UsageError("--add-conll adds to the corpus; with --conll give one training file."));
            foreach (var file in (string?[])[conllTrain, conllDevPath, .. extra])
                if (file is not null && !File.Exists(file)) return Task.FromResult(context.UsageError($"no CoNLL file '{file}'."));
            try
            {
                if (conllTrain is not null)
                    NerTrainingRun.RunConll(new ConllSource(conllTrain, typeMap), conllDevPath is null ? null : new ConllSource(conllDevPath, typeMap), parse.GetValue(output)!, options, context.Stderr);
                else
                    NerTrainingRun.Run(root, parse.GetValue(output)!, options, parse.GetValue(limit), !parse.GetValue(noBaselines), context.Stderr,
                        [.. extra.Select(f => new ConllSource(f, typeMap))]);
                return Task.FromResult(0);
            }
            catch (InvalidDataException ex)
            {
                context.Stderr.WriteLine($"newsextract train: {ex.Message}");
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
