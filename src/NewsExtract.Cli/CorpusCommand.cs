using System.CommandLine;
using NewsExtract.Evaluation;

namespace NewsExtract.Cli;

/// <summary>`newsextract corpus stats|split`: maintenance of the annotated corpus.</summary>
internal static class CorpusCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Option<string>("--corpus") { Description = "The corpus folder.", DefaultValueFactory = _ => "corpus", HelpName = "dir" };
        var write = new Option<bool>("--write") { Description = "Write the statistics into CORPUS/README.md between its markers." };
        var stats = new Command("stats", "Print counts per province, race type, story kind and style.") { dir, write };
        stats.SetAction((parse, _) => Task.FromResult(WithCorpus(context, parse.GetValue(dir)!, corpus =>
        {
            string text = CorpusTools.Statistics(corpus);
            if (parse.GetValue(write)) CorpusTools.WriteStatistics(Path.Combine(corpus.Root, "README.md"), text);
            else context.Stdout.Write(text);
            return 0;
        })));
        var split = new Command("split", "Regenerate corpus/splits/{train,dev,test}.txt (stratified by province and story kind).") { dir };
        split.SetAction((parse, _) => Task.FromResult(WithCorpus(context, parse.GetValue(dir)!, corpus =>
        {
            var splits = CorpusTools.MakeSplits(corpus.Articles, corpus.Splits);
            CorpusTools.WriteSplits(corpus.Root, splits);
            foreach (var (name, ids) in splits) context.Stdout.WriteLine($"{name}: {ids.Count}");
            return 0;
        })));
        return new Command("corpus", "Corpus maintenance (maintainers, in the repository): statistics and splits.") { stats, split };
    }

    /// <summary>
    /// Loads the corpus and runs <paramref name="work"/> on it. Outside the repository (no corpus folder, or a folder
    /// without gold articles) this is a usage error with a hint, not a stack trace; a broken gold file fails with its name.
    /// </summary>
    private static int WithCorpus(CliContext context, string root, Func<GoldCorpus, int> work)
    {
        if (!Directory.Exists(root))
            return context.UsageError($"no corpus folder '{root}'. 'newsextract corpus' is a maintainer command: run it from the root of the NewsExtract repository, or pass --corpus <dir>.", "corpus");
        GoldCorpus corpus;
        try
        {
            corpus = GoldCorpus.Load(root);
        }
        catch (InvalidDataException ex)
        {
            context.Stderr.WriteLine($"newsextract corpus: {ex.Message}");
            return 1;
        }
        if (corpus.Articles.Count == 0)
            return context.UsageError($"'{root}' holds no gold articles (ID.txt + ID.gold.json): it is not the NewsExtract corpus.", "corpus");
        try
        {
            return work(corpus);
        }
        catch (InvalidDataException ex)
        {
            context.Stderr.WriteLine($"newsextract corpus: {ex.Message}");
            return 1;
        }
    }
}
