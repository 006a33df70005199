using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsExtract.Cli.Races;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>
/// `newsextract races INPUT...`: one row per race, agreed across articles, with the articles behind every value and
/// the disagreements flagged. Inputs are articles (extracted on the way, as `extract` reads them) or record JSONL
/// (the output of `extract`), one record at a time.
/// </summary>
internal static class RacesCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("INPUT")
        {
            Description = "Record JSONL from 'extract', or articles as 'extract' takes them (.txt, .html, .htm, .jsonl crawls, folders, - for standard input).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: json (an array of races), jsonl (one race per line), csv (one row per race × pair) or parquet (a folder of tables, given with --output).",
            DefaultValueFactory = _ => OutputFormat.Json,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE (atomically; a folder for parquet) instead of standard output." };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (yyyy-mm-dd) for plain-text article inputs.",
        };
        var score = new Option<string?>("--score")
        {
            Description = "Score the table against the gold race tables (*.races.json) under DIR and print pair F1, number and party accuracy and conflicts found.",
        };
        var command = new Command("races", "Merge records into one row per race: pairs, numbers, parties, votes, their sources and conflicts.\n\nExamples:\n  newsextract extract crawl.jsonl -o records.jsonl && newsextract races records.jsonl\n  newsextract races corpus/races --format csv -o races.csv\n  newsextract races records.jsonl --format parquet -o races/")
        {
            paths, format, output, published, score,
        };
        command.SetAction((parse, ct) =>
        {
            var unknown = parse.GetValue(paths)!.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p));
            if (unknown is not null) return Task.FromResult(context.UsageError($"unknown option '{unknown}'."));
            if (parse.GetValue(format) is not (OutputFormat.Json or OutputFormat.Jsonl or OutputFormat.Csv or OutputFormat.Parquet))
                return Task.FromResult(context.UsageError($"races writes json, jsonl, csv or parquet, not {parse.GetValue(format).ToString().ToLowerInvariant()}."));
            if (parse.GetValue(format) == OutputFormat.Parquet && parse.GetValue(output) is null)
                return Task.FromResult(context.UsageError("--format parquet writes a folder of tables: name it with --output DIR."));
            if (parse.GetValue(format) == OutputFormat.Parquet && File.Exists(parse.GetValue(output)))
                return Task.FromResult(context.UsageError($"--output '{parse.GetValue(output)}' is a file; --format parquet writes a folder of tables."));
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Task.FromResult(context.UsageError($"--published '{p}' is not a date in the form yyyy-mm-dd."));
                date = d;
            }
            string? gold = parse.GetValue(score);
            if (gold is not null && !Directory.Exists(gold))
                return Task.FromResult(context.UsageError($"--score '{gold}' is not a folder of gold race tables."));
            return Task.FromResult(Run(context, parse.GetValue(paths)!, parse.GetValue(format), parse.GetValue(output), date, ct, gold));
        });
        return command;
    }

    internal static int Run(CliContext context, string[] paths, OutputFormat format, string? output, DateOnly? published, CancellationToken ct,
        string? scoreAgainst = null)
    {
        // A bad --output (a folder, a missing folder) is a usage error before any work, as with extract.
        if (output is not null && format != OutputFormat.Parquet && OutputTarget.Resolve(output, out var problem) is null)
            return context.UsageError(problem!);
        var files = Inputs.Expand(paths, out _);
        if (files.Count == 0)
            return context.UsageError($"no .txt, .html, .htm or .jsonl files in {string.Join(", ", paths)}");
        var builder = new RaceBuilder();
        var reader = new RaceInputs(published, context.Stdin);
        int failed = 0;
        foreach (var record in reader.Records(files))
        {
            ct.ThrowIfCancellationRequested();
            if (record.Error is not null)
            {
                failed++;
                context.Stderr.WriteLine($"newsextract: {record.Error.Message}");
            }
            builder.Add(record);
        }
        var races = builder.Build();
        RaceOutput.Write(races, format, output, context.Stdout);
        var s = builder.Stats(races);
        context.Stderr.WriteLine($"newsextract races: {s.Records} records, {s.NotElection} not about elections (skipped), {s.Errors} unreadable, " +
            $"{s.PairsWithoutRace} pairs without a race; {s.Races} races, {s.Pairs} pairs, {s.Conflicts} conflicts.");
        if (scoreAgainst is not null)
            context.Stderr.Write(RaceScorer.Score(RaceScorer.LoadGold(scoreAgainst), races).Report());
        return failed == 0 ? 0 : 1;
    }
}

/// <summary>
/// The races step's inputs as records. A JSONL line that is a record (it has "elections" and "candidates") is read as
/// one; any other line, file or standard input is an article and goes through the extractor, loaded on first need.
/// </summary>
internal sealed class RaceInputs(DateOnly? published, Stream stdin)
{
    private NewsExtractor? _extractor;

    public IEnumerable<ArticleRecord> Records(IEnumerable<InputSource> sources)
    {
        var limits = new ReadLimits(ReadLimits.DefaultMaxBytes);
        foreach (var source in sources)
        {
            string file = source.Path;
            if (source.Problem is not null)
            {
                yield return ArticleRecord.ForError(new SourceInfo { Path = file }, $"{file}: {source.Problem}");
                continue;
            }
            if (file == "-")
            {
                // Record or crawl lines stream line by line; anything else on standard input is one article.
                int first = stdin.ReadByte();
                var whole = Inputs.WithFirstByte(first, stdin);
                if (first == '{')
                {
                    var reader = new StreamReader(whole, new UTF8Encoding(false));
                    foreach (var r in StdinJsonLines.Read(reader, line => FromLine("-", line.Number, line.Text))) yield return r;
                }
                else
                {
                    foreach (var item in Inputs.Read([source], published, whole, limits)) yield return Extract(item);
                }
                continue;
            }
            if (File.Exists(file) && Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var r in FileLines(file)) yield return r;
                continue;
            }
            foreach (var item in Inputs.Read([source], published, stdin, limits)) yield return Extract(item);
        }
    }

    private IEnumerable<ArticleRecord> FileLines(string file)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.ReadWrite, Options = FileOptions.SequentialScan, BufferSize = 1 << 16 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ArticleRecord.ForError(new SourceInfo { Path = file }, $"{file}: cannot read the file: {ex.Message}")];
        }
        return Lines(file, reader);
    }

    private IEnumerable<ArticleRecord> Lines(string file, StreamReader reader)
    {
        using (reader)
            foreach (var r in StdinJsonLines.Read(reader, line => FromLine(file, line.Number, line.Text)))
                yield return r;
    }

    /// <summary>A record line of `extract` output, or a crawl line to extract.</summary>
    internal ArticleRecord FromLine(string file, int lineNo, string line)
    {
        if (IsRecordLine(line))
        {
            try
            {
                return RaceRecordJson.Parse(line);
            }
            catch (JsonException ex)
            {
                return ArticleRecord.ForError(new SourceInfo { Path = $"{file}:{lineNo}" },
                    $"{file}:{lineNo}: the line looks like a record but is not one: {ex.Message}");
            }
        }
        return Extract(Inputs.ParseJsonLine(file, lineNo, line, published));
    }

    /// <summary>Record lines carry the contract's top-level "elections" and "candidates"; a crawl line never does
    /// (inside a JSON string the quotes would be escaped).</summary>
    internal static bool IsRecordLine(string line) =>
        line.Contains("\"elections\":", StringComparison.Ordinal) && line.Contains("\"candidates\":", StringComparison.Ordinal);

    private ArticleRecord Extract(BatchItem item)
    {
        if (item.Input is null)
            return ArticleRecord.ForError(new SourceInfo { Path = item.Name }, $"{item.Name}: {item.ReadError}");
        _extractor ??= NewsExtractor.CreateDefault();
        return _extractor.ExtractInput(item.Input);
    }
}
