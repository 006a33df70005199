using System.CommandLine;
using NewsExtract.Evaluation;

namespace NewsExtract.Cli;

/// <summary>`newsextract corpus stats|split`: maintenance of the annotated corpus.</summary>
internal static class CorpusCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Option<string>("--corpus") { Description = "The corpus folder.", DefaultValueFactory = _ => "corpus" };
        var write = new Option<bool>("--write") { Description = "Write the statistics into CORPUS/README.md between its markers." };
        var stats = new Command("stats", "Print counts per province, race type, story kind and style.") { dir, write };
        stats.SetAction((parse, _) =>
        {
            var corpus = GoldCorpus.Load(parse.GetValue(dir)!);
            string text = CorpusTools.Statistics(corpus);
            if (parse.GetValue(write)) CorpusTools.WriteStatistics(Path.Combine(corpus.Root, "README.md"), text);
            else context.Stdout.Write(text);
            return Task.FromResult(0);
        });
        var split = new Command("split", "Regenerate corpus/splits/{train,dev,test}.txt (stratified by province and story kind).") { dir };
        split.SetAction((parse, _) =>
        {
            var corpus = GoldCorpus.Load(parse.GetValue(dir)!);
            var splits = CorpusTools.MakeSplits(corpus.Articles, corpus.Splits);
            CorpusTools.WriteSplits(corpus.Root, splits);
            foreach (var (name, ids) in splits) context.Stdout.WriteLine($"{name}: {ids.Count}");
            return Task.FromResult(0);
        });
        return new Command("corpus", "Corpus maintenance: statistics and splits.") { stats, split };
    }
}
