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
        var command = new Command("extract", "Extract election records from news articles.\n\nExamples:\n  newsextract extract corpus/seed\n  newsextract extract page.html --format csv -o pairs.csv\n  newsextract extract pages/ --format csv --table officials -o officials.csv\n  newsextract extract article.txt --format summary\n  newsextract extract article.txt --pretty\n  newsextract extract scraped.jsonl --threads 2 -o records.jsonl\n  cat article.txt | newsextract extract - --published 2024-09-23")
        {
            paths, format, table, pretty, output, threads, published, quiet,
        };
        command.SetAction((parse, ct) =>
        {
            int n = parse.GetValue(threads);
            if (n < 1) return Task.FromResult(context.UsageError("--threads must be 1 or more."));
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
            return Task.FromResult(Run(context, parse.GetValue(paths)!, chosen, parse.GetValue(output), n, date, ct, layout, parse.GetValue(quiet)));
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
        OutputLayout? layout = null, bool quiet = true)
    {
        // A missing path becomes an error record like any unreadable input, so one bad name does not stop a batch.
        var files = Inputs.Expand(paths, out _);
        if (files.Count == 0)
            return context.UsageError($"no .txt, .html, .htm or .jsonl files in {string.Join(", ", paths)}");

        var extractor = NewsExtractor.CreateDefault();
        int failed = 0, done = 0;
        using var progress = Progress.Create(context.Stderr, files.Count);
        var summary = new RunSummary();
        using (var writer = new RecordWriter(format, output, context.Stdout, layout))
        {
            var items = Inputs.Read(files, published, context.Stdin);
            foreach (var record in Parallel.OrderedMap(items, item => Extract(extractor, item, ct), threads, ct))
            {
                if (record.Error is not null)
                {
                    failed++;
                    context.Stderr.WriteLine($"newsextract: {record.Error.Message}");
                }
                writer.Write(record);
                summary.Add(record);
                progress?.Report(++done);
            }
            writer.Complete();
        }
        progress?.Dispose();
        if (!quiet) context.Stderr.WriteLine(summary.Render());
        return failed == 0 ? 0 : 1;
    }

    private static ArticleRecord Extract(NewsExtractor extractor, BatchItem item, CancellationToken ct)
    {
        if (item.Input is null)
            return ArticleRecord.ForError(new SourceInfo { Path = item.Name }, $"{item.Name}: {item.ReadError}");
        var record = extractor.ExtractInput(item.Input, ct);
        return item.ReadWarning is null ? record : record with { Warnings = [item.ReadWarning, .. record.Warnings] };
    }
}
