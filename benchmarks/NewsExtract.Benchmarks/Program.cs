using BenchmarkDotNet.Running;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Entry point. With the name of a measurement command as first argument it runs that command
/// (plain measurements over data sets, such as extraction quality on shared benchmark pages);
/// otherwise it hands the arguments to BenchmarkDotNet (e.g. <c>--filter *Tokenizer*</c>).
/// </summary>
public static class Program
{
    // Measurement commands: name -> (description, run). Each returns a process exit code.
    private static readonly SortedDictionary<string, (string Description, Func<string[], int> Run)> Commands = new()
    {
        ["html-eval"] = (HtmlEvalCommand.Description, HtmlEvalCommand.Run),
        ["html-stages"] = (HtmlStagesCommand.Description, HtmlStagesCommand.Run),
        ["matcher"] = (MatcherThroughput.Description, MatcherThroughput.Run),
        ["ner-eval"] = (NerEvalCommand.Description, NerEvalCommand.Run),
        ["batch"] = (BatchThroughputCommand.Description, BatchThroughputCommand.Run),
        ["stages"] = (StageBreakdownCommand.Description, StageBreakdownCommand.Run),
        ["races"] = (RacesThroughputCommand.Description, RacesThroughputCommand.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length > 0 && Commands.TryGetValue(args[0], out var command))
            return command.Run(args[1..]);
        if (args.Length > 0 && args[0] is "--list-commands")
        {
            foreach (var (name, (description, _)) in Commands)
                Console.WriteLine($"{name,-16} {description}");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
