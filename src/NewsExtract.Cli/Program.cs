using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsExtract.Cli;

/// <summary>The console streams a command works with; tests pass their own.</summary>
internal sealed record CliContext(Stream Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>Some inputs could not be read (each has an error record), or the output could not be written.</summary>
    public const int FailedExitCode = 1;

    public const int UsageExitCode = 2;

    /// <summary>A bug in the tool: an exception no input should cause.</summary>
    public const int InternalErrorExitCode = 3;

    /// <summary>Standard output was closed by its reader (extract ... | head): 128 + SIGPIPE, as a shell reports a tool SIGPIPE stopped.</summary>
    public const int BrokenPipeExitCode = 141;

    /// <summary>EPIPE: the reader of a pipe went away.</summary>
    public static bool IsBrokenPipe(Exception ex) =>
        ex is IOException && (ex.HResult == 32 || ex.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase));

    public int UsageError(string message)
    {
        Stderr.WriteLine($"newsextract: {message}");
        Stderr.WriteLine("Run 'newsextract --help' for usage.");
        return UsageExitCode;
    }
}

public static class Program
{
    public static int Main(string[] args) =>
        RunGuarded(args, new CliContext(Console.OpenStandardInput(), StandardOutput(), Console.Error));

    /// <summary>Runs a command; an exception that escapes it is a bug of the tool: exit 3, never 1 (some inputs failed).</summary>
    internal static int RunGuarded(string[] args, CliContext context)
    {
        try
        {
            int code = Run(args, context);
            context.Stdout.Flush();
            return code;
        }
        catch (Exception ex) when (CliContext.IsBrokenPipe(ex))
        {
            return CliContext.BrokenPipeExitCode; // quietly, as grep and jq stop when their reader has gone
        }
        catch (Exception ex)
        {
            context.Stderr.WriteLine($"newsextract: internal error: {ex}");
            context.Stderr.WriteLine("newsextract: this is a bug in newsextract, not a problem with the input; please report it with the command line.");
            return CliContext.InternalErrorExitCode;
        }
    }

    /// <summary>
    /// Standard output as a plain stream on Unix: Console.Out ignores EPIPE, so a batch piped into head would run to
    /// its end; a FileStream on descriptor 1 reports it.
    /// </summary>
    private static TextWriter StandardOutput()
    {
        if (OperatingSystem.IsWindows()) return Console.Out;
        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
            return new StreamWriter(stream, new UTF8Encoding(false), 65536) { NewLine = "\n" };
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return Console.Out; // descriptor 1 closed or not a file: the console's own writer copes
        }
    }

    internal static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("newsextract: structured, provenance-linked records from Indonesian election news.\n\nExamples:\n  newsextract extract corpus/seed\n  newsextract extract pages/ --format csv -o pairs.csv\n  newsextract extract crawl.jsonl --threads 4 -o records.jsonl\n  newsextract eval corpus --split dev --errors\n  newsextract --version\n\nExit codes of extract: 0 all inputs read, 1 some failed, 2 usage, 3 internal error (see extract --help).")
        {
            ExtractCommand.Create(context),
            EvalCommand.Create(context),
            CorpusCommand.Create(context),
            TrainCommand.Create(context),
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
        // Exceptions reach Main (exit 3, not the parser's exit 1); signals are handled by the extract command itself.
        var config = new InvocationConfiguration
        {
            Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
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
