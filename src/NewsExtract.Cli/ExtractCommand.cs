using System.CommandLine;
using System.Globalization;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>`newsextract extract PATH...`: one record per article, streamed in input order.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files (.txt, .html, .htm, .jsonl), folders (searched recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: jsonl (one record per line), json (an array), csv (a table, see --table), summary (one line per article for a person) or parquet (a folder of typed tables, named with --output).",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "jsonl|json|csv|summary|parquet",
        };
        format.AcceptOnlyFromAmong(FormatNames);
        var table = new Option<string>("--table")
        {
            Description = "With --format csv: one row per candidate pair (pairs), official, date, figure or entity.",
            DefaultValueFactory = _ => "pairs",
            HelpName = string.Join('|', CsvTables.Names),
        };
        table.AcceptOnlyFromAmong(CsvTables.Names);
        var pretty = new Option<bool>("--pretty") { Description = "Indented JSON (implies --format json)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to <file> (atomically) instead of standard output.", HelpName = "file" };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Articles to work on in parallel; output keeps input order.",
            DefaultValueFactory = _ => 1,
            HelpName = "n",
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date of all plain-text inputs, against which relative dates resolve.",
            HelpName = "yyyy-mm-dd",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No end-of-run summary on standard error (errors are still reported)." };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Largest input read, in bytes (counted while reading): a file, an HTML page, a JSONL line or standard input. A larger one gets an error record.",
            DefaultValueFactory = _ => ReadLimits.DefaultMaxBytes,
            HelpName = "n",
        };
        var maxChars = new Option<int>("--max-chars")
        {
            Description = "Longest article text, in characters. A longer one gets an error record.",
            DefaultValueFactory = _ => ExtractionOptions.Default.MaxTextLength,
            HelpName = "n",
        };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "Read every input as text, html or jsonl, instead of by its name and first bytes (auto).",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|text|html|jsonl",
        };
        inputFormat.AcceptOnlyFromAmong("auto", "text", "html", "jsonl");
        var model = new Option<string?>("--model") { Description = "Use this entity model <file> (from 'newsextract train') instead of the embedded one.", HelpName = "file" };
        var command = new Command("extract", "Extract election records from news articles.\n\n" +
            "Every input gets one record in input order: an article record, or an error record naming what is wrong.\n" +
            "Only regular files are read (FIFOs and devices get an error record); links to folders are not followed.\n" +
            "Memory holds at most 2 x --threads inputs of at most --max-bytes each.\n\n" +
            "Examples:\n  newsextract extract corpus/seed\n  newsextract extract page.html --format csv -o pairs.csv\n  newsextract extract pages/ --format csv --table officials -o officials.csv\n  newsextract extract article.txt --format summary\n  newsextract extract article.txt --pretty\n  newsextract extract scraped.jsonl --threads 2 -o records.jsonl\n  cat article.txt | newsextract extract - --published 2024-09-23")
        {
            paths, format, table, pretty, output, threads, published, quiet, maxBytes, maxChars, inputFormat, model,
        };
        command.SetAction((parse, ct) =>
        {
            int n = parse.GetValue(threads);
            if (n < 1) return Task.FromResult(context.UsageError("--threads must be 1 or more."));
            if (parse.GetValue(maxBytes) < 1) return Task.FromResult(context.UsageError("--max-bytes must be 1 or more."));
            if (parse.GetValue(maxChars) < 1) return Task.FromResult(context.UsageError("--max-chars must be 1 or more."));
            // The parser hands an unknown option to PATH; a path that looks like an option and is no file is a typo.
            var unknown = parse.GetValue(paths)!.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p));
            if (unknown is not null) return Task.FromResult(context.UsageError($"unknown option '{unknown}'."));
            if (parse.GetValue(format) == "parquet" && parse.GetValue(output) is null)
                return Task.FromResult(context.UsageError("--format parquet writes a folder of tables: name it with --output DIR."));
            if (parse.GetValue(format) == "parquet" && File.Exists(parse.GetValue(output)))
                return Task.FromResult(context.UsageError($"--output '{parse.GetValue(output)}' is a file; --format parquet writes a folder of tables."));
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Task.FromResult(context.UsageError($"--published '{p}' is not a date in the form yyyy-mm-dd."));
                date = d;
            }
            bool formatGiven = parse.GetResult(format) is { Implicit: false };
            var chosen = ParseFormat(parse.GetValue(format)!);
            if (parse.GetValue(pretty))
            {
                if (formatGiven && chosen != OutputFormat.Json)
                    return Task.FromResult(context.UsageError($"--pretty indents JSON; it does not apply to --format {parse.GetValue(format)}."));
                chosen = OutputFormat.Json;
            }
            if (parse.GetResult(table) is { Implicit: false } && chosen != OutputFormat.Csv)
                return Task.FromResult(context.UsageError("--table chooses a CSV table; use it with --format csv."));
            var layout = new OutputLayout(CsvTables.Parse(parse.GetValue(table)!), parse.GetValue(pretty));
            EntityModel? entityModel = null;
            if (parse.GetValue(model) is { } modelPath)
            {
                if (!File.Exists(modelPath)) return Task.FromResult(context.UsageError($"no model file '{modelPath}'."));
                try { entityModel = EntityModel.Load(modelPath); }
                catch (InvalidDataException ex) { context.Stderr.WriteLine($"newsextract: {ex.Message}"); return Task.FromResult(1); }
            }
            var settings = new ExtractSettings(chosen, parse.GetValue(output), n, date, parse.GetValue(maxBytes), parse.GetValue(maxChars))
            {
                Layout = layout,
                Quiet = parse.GetValue(quiet),
                Model = entityModel,
                InputFormat = parse.GetValue(inputFormat) switch { "text" => InputFormat.Text, "html" => InputFormat.Html, "jsonl" => InputFormat.Jsonl, _ => InputFormat.Auto },
            };
            return Task.FromResult(Run(context, parse.GetValue(paths)!, settings, ct));
        });
        return command;
    }

    internal static readonly string[] FormatNames = ["jsonl", "json", "csv", "summary", "parquet"];

    private static OutputFormat ParseFormat(string name) => name switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "summary" => OutputFormat.Summary,
        "parquet" => OutputFormat.Parquet,
        _ => OutputFormat.Jsonl,
    };

    internal static int Run(CliContext context, string[] paths, OutputFormat format, string? output, int threads, DateOnly? published, CancellationToken ct,
        OutputLayout? layout = null, bool quiet = true) =>
        Run(context, paths, new ExtractSettings(format, output, threads, published) { Layout = layout ?? OutputLayout.Default, Quiet = quiet }, ct);

    internal static int Run(CliContext context, string[] paths, ExtractSettings settings, CancellationToken ct)
    {
        // Everything that can make the run pointless is checked before any work: a bad --output is a usage error.
        OutputTarget? target = null;
        // Parquet writes a folder of tables (checked by the option handler); the other formats one file or stdout.
        if (settings.Output is not null && settings.Format != OutputFormat.Parquet)
        {
            target = OutputTarget.Resolve(settings.Output, out var problem);
            if (target is null) return context.UsageError(problem!);
        }
        // A missing path becomes an error record like any unreadable input, so one bad name does not stop a batch.
        var sources = Inputs.Expand(paths, out var notes);
        // "extract . > out.jsonl": the shell makes out.jsonl inside the folder being read; reading this run's own
        // output as input would never end. (--output writes under a hidden temporary name, so it is safe.)
        if (target is null && StandardOutputFile() is { } ownOutput)
        {
            int before = sources.Count;
            sources.RemoveAll(s => s.Path != "-" && string.Equals(Path.GetFullPath(s.Path), ownOutput, StringComparison.Ordinal));
            if (sources.Count < before) notes.Add($"skipped {ownOutput}: it is this run's own standard output.");
        }
        foreach (var note in notes) context.Stderr.WriteLine($"newsextract: {note}");
        if (sources.Count == 0)
            return context.UsageError($"no .txt, .html, .htm, .jsonl or .ndjson files (gzipped or not) in {string.Join(", ", paths)}");

        RecordWriter writer;
        try
        {
            writer = settings.Format == OutputFormat.Parquet
                ? RecordWriter.ForParquet(settings.Output!)
                : new RecordWriter(settings.Format, target, context.Stdout, settings.Layout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (target is null && CliContext.IsBrokenPipe(ex)) return CliContext.BrokenPipeExitCode;
            return target is null
                ? OutputFailed(context, null, ex)
                : context.UsageError($"cannot write --output '{settings.Output}': {ex.Message}");
        }

        var extractor = settings.Model is null ? NewsExtractor.CreateDefault() : NewsExtractor.Create(settings.Model);
        var limits = new ReadLimits(settings.MaxBytes, settings.InputFormat);
        int failed = 0, crashed = 0, done = 0;
        using var progress = Progress.Create(context.Stderr, sources.Count);
        var summary = new RunSummary();
        using (writer)
        using (SignalGuard.Register(target is null ? null : writer, settings.Output, context.Stderr))
        {
            var items = Inputs.Read(sources, settings.Published, context.Stdin, limits);
            foreach (var (record, crash) in Parallel.OrderedMap(items, item => ExtractSafely(extractor, item, settings.MaxChars, ct), settings.Threads, ct))
            {
                if (crash is not null)
                {
                    crashed++;
                    context.Stderr.WriteLine($"newsextract: internal error on {record.Source.Path}: {crash}");
                }
                if (record.Error is not null)
                {
                    failed++;
                    context.Stderr.WriteLine($"newsextract: {record.Error.Message}");
                }
                try
                {
                    writer.Write(record);
                    summary.Add(record);
                }
                catch (IOException ex)
                {
                    if (target is null && CliContext.IsBrokenPipe(ex)) return CliContext.BrokenPipeExitCode;
                    return OutputFailed(context, settings.Output, ex);
                }
                progress?.Report(++done);
            }
            try
            {
                writer.Complete();
            }
            catch (IOException ex)
            {
                if (target is null && CliContext.IsBrokenPipe(ex)) return CliContext.BrokenPipeExitCode;
                return OutputFailed(context, settings.Output, ex);
            }
        }
        progress?.Dispose();
        if (!settings.Quiet) context.Stderr.WriteLine(summary.Render());
        return crashed > 0 ? CliContext.InternalErrorExitCode : failed == 0 ? 0 : CliContext.FailedExitCode;
    }

    /// <summary>The regular file standard output is redirected to (Linux: /proc/self/fd/1), or null.</summary>
    private static string? StandardOutputFile()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var target = File.ResolveLinkTarget("/proc/self/fd/1", returnFinalTarget: true);
            return target is FileInfo { Exists: true } file ? file.FullName : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int OutputFailed(CliContext context, string? output, Exception ex)
    {
        context.Stderr.WriteLine(output is null
            ? $"newsextract: cannot write to standard output: {ex.Message}"
            : $"newsextract: cannot write --output '{output}': {ex.Message}; nothing was written there (an existing file is unchanged).");
        return CliContext.FailedExitCode;
    }

    /// <summary>
    /// The record of one input. No input may stop the batch: an exception here is a bug in the library or the tool,
    /// reported as an error record in the input's place, in full on stderr, and by exit code 3.
    /// </summary>
    private static (ArticleRecord Record, Exception? Crash) ExtractSafely(NewsExtractor extractor, BatchItem item, int maxChars, CancellationToken ct)
    {
        try
        {
            return (Extract(extractor, item, maxChars, ct), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var record = ArticleRecord.ForError(new SourceInfo { Path = item.Name },
                $"{item.Name}: internal error ({ex.GetType().Name}: {ex.Message}); this is a bug in newsextract, please report it with this input.");
            return (record, ex);
        }
    }

    /// <summary>The record of one input with the default text limit (the view command's).</summary>
    internal static ArticleRecord Extract(NewsExtractor extractor, BatchItem item, CancellationToken ct) =>
        Extract(extractor, item, ExtractionOptions.Default.MaxTextLength, ct);

    internal static ArticleRecord Extract(NewsExtractor extractor, BatchItem item, int maxChars, CancellationToken ct)
    {
        if (item.Input is null)
            return ArticleRecord.ForError(new SourceInfo { Path = item.Name }, $"{item.Name}: {item.ReadError}");
        var input = item.Input with { Options = (item.Input.Options ?? ExtractionOptions.Default) with { MaxTextLength = maxChars } };
        var record = extractor.ExtractInput(input, ct);
        return item.ReadWarning is null ? record : record with { Warnings = [item.ReadWarning, .. record.Warnings] };
    }
}

/// <summary>The settings of one extract run.</summary>
internal sealed record ExtractSettings(
    OutputFormat Format, string? Output, int Threads, DateOnly? Published,
    long MaxBytes = ReadLimits.DefaultMaxBytes, int MaxChars = 5_000_000)
{
    /// <summary>The CSV table and JSON indentation.</summary>
    public OutputLayout Layout { get; init; } = OutputLayout.Default;

    /// <summary>No end-of-run line on stderr.</summary>
    public bool Quiet { get; init; } = true;

    /// <summary>--model: an entity model instead of the embedded one.</summary>
    public EntityModel? Model { get; init; }

    /// <summary>--input-format: read every input as this, not by its name and first bytes.</summary>
    public InputFormat InputFormat { get; init; } = InputFormat.Auto;
}
