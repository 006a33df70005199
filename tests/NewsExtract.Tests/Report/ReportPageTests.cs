using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsExtract.Evaluation;
using NewsExtract.Records;
using NewsExtract.Report;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Report;

/// <summary>The report page without a browser: what the HTML file holds, how records become highlights, and the gold comparison.</summary>
public sealed class ReportPageTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    private static string SeedPath(string id, string ext) => Path.Combine(RepositoryPaths.Corpus, "seed", id + ext);

    private static ArticleRecord Seed(string id) =>
        Extractor.Extract(File.ReadAllText(SeedPath(id, ".txt")), new ExtractionOptions { Source = new SourceInfo { Path = SeedPath(id, ".txt") } });

    private static string Html(ReportModel model)
    {
        var writer = new StringWriter();
        ReportPage.Write(model, writer);
        return writer.ToString();
    }

    [Fact]
    public void The_page_is_self_contained_and_its_policy_allows_exactly_its_own_script_and_style()
    {
        string html = Html(ReportPage.FromRecords([Seed("seed-000")], "seed"));
        // Outside the data block (article text may hold any url, as text), nothing names a resource to fetch.
        string page = Regex.Replace(html, "<script id=\"report-data\" type=\"application/json\">.*?</script>", "", RegexOptions.Singleline);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\ssrc=|@import|url\(|@font-face|https?://", RegexOptions.IgnoreCase), page.Replace("http-equiv", "", StringComparison.Ordinal));
        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
        Assert.True(policy.Success, "no Content-Security-Policy meta");
        Assert.Contains("default-src 'none'", policy.Groups[1].Value);
        Assert.DoesNotContain("unsafe", policy.Groups[1].Value);
        // The hashes in the policy are those of the inline script and style exactly as written.
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var script = Assert.Single(scripts).Groups[1].Value;
        string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        string Hash(string s) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
        Assert.Contains($"script-src '{Hash(script)}'", policy.Groups[1].Value);
        Assert.Contains($"style-src '{Hash(style)}'", policy.Groups[1].Value);
        Assert.DoesNotContain("innerHTML", script);
        Assert.DoesNotContain("insertAdjacentHTML", script);
        Assert.DoesNotContain("document.write", script);
    }

    [Fact]
    public void Untrusted_text_titles_urls_and_authors_never_become_markup_in_the_file()
    {
        const string hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)></style><!--";
        var record = Seed("seed-000") is var r
            ? r with { Text = r.Text + " " + hostile, Source = new SourceInfo { Path = hostile, Url = "javascript:alert(3)", Title = hostile, Author = hostile, Outlet = hostile } }
            : null!;
        string html = Html(ReportPage.FromRecords([record], hostile));
        // Two script elements (the data block and the page's script), one style element, no image, no comment opened.
        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.Single(Regex.Matches(html, "</style", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", html);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)", html); // the title and heading, HTML-encoded
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)", html); // the data block, JSON-escaped
    }

    [Fact]
    public void A_pair_is_highlighted_at_its_names_its_number_at_the_number_phrase_and_each_party_where_the_evidence_names_it()
    {
        var record = Seed("seed-000");
        var items = new ReportItems().For(record);
        var santoso = items.Single(i => i.Kind == HighlightKind.Pair && i.Value.Contains("Santoso", StringComparison.Ordinal));
        Assert.Contains(santoso.Spans, s => record.Text[s.Start..s.End].Contains("Tjutjuk Soenario", StringComparison.Ordinal));
        var number = items.Single(i => i.Kind == HighlightKind.Number && i.Value.StartsWith("2 ", StringComparison.Ordinal));
        Assert.Equal(["nomor undian 2", "nomor urut 2"], number.Spans.Select(s => record.Text[s.Start..s.End]).ToArray());
        var pdip = items.Single(i => i.Kind == HighlightKind.Party && i.Value.StartsWith("PDIP", StringComparison.Ordinal));
        Assert.Equal(["PDIP"], pdip.Spans.Select(s => record.Text[s.Start..s.End]).Distinct().ToArray());
        // Every other kind: one item per record value, at the record's own offsets.
        Assert.Equal(record.Entities.Count, items.Count(i => i.Kind is HighlightKind.Person or HighlightKind.Organisation or HighlightKind.Place));
        Assert.All(record.Dates, d => Assert.Contains(items, i => i.Kind == HighlightKind.Date && i.Spans.SequenceEqual([(d.Start, d.End)])));
        Assert.All(record.Officials, o => Assert.Contains(items, i => i.Kind == HighlightKind.Official && i.Spans.SequenceEqual(o.Evidence.Select(s => (s.Start, s.End)))));
    }

    [Fact]
    public void The_races_table_has_a_row_per_race_of_each_article_with_its_pairs()
    {
        var records = new[] { Seed("seed-000"), Seed("seed-003") };
        var rows = RaceTable.PerArticle(records);
        Assert.Equal(records.Sum(r => r.Elections.Count + (r.Candidates.Any(c => c.Election is null) ? 1 : 0)), rows.Count);
        var blitar = rows.First(r => r.Region == "Kota Blitar");
        Assert.Equal([0], blitar.Articles);
        Assert.Equal(records[0].Candidates.Count(c => c.Election == 0), blitar.Pairs.Count);
        Assert.Contains(blitar.Pairs, p => p.Number == 2 && p.Head == "Santoso" && p.Parties.Contains("PDIP"));
    }

    [Fact]
    public void Against_gold_a_dropped_pair_is_missed_a_changed_number_differs_and_an_added_date_is_spurious()
    {
        var gold = GoldCorpus.LoadArticle(SeedPath("seed-000", ".gold.json"));
        var result = Extractor.Analyze(gold.Text, new ExtractionOptions { Published = gold.Source?.Published }, CancellationToken.None);
        var predicted = result.Record; // offsets index the text given, the gold article's own
        var evaluator = new FieldEvaluator();
        var builder = new ReportItems();
        var (asIs, _) = GoldReport.Compare(evaluator, builder, gold, predicted, 0);
        Assert.Contains(asIs, i => i.Kind == HighlightKind.Pair && i.Status == ItemStatus.Correct);

        var henry = predicted.Candidates.Single(c => c.Head.Name.StartsWith("Henry", StringComparison.Ordinal));
        var santoso = predicted.Candidates.Single(c => c.Head.Name == "Santoso");
        var changed = predicted with
        {
            Candidates = [santoso with { Number = 7 }],
            Dates = [.. predicted.Dates, new DatedEvent(new DateOnly(2020, 1, 1), "Hotel", gold.Text.IndexOf("Hotel", StringComparison.Ordinal), gold.Text.IndexOf("Hotel", StringComparison.Ordinal) + 5, null)],
        };
        var (items, races) = GoldReport.Compare(evaluator, builder, gold, changed, 0);
        var missed = items.Single(i => i.Kind == HighlightKind.Pair && i.Status == ItemStatus.Missed);
        Assert.Contains("Henry", missed.Value);
        Assert.NotEmpty(missed.Spans); // found where the gold names occur
        Assert.Equal(ItemStatus.Mismatch, items.Single(i => i.Kind == HighlightKind.Pair && i.Field == "candidates[0]").Status);
        var number = items.Single(i => i.Kind == HighlightKind.Number && i.Field == "candidates[0].number");
        Assert.Equal(ItemStatus.Mismatch, number.Status);
        Assert.Equal("gold number: 2", number.Note);
        Assert.Contains(items, i => i.Kind == HighlightKind.Date && i.Status == ItemStatus.Spurious && i.Value.StartsWith("2020-01-01", StringComparison.Ordinal));
        Assert.Contains(races.SelectMany(r => r.Pairs), p => p.Status == ItemStatus.Missed && p.Head == henry.Head.Name);
    }

    [Fact]
    public void The_view_command_writes_a_page_and_reports_unreadable_inputs()
    {
        using var tmp = new TempFolder();
        string page = Path.Combine(tmp.Path, "out", "report.html");
        // A missing folder is a usage error before any work, as with extract.
        var missingFolder = CliRunner.Run("view", SeedPath("seed-001", ".txt"), "-o", page);
        Assert.Equal(2, missingFolder.Exit);
        Assert.Contains("does not exist", missingFolder.Err);
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        var ok = CliRunner.Run("view", SeedPath("seed-001", ".txt"), "-o", page);
        Assert.Equal(0, ok.Exit);
        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("seed-001.txt", html);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(page)!, "*.tmp"));

        var failed = CliRunner.Run("view", SeedPath("seed-001", ".txt"), Path.Combine(tmp.Path, "missing.txt"));
        Assert.Equal(1, failed.Exit);
        Assert.Contains("missing.txt", failed.Err);
        Assert.Contains("<!DOCTYPE html>", failed.Out); // the page still comes, the failed input shown with its error

        Assert.Equal(2, CliRunner.Run("view", SeedPath("seed-001", ".txt"), "--threads", "0").Exit);
    }

    [Fact]
    public void The_view_races_table_is_the_races_step_across_articles()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, "races", "palu-2024"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        var records = files.Select(f => Extractor.Extract(File.ReadAllText(f), new ExtractionOptions { Source = new SourceInfo { Path = f } })).ToArray();
        var rows = NewsExtract.Cli.ViewCommand.RacesTable(records);
        var builder = new NewsExtract.Cli.Races.RaceBuilder();
        foreach (var r in records) builder.Add(r);
        var races = builder.Build();
        // One row per race of the races step (not one per article), with its agreed pairs and every article behind it.
        Assert.Equal(races.Count, rows.Count(r => r.Type != "?"));
        var palu = Assert.Single(rows, r => r.Code == "72.71");
        var step = races.Single(r => r.RegionCode == "72.71");
        Assert.Equal(step.Pairs.Select(p => p.Head.Name), palu.Pairs.Select(p => p.Head));
        Assert.Equal(step.Pairs.Select(p => p.Number?.Value), palu.Pairs.Select(p => p.Number));
        Assert.True(palu.Articles.Count >= 4, $"the Palu race should link the articles that report it, got {palu.Articles.Count}");
        Assert.All(palu.Articles, a => Assert.InRange(a, 0, records.Length - 1));
    }
}
