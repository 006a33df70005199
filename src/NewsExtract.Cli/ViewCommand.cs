using System.CommandLine;
using System.Globalization;
using System.Text;
using NewsExtract.Records;
using NewsExtract.Report;

namespace NewsExtract.Cli;

/// <summary>`newsextract view INPUT... -o report.html`: one self-contained page with every article's extractions highlighted.</summary>
internal static class ViewCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files (.txt, .html, .htm, .jsonl), folders (searched recursively) or - for standard input, as for extract.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the page to <file> (atomically) instead of standard output.", HelpName = "file" };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Articles to work on in parallel; the page keeps input order.",
            DefaultValueFactory = _ => 1,
        };
        var published = new Option<string?>("--published") { Description = "Publication date of all plain-text inputs.", HelpName = "yyyy-mm-dd" };
        var title = new Option<string?>("--title") { Description = "The page title (default: \"NewsExtract report\").", HelpName = "text" };
        var command = new Command("view", "Write one self-contained HTML page that shows what was found in each article, where, and why.\n\nExamples:\n  newsextract view corpus/seed -o report.html\n  newsextract view crawl.jsonl --threads 2 -o crawl.html")
        {
            paths, output, threads, published, title,
        };
        command.SetAction((parse, ct) =>
        {
            int n = parse.GetValue(threads);
            if (n < 1) return Task.FromResult(context.UsageError("--threads must be 1 or more."));
            var unknown = parse.GetValue(paths)!.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p));
            if (unknown is not null) return Task.FromResult(context.UsageError($"unknown option '{unknown}'."));
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Task.FromResult(context.UsageError($"--published '{p}' is not a date in the form yyyy-mm-dd."));
                date = d;
            }
            return Task.FromResult(Run(context, parse.GetValue(paths)!, parse.GetValue(output), n, date, parse.GetValue(title), ct));
        });
        return command;
    }

    internal static int Run(CliContext context, string[] paths, string? output, int threads, DateOnly? published, string? title, CancellationToken ct)
    {
        // A bad --output (a folder, a missing folder) is a usage error before any work, as with extract.
        if (output is not null && OutputTarget.Resolve(output, out var problem) is null) return context.UsageError(problem!);
        var files = Inputs.Expand(paths, out _);
        if (files.Count == 0)
            return context.UsageError($"no .txt, .html, .htm or .jsonl files in {string.Join(", ", paths)}");
        var extractor = NewsExtractor.CreateDefault();
        var records = new List<ArticleRecord>();
        int failed = 0;
        using (var progress = Progress.Create(context.Stderr, files.Count))
        {
            foreach (var record in Parallel.OrderedMap(Inputs.Read(files, published, context.Stdin, new ReadLimits(ReadLimits.DefaultMaxBytes)), item => ExtractCommand.Extract(extractor, item, ct), threads, ct))
            {
                if (record.Error is not null)
                {
                    failed++;
                    context.Stderr.WriteLine($"newsextract: {record.Error.Message}");
                }
                records.Add(record);
                progress?.Report(records.Count);
            }
        }
        // The races table comes from the races step: one row per race across the articles, agreed values, the
        // articles behind each; pairs without a race keep a row per article.
        var model = ReportPage.FromRecords(records, title ?? "NewsExtract report", RacesTable(records));
        WritePage(model, output, context.Stdout);
        if (output is not null)
            context.Stderr.WriteLine($"newsextract: wrote {output}: {records.Count} article(s), {model.Articles.Sum(a => a.Items.Count)} highlighted item(s).");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The races step's table over <paramref name="records"/>, as report rows that point at the articles (by index).</summary>
    internal static IReadOnlyList<Report.RaceRow> RacesTable(IReadOnlyList<ArticleRecord> records)
    {
        var builder = new Races.RaceBuilder();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            builder.Add(records[i]);
            index.TryAdd(Races.RaceBuilder.RecordId(records[i], i + 1), i);
        }
        int ArticleOf(Races.SourceRef s) => index.TryGetValue(s.Id, out int i) ? i : -1;
        var rows = new List<Report.RaceRow>();
        foreach (var race in builder.Build())
        {
            var pairs = race.Pairs.Select(p => new Report.RacePair(p.Number?.Value, p.Head.Name, p.Deputy?.Name,
                p.Parties.Select(x => x.Value).ToArray(), p.Votes?.Value, p.VoteShare?.Value, p.Incumbent?.Value,
                p.Articles.Select(ArticleOf).FirstOrDefault(a => a >= 0))).ToArray();
            // The articles behind the race: those that name one of its pairs, and those that name the race itself.
            var articles = race.Pairs.SelectMany(p => p.Articles).Select(ArticleOf)
                .Concat(records.Select((r, i) => (r, i)).Where(x => x.r.Elections.Any(e => RecordWriter.ElectionTypeName(e.Type) == race.Type
                    && Races.RaceBuilder.RegionKey(e.Region) == (race.RegionCode ?? race.RegionName ?? "") && (e.Year == race.Year || e.Year is null))).Select(x => x.i))
                .Where(a => a >= 0).Distinct().Order().ToArray();
            rows.Add(new Report.RaceRow(race.Type, race.RegionName, race.RegionCode, race.Province, race.Year, pairs, articles));
        }
        rows.AddRange(Report.RaceTable.PerArticle(records).Where(r => r.Type == "?"));
        return rows;
    }

    /// <summary>Writes a page to FILE (as extract writes its output) or to standard output.</summary>
    internal static void WritePage(ReportModel model, string? output, TextWriter stdout) =>
        WholeOutput.Write(output, stdout, writer => ReportPage.Write(model, writer));
}
