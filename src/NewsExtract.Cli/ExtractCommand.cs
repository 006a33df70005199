using System.CommandLine;
using System.Globalization;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>`newsextract extract PATH...`: one record per article, streamed in input order.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files (.txt, .html, .htm, .jsonl), folders (searched recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: jsonl (one record per line), json (an array) or csv (one row per candidate pair).",
            DefaultValueFactory = _ => OutputFormat.Jsonl,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE (atomically) instead of standard output." };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Articles to work on in parallel; output keeps input order.",
            DefaultValueFactory = _ => 1,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (yyyy-mm-dd) for all plain-text inputs, against which relative dates resolve.",
        };
        var model = new Option<string?>("--model") { Description = "Use this entity model file (from 'newsextract train') instead of the embedded one." };
        var command = new Command("extract", "Extract election records from news articles.\n\nExamples:\n  newsextract extract corpus/seed\n  newsextract extract page.html --format csv -o pairs.csv\n  newsextract extract scraped.jsonl --threads 2 -o records.jsonl\n  cat article.txt | newsextract extract - --published 2024-09-23")
        {
            paths, format, output, threads, published, model,
        };
        command.SetAction((parse, ct) =>
        {
            int n = parse.GetValue(threads);
            if (n < 1) return Task.FromResult(context.UsageError("--threads must be 1 or more."));
            // The parser hands an unknown option to PATH; a path that looks like an option and is no file is a typo.
            var unknown = parse.GetValue(paths)!.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p));
            if (unknown is not null) return Task.FromResult(context.UsageError($"unknown option '{unknown}'."));
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Task.FromResult(context.UsageError($"--published '{p}' is not a date in the form yyyy-mm-dd."));
                date = d;
            }
            EntityModel? entityModel = null;
            if (parse.GetValue(model) is { } modelPath)
            {
                if (!File.Exists(modelPath)) return Task.FromResult(context.UsageError($"no model file '{modelPath}'."));
                try { entityModel = EntityModel.Load(modelPath); }
                catch (InvalidDataException ex) { context.Stderr.WriteLine($"newsextract: {ex.Message}"); return Task.FromResult(1); }
            }
            return Task.FromResult(Run(context, parse.GetValue(paths)!, parse.GetValue(format), parse.GetValue(output), n, date, ct, entityModel));
        });
        return command;
    }

    internal static int Run(CliContext context, string[] paths, OutputFormat format, string? output, int threads, DateOnly? published, CancellationToken ct, EntityModel? model = null)
    {
        // A missing path becomes an error record like any unreadable input, so one bad name does not stop a batch.
        var files = Inputs.Expand(paths, out _);
        if (files.Count == 0)
            return context.UsageError($"no .txt, .html, .htm or .jsonl files in {string.Join(", ", paths)}");

        var extractor = model is null ? NewsExtractor.CreateDefault() : NewsExtractor.Create(model);
        int failed = 0, done = 0;
        using var progress = Progress.Create(context.Stderr, files.Count);
        using (var writer = new RecordWriter(format, output, context.Stdout))
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
                progress?.Report(++done);
            }
            writer.Complete();
        }
        return failed == 0 ? 0 : 1;
    }

    private static ArticleRecord Extract(NewsExtractor extractor, BatchItem item, CancellationToken ct)
    {
        if (item.Input is null)
            return ArticleRecord.ForError(new SourceInfo(Path: item.Name), $"{item.Name}: {item.ReadError}");
        var record = extractor.ExtractInput(item.Input, ct);
        return item.ReadWarning is null ? record : record with { Warnings = [item.ReadWarning, .. record.Warnings] };
    }
}
