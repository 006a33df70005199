using System.CommandLine;
using System.CommandLine.Help;
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

    /// <param name="message">What was wrong.</param>
    /// <param name="command">The command whose help to point at ("corpus stats"); the main help when null.</param>
    public int UsageError(string message, string? command = null)
    {
        Stderr.WriteLine($"newsextract: {message}");
        Stderr.WriteLine($"Run 'newsextract {(command is null ? "" : command + " ")}--help' for usage.");
        return UsageExitCode;
    }
}

public static class Program
{
    /// <summary>The command name users type (the dotnet tool's command), used in usage lines whatever the executable is called.</summary>
    internal const string CommandName = "newsextract";

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
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        // Help is asked for: show it even when the rest of the line is incomplete ("newsextract extract --help").
        if (parse.Errors.Count > 0 && parse.Action is not HelpWithFooter)
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

    internal static Command CreateRoot(CliContext context)
    {
        // A plain command named "newsextract" rather than RootCommand, whose usage line shows the executable's file
        // name ("NewsExtract.Cli" under dotnet run); it gets RootCommand's --help and --version by hand.
        var root = new Command(CommandName, "Structured, provenance-linked records from Indonesian election news.\n\nExamples:\n  newsextract extract corpus/seed\n  newsextract extract pages/ --format csv -o pairs.csv\n  newsextract extract crawl.jsonl --threads 4 -o records.jsonl\n  newsextract extract article.txt --format summary\n  newsextract races records.jsonl --format csv -o races.csv\n  newsextract eval corpus --split dev --errors\n  newsextract --version")
        {
            ExtractCommand.Create(context),
            RacesCommand.Create(context),
            ViewCommand.Create(context),
            EvalCommand.Create(context),
            // Maintainer commands: they work on the repository's corpus and model, so they stay out of the user help.
            Maintainer(CorpusCommand.Create(context)),
            Maintainer(TrainCommand.Create(context)),
            Maintainer(ClustersCommand.Create(context)),
        };
        var help = new HelpOption { Recursive = true };
        help.Action = new HelpWithFooter((HelpAction)help.Action!, context);
        root.Options.Add(help);
        // The default --version prints the entry assembly's version, which is the test host's when run in-process.
        root.Options.Add(new VersionOption { Action = new PrintVersion(context) });
        return root;
    }

    private static Command Maintainer(Command command)
    {
        command.Hidden = true;
        return command;
    }

    /// <summary>What the help of newsextract and extract ends with: the accepted inputs (the README says the same).</summary>
    internal const string InputsFooter =
        "Inputs:\n"
        + "  .txt           plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else read as windows-1252\n"
        + "  .html, .htm    a saved news page: the article body, title, date and author are read from it\n"
        + "  .jsonl         a crawl, one page per line: {\"url\", \"html\"} or {\"url\", \"text\"} (optional \"published\", \"title\"); .ndjson too\n"
        + "  .gz            any of these gzipped (page.html.gz, crawl.jsonl.gz); gzip is also known by its first bytes\n"
        + "  -              standard input (text, HTML when it starts with <!doctype html> or <html>, JSON lines when it starts with {)\n"
        + "  a folder       searched recursively for the files above, in path order\n"
        + "\n";

    /// <summary>What every user help page ends with: the exit codes (the README says the same).</summary>
    internal const string ExitCodesFooter =
        "Exit codes:\n"
        + "  0  every input was read and extracted (eval: scored, and the gate passed)\n"
        + "  1  some inputs failed: their error records were written and named on stderr (eval: the gate failed)\n"
        + "  2  usage error: a bad option or argument, or nothing to work on\n"
        + "  3  internal error: a bug in newsextract; please report it\n"
        + "  141  standard output closed by its reader (as with | head); 128+N stopped by signal N (an --output file is left as it was)\n";

    /// <summary>The standard help page, then the accepted inputs and the exit codes (not on the maintainer commands' pages: it speaks of extract and eval).</summary>
    private sealed class HelpWithFooter(HelpAction standard, CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            if (command.Hidden)
            {
                // The standard help writes nothing for a hidden command; its own page is still wanted ("newsextract train --help").
                command.Hidden = false;
                try { return standard.Invoke(parseResult); }
                finally { command.Hidden = true; }
            }
            int exit = standard.Invoke(parseResult);
            if (command.Parents.OfType<Command>().Any(p => p.Hidden)) return exit;
            if (command.Name is CommandName or "extract") context.Stdout.Write(InputsFooter);
            context.Stdout.Write(ExitCodesFooter);
            return exit;
        }
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
