using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace NewsExtract.Cli;

/// <summary>The console streams a command works with; tests pass their own.</summary>
internal sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr)
{
    public const int UsageExitCode = 2;

    public int UsageError(string message)
    {
        Stderr.WriteLine($"newsextract: {message}");
        Stderr.WriteLine("Run 'newsextract --help' for usage.");
        return UsageExitCode;
    }
}

public static class Program
{
    public static int Main(string[] args) => Run(args, new CliContext(Console.In, Console.Out, Console.Error));

    internal static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("newsextract: structured, provenance-linked records from Indonesian election news.\n\nExamples:\n  newsextract extract corpus/seed\n  newsextract extract pages/ --format csv -o pairs.csv\n  newsextract extract crawl.jsonl --threads 4 -o records.jsonl\n  newsextract eval corpus --split dev --errors\n  newsextract view corpus/seed -o report.html\n  newsextract --version")
        {
            ExtractCommand.Create(context),
            EvalCommand.Create(context),
            CorpusCommand.Create(context),
            TrainCommand.Create(context),
            ViewCommand.Create(context),
        };
        // The default --version prints the entry assembly's version, which is the test host's when run in-process.
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersion(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Stderr.WriteLine($"newsextract: {error.Message}");
            context.Stderr.WriteLine("Run 'newsextract --help' for usage.");
            return CliContext.UsageExitCode;
        }
        var config = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr };
        return parse.Invoke(config);
    }

    /// <summary>The informational version of the tool (the package version, plus the commit when built from git).</summary>
    internal static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private sealed class PrintVersion(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Stdout.WriteLine(Version);
            return 0;
        }
    }
}
