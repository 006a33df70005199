using System.Diagnostics;
using System.Text.Json;
using NewsExtract.Records;
using NewsExtract.Report;
using NewsExtract.Tests.Cli;
using Xunit.Abstractions;

namespace NewsExtract.Tests.Report;

/// <summary>
/// The report page in a real browser (headless Chromium over the DevTools protocol): the highlights in the DOM against
/// the records, hostile articles that must run no script, the Content-Security-Policy, and a 1,000-article page.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 to write the screenshots into src/NewsExtract.Cli/docs/ (the README shows them).</summary>
    private const string UpdateScreenshotsVariable = "NEWSEXTRACT_UPDATE_SCREENSHOTS";

    private static string DocsFolder => Path.Combine(RepositoryPaths.Root, "src", "NewsExtract.Cli", "docs");

    // Every highlight of every article: its article, kind, item and text (pieces of a mark that crosses another joined).
    private const string MarksScript = """
        JSON.stringify(Array.from(document.querySelectorAll('article.art')).map(a => {
          const items = {};
          a.querySelectorAll('.text .m').forEach(m => {
            const key = m.dataset.i;
            if (!items[key]) items[key] = { k: m.dataset.k, text: '' };
            items[key].text += '\u0001' + m.textContent;
          });
          return { id: a.dataset.id, items: Object.entries(items).map(([i, v]) => ({ i: +i, k: v.k, text: v.text })) };
        }))
        """;

    private sealed record ArticleMarks(string Id, IReadOnlyList<Mark> Items);

    private sealed record Mark(int I, string K, string Text);

    private static IReadOnlyList<ArticleMarks> ParseMarks(JsonElement value) =>
        JsonSerializer.Deserialize<List<ArticleMarks>>(value.GetString()!, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [BrowserFact]
    public async Task The_seed_report_highlights_every_candidate_and_official_and_counts_by_kind_equal_the_records()
    {
        using var tmp = new TempFolder();
        string seed = Path.Combine(RepositoryPaths.Corpus, "seed");
        string page = Path.Combine(tmp.Path, "seed.html");
        var view = CliRunner.Run("view", seed, "-o", page);
        Assert.Equal(0, view.Exit);
        // The records the page must show, read independently of the page code: the extract command's own output.
        var extract = CliRunner.Run("extract", seed);
        Assert.Equal(0, extract.Exit);
        var records = extract.Lines.Select(RecordJson.Parse).ToArray();
        Assert.Equal(5, records.Length);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        Assert.True(double.Parse((await browser.EvaluateAsync("document.documentElement.dataset.ready")).GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        var articles = ParseMarks(await browser.EvaluateAsync(MarksScript));
        Assert.Equal(records.Select(r => Path.GetFileName(r.Source.Path)), articles.Select(a => a.Id));

        int candidates = 0, officials = 0;
        for (int a = 0; a < records.Length; a++)
        {
            var r = records[a];
            var marks = articles[a].Items;
            int Count(string kind) => marks.Count(m => m.K == kind);
            var expected = new Dictionary<string, int>
            {
                [HighlightKind.Person] = r.Entities.Count(e => e.Type == EntityType.PER),
                [HighlightKind.Organisation] = r.Entities.Count(e => e.Type == EntityType.ORG),
                [HighlightKind.Place] = r.Entities.Count(e => e.Type == EntityType.LOC),
                [HighlightKind.Race] = r.Elections.Count,
                [HighlightKind.Pair] = r.Candidates.Count,
                [HighlightKind.Number] = r.Candidates.Count(c => c.Number is not null),
                [HighlightKind.Party] = r.Candidates.Sum(c => c.Parties.Count),
                [HighlightKind.Date] = r.Dates.Count,
                [HighlightKind.Figure] = r.Figures.Count,
                [HighlightKind.Official] = r.Officials.Count,
            };
            foreach (var (kind, n) in expected)
                Assert.True(n == Count(kind), $"{articles[a].Id}: {n} {kind} item(s) in the record, {Count(kind)} highlighted.");

            // Each head and deputy: a candidate-pair highlight holding the name or one of its aliases.
            var pairTexts = marks.Where(m => m.K == HighlightKind.Pair).Select(m => m.Text).ToArray();
            foreach (var person in r.Candidates.SelectMany(c => c.Deputy is null ? [c.Head] : new[] { c.Head, c.Deputy }))
            {
                candidates++;
                var forms = person.Aliases.Prepend(person.Name).ToArray();
                Assert.True(pairTexts.Any(t => forms.Any(f => t.Contains(f, StringComparison.OrdinalIgnoreCase))),
                    $"{articles[a].Id}: candidate '{person.Name}' has no highlight; pair highlights: {string.Join(" | ", pairTexts)}");
            }
            var officialTexts = marks.Where(m => m.K == HighlightKind.Official).Select(m => m.Text).ToArray();
            foreach (var o in r.Officials)
            {
                officials++;
                Assert.True(officialTexts.Any(t => t.Contains(o.Name, StringComparison.OrdinalIgnoreCase)),
                    $"{articles[a].Id}: official '{o.Name}' has no highlight; official highlights: {string.Join(" | ", officialTexts)}");
            }
        }
        Assert.True(candidates >= 8 && officials >= 4, $"the seed records hold {candidates} candidates and {officials} officials");

        // A click on a highlight opens its details: field, normalised value and evidence.
        var detail = await browser.EvaluateAsync("""
            (() => { const m = document.querySelector('.text .m.k-pair'); m.click();
                     const d = document.getElementById('details'); return d.hidden ? '' : d.textContent; })()
            """);
        Assert.Contains("candidates[", detail.GetString());
        // The legend's filter turns a kind's highlights off.
        var filtered = await browser.EvaluateAsync("""
            (() => { const box = document.querySelector('#legend input[data-kind="person"]'); box.click();
                     const m = document.querySelector('.text .m.k-person');
                     const classes = document.body.className, off = getComputedStyle(m).backgroundColor; box.click();
                     return [classes, off, getComputedStyle(m).backgroundColor].join('|'); })()
            """);
        var parts = filtered.GetString()!.Split('|');
        Assert.Contains("off-person", parts[0]);
        Assert.Equal("rgba(0, 0, 0, 0)", parts[1]);
        Assert.NotEqual(parts[1], parts[2]);
        // The search box keeps the articles whose text (or id, or title) holds the words.
        var searched = await browser.EvaluateAsync("""
            (() => { const s = document.getElementById('search'); s.value = 'Pekalongan'; s.dispatchEvent(new Event('input'));
                     const ids = Array.from(document.querySelectorAll('article.art')).map(a => a.dataset.id).join(' ');
                     s.value = ''; s.dispatchEvent(new Event('input')); return ids; })()
            """);
        Assert.Equal(string.Join(' ', records.Where(r => r.Text.Contains("Pekalongan", StringComparison.OrdinalIgnoreCase)).Select(r => Path.GetFileName(r.Source.Path))),
            searched.GetString());
        Assert.Equal(5, (await browser.EvaluateAsync("document.querySelectorAll('article.art').length")).GetInt32());
        // The races table links to the articles behind each value.
        var links = await browser.EvaluateAsync("Array.from(document.querySelectorAll('#races-body a')).map(a => a.getAttribute('href')).join(' ')");
        Assert.Contains("#a-0", links.GetString());
        Assert.Empty(browser.Problems);

        await SaveScreenshot(browser, "report-seed.png");
    }

    [BrowserFact]
    public async Task A_hostile_article_runs_no_script_and_shows_its_markup_as_text()
    {
        const string payloads =
            "<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> </style><style>body{display:none}</style> " +
            "</script><script>window.__pwned = 3</script> <svg onload=\"window.__pwned = 4\"></svg> <a href=\"javascript:window.__pwned = 5\">klik</a> " +
            "<iframe srcdoc=\"<script>parent.__pwned = 6</script>\"></iframe> <!-- ]]> -->";
        string text = "KPU Kota Blitar menetapkan pasangan calon Wali Kota Blitar Santoso-Tjutjuk. " + payloads + " Ketua KPU Kota Blitar Choirul Umam hadir.";
        var extractor = NewsExtractor.CreateDefault();
        var record = extractor.Extract(text, new ExtractionOptions
        {
            Source = new SourceInfo { Path = "<script>window.__pwned = 7</script>.txt", Url = "javascript:window.__pwned = 8", Title = "</title><script>window.__pwned = 9</script>", Author = "\"><img src=x onerror=\"window.__pwned = 10\">", Outlet = "</style><script>window.__pwned = 11</script>" },
        });
        int at = record.Text.IndexOf("<script>", StringComparison.Ordinal);
        Assert.True(at >= 0);
        // Highlights over the markup itself, and values made of it, so that every path of the page meets it.
        record = record with
        {
            Entities = [.. record.Entities, new Entity(EntityType.PER, "<script>window.__pwned = 1</script>", at, at + 35, EntitySource.Rule, 1)],
            Candidates = [.. record.Candidates, new CandidatePair(1, new PersonName("<img src=x onerror=\"window.__pwned = 12\">", [], []), null, null,
                ["<script>window.__pwned=13</script>"], null, null, null, null, null, [new Span(at, at + 35, "<script>window.__pwned = 1</script>")])],
        };
        var model = ReportPage.FromRecords([record], "<script>window.__pwned = 14</script>");
        using var tmp = new TempFolder();
        string page = tmp.File("hostile.html");
        using (var writer = new StreamWriter(page)) ReportPage.Write(model, writer);
        string noPolicy = tmp.File("hostile-no-csp.html", File.ReadAllText(page).Replace(
            $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportPage.ContentSecurityPolicy}\">", "", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllText(page).Length, File.ReadAllText(noPolicy).Length);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        // Open every highlight's details and every list entry, so every rendering path runs on the hostile strings.
        await browser.EvaluateAsync("document.querySelectorAll('.text .m, .record li').forEach(e => e.click()); 0");
        await browser.EvaluateAsync("new Promise(r => setTimeout(r, 300))");
        Assert.Equal("undefined", (await browser.EvaluateAsync("typeof window.__pwned")).GetString());
        Assert.Equal(0, (await browser.EvaluateAsync("document.querySelectorAll('img, svg, iframe, object, embed, a[href^=\"javascript:\"]').length")).GetInt32());
        Assert.Equal(2, (await browser.EvaluateAsync("document.scripts.length")).GetInt32()); // the data block and the page's script
        Assert.Equal(1, (await browser.EvaluateAsync("document.styleSheets.length")).GetInt32());
        Assert.Equal("<script>window.__pwned = 14</script>", (await browser.EvaluateAsync("document.title")).GetString());
        string body = (await browser.EvaluateAsync("document.body.innerText")).GetString()!;
        Assert.Contains("<script>window.__pwned = 1</script>", body);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 2\">", body);
        Assert.Contains("javascript:window.__pwned = 8", body);
        Assert.Contains("</title><script>window.__pwned = 9</script>", body);
        Assert.Contains("window.__pwned = 12", (await browser.EvaluateAsync("document.getElementById('details').innerText + document.body.innerText")).GetString());

        // The policy: a script injected into the page is refused (and reported as a violation).
        const string inject = """
            new Promise(resolve => {
              const seen = [];
              document.addEventListener('securitypolicyviolation', e => seen.push(e.effectiveDirective));
              const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s);
              document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__injected = 2">');
              setTimeout(() => resolve(typeof window.__injected + ' ' + seen.join(',')), 500);
            })
            """;
        string blocked = (await browser.EvaluateAsync(inject)).GetString()!;
        Assert.StartsWith("undefined ", blocked);
        Assert.Contains("script-src", blocked);
        Assert.Equal("undefined", (await browser.EvaluateAsync("typeof window.__pwned")).GetString());

        // Controls: without the policy the same injection runs, and the payloads are live markup when parsed as HTML,
        // so the checks above can fail.
        await browser.NavigateAsync(new Uri(noPolicy).AbsoluteUri);
        Assert.StartsWith("number", (await browser.EvaluateAsync(inject)).GetString());
        var live = await browser.EvaluateAsync("""
            new Promise(resolve => { document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned = 2">');
                                     setTimeout(() => resolve(typeof window.__pwned), 500); })
            """);
        Assert.Equal("number", live.GetString());
    }

    [BrowserFact]
    public async Task A_page_of_1000_corpus_articles_opens_in_under_2_seconds_and_pages_through_without_errors()
    {
        // The corpus (seed and written articles, 389) extracted once, then repeated under distinct paths up to 1,000.
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, "articles"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, "seed"), "*.txt")).Order(StringComparer.Ordinal).ToArray();
        var extractor = NewsExtractor.CreateDefault();
        var extracted = files.AsParallel().AsOrdered().Select(f => extractor.Extract(File.ReadAllText(f),
            new ExtractionOptions { Source = new SourceInfo { Path = f } })).ToArray();
        var records = Enumerable.Range(0, 1000).Select(i => extracted[i % extracted.Length] is var r
            ? r with { Source = r.Source with { Path = $"{i / extracted.Length}/{Path.GetFileName(r.Source.Path)}" } } : null!).ToArray();
        var model = ReportPage.FromRecords(records, "1,000 corpus articles");
        using var tmp = new TempFolder();
        string page = tmp.File("thousand.html");
        using (var writer = new StreamWriter(page)) ReportPage.Write(model, writer);
        output.WriteLine($"page: {new FileInfo(page).Length / 1e6:0.0} MB, {model.Articles.Sum(a => a.Items.Count)} items, {model.Races.Count} race rows");

        // Opened three times from about:blank; the best counts, since the machine's other work (a whole test run on two
        // cores) can stall any single open. Time: from the navigate command to the load event, which fires after the
        // page's script has parsed the data and rendered the legend, the races table and the first page of articles.
        await using var browser = await HeadlessChromium.StartAsync();
        var opens = new List<long>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            await browser.NavigateAsync("about:blank");
            var clock = Stopwatch.StartNew();
            await browser.NavigateAsync(new Uri(page).AbsoluteUri);
            opens.Add(clock.ElapsedMilliseconds);
            double ready = double.Parse((await browser.EvaluateAsync("document.documentElement.dataset.ready")).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"open {attempt + 1}: navigation to load event {opens[^1]} ms; page script done {ready:0} ms after navigation start");
        }
        Assert.True(opens.Min() < 2000, $"the page took {string.Join(", ", opens)} ms to open");
        Assert.Equal(20, (await browser.EvaluateAsync("document.querySelectorAll('article.art').length")).GetInt32());

        // Scroll, then page through all 50 pages; each page holds its 20 articles, and nothing goes to the console.
        string walk = """
            new Promise(resolve => {
              const seen = []; let pages = 0;
              const step = () => {
                window.scrollTo(0, document.body.scrollHeight);
                seen.push(document.querySelectorAll('article.art').length);
                pages++;
                const next = document.querySelector('.pager .next');
                if (next.disabled) { resolve(pages + ' ' + seen.every(n => n === 20) + ' ' + document.querySelectorAll('.text .m').length); return; }
                next.click(); requestAnimationFrame(() => setTimeout(step, 0));
              };
              step();
            })
            """;
        var clockWalk = Stopwatch.StartNew();
        string walked = (await browser.EvaluateAsync(walk)).GetString()!;
        output.WriteLine($"paged through: {walked} (pages, all full, highlights on the last page) in {clockWalk.ElapsedMilliseconds} ms");
        Assert.StartsWith("50 true ", walked);
        // A link to an article deep in the list opens its page.
        await browser.EvaluateAsync("location.hash = '#a-987'; new Promise(r => setTimeout(r, 200))");
        Assert.Equal(1, (await browser.EvaluateAsync("document.querySelectorAll('#a-987').length")).GetInt32());
        Assert.Empty(browser.Problems);
    }

    [BrowserFact]
    public async Task The_evaluation_page_marks_missed_spurious_and_mismatched_values()
    {
        using var tmp = new TempFolder();
        string page = Path.Combine(tmp.Path, "eval.html");
        var run = CliRunner.Run("eval", RepositoryPaths.Corpus, "--split", "dev", "--html", page);
        Assert.Equal(0, run.Exit);
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        var counts = await browser.EvaluateAsync("""
            JSON.stringify(['ok', 'missed', 'spurious', 'mismatch'].map(s => document.querySelectorAll('.text .m.st-' + s).length))
            """);
        var n = JsonSerializer.Deserialize<int[]>(counts.GetString()!)!;
        output.WriteLine($"highlights on page 1: ok {n[0]}, missed {n[1]}, spurious {n[2]}, mismatch {n[3]}");
        Assert.True(n[0] > 0, "no correct highlight on the first page");
        Assert.True(n[1] + n[2] + n[3] > 0, "no error marked on the first page");
        // "Only articles with errors" keeps the articles with a missed, spurious or mismatched value.
        var onlyErrors = await browser.EvaluateAsync("""
            (() => { const data = JSON.parse(document.getElementById('report-data').textContent);
                     const box = document.getElementById('only-errors'); box.click();
                     const pos = document.querySelector('.pager .pos').textContent; box.click();
                     return [data.articles.length, data.articles.filter(a => a.errors).length, pos].join('|'); })()
            """);
        var errorParts = onlyErrors.GetString()!.Split('|');
        output.WriteLine($"dev split: {errorParts[0]} articles, {errorParts[1]} with errors");
        Assert.True(int.Parse(errorParts[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.EndsWith($"({errorParts[1]} articles)", errorParts[2]);
        // The page's overall scores are the evaluator's.
        string scores = (await browser.EvaluateAsync("document.getElementById('scores').innerText")).GetString()!;
        Assert.Contains("candidates.number", scores);
        Assert.Empty(browser.Problems);
        await SaveScreenshot(browser, "report-eval.png", "(() => { const e = document.querySelector('article.art'); window.scrollTo(0, e.offsetTop - document.querySelector('header').offsetHeight - 8); return 0; })()");
    }

    private async Task SaveScreenshot(HeadlessChromium browser, string name, string? before = null)
    {
        if (before is not null) await browser.EvaluateAsync(before);
        var png = await browser.ScreenshotAsync();
        Assert.True(png.Length > 10_000 && png[0] == 0x89 && png[1] == (byte)'P', "the screenshot is not a PNG of a rendered page");
        bool update = Environment.GetEnvironmentVariable(UpdateScreenshotsVariable) == "1";
        string path = update ? Path.Combine(DocsFolder, name) : Path.Combine(Path.GetTempPath(), "newsextract-" + name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, png);
        output.WriteLine($"screenshot: {path}");
        // The README shows the committed screenshot.
        Assert.True(File.Exists(Path.Combine(DocsFolder, name)), $"src/NewsExtract.Cli/docs/{name} is missing; run the browser tests with {UpdateScreenshotsVariable}=1 and commit it.");
    }
}
