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
        var minCount = new Option<int>("--min-count") { Description = "Keep features seen in at least this many training tokens.", DefaultValueFactory = _ => defaults.MinFeatureCount };
        var command = new Command("train", "Rebuild the entity model from the corpus train split and score it on dev.\n\nExamples:\n  newsextract train\n  newsextract train --limit 20 -o /tmp/model")
        {
            corpus, output, limit, noBaselines, noVocabulary, noLabelContext, l2, l1, iterations, minCount,
        };
        command.SetAction((parse, ct) =>
        {
            string root = parse.GetValue(corpus)!;
            if (!Directory.Exists(root))
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
                MinFeatureCount = parse.GetValue(minCount),
                Groups = defaults.Groups
                    & (parse.GetValue(noVocabulary) ? ~NerFeatureGroups.Vocabulary : ~(NerFeatureGroups)0)
                    & (parse.GetValue(noLabelContext) ? ~NerFeatureGroups.LabelContext : ~(NerFeatureGroups)0),
            };
            try
            {
                NerTrainingRun.Run(root, parse.GetValue(output)!, options, parse.GetValue(limit), !parse.GetValue(noBaselines), context.Stderr);
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
