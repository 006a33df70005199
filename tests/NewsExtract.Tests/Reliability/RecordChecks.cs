using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Tests.Reliability;

/// <summary>What every record must satisfy, whatever the input: the shape is complete and every offset is a true slice of the text.</summary>
internal static class RecordChecks
{
    public static void AssertValid(ArticleRecord record)
    {
        Assert.NotNull(record);
        Assert.NotNull(record.Source);
        Assert.NotNull(record.Text);
        foreach (var list in (System.Collections.IEnumerable[])[record.Elections, record.Candidates, record.Officials, record.Dates, record.Figures, record.Entities, record.Warnings])
            Assert.NotNull(list);
        if (record.Error is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(record.Error.Message), "An error record must say what went wrong.");
            Assert.Equal("", record.Text);
            Assert.Empty(record.Candidates);
            Assert.Empty(record.Entities);
        }
        string text = record.Text;
        foreach (var e in record.Entities) AssertSlice(text, e.Start, e.End, e.Text, $"entity {e.Type}");
        foreach (var d in record.Dates) AssertSlice(text, d.Start, d.End, d.Text, "date");
        foreach (var f in record.Figures)
        {
            AssertSlice(text, f.Start, f.End, f.Text, $"figure {f.Kind}");
            Assert.False(double.IsNaN(f.Value), $"figure '{f.Text}' has a NaN value");
        }
        foreach (var e in record.Elections)
        {
            foreach (var s in e.Evidence) AssertSpan(text, s, "election evidence");
        }
        foreach (var c in record.Candidates)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Head.Name), "a candidate pair without a head name");
            if (c.Election is int i) Assert.InRange(i, 0, record.Elections.Count - 1);
            foreach (var s in c.Evidence) AssertSpan(text, s, "candidate evidence");
        }
        foreach (var o in record.Officials)
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Name), "an official without a name");
            foreach (var s in o.Evidence) AssertSpan(text, s, "official evidence");
        }
        // The record must serialize and read back (what the CLI writes).
        string json = RecordJson.ToJsonLine(record);
        Assert.DoesNotContain('\n', json);
        Assert.Equal(json, RecordJson.ToJsonLine(RecordJson.Parse(json)));
    }

    private static void AssertSpan(string text, Span span, string what)
    {
        Assert.NotNull(span);
        AssertSlice(text, span.Start, span.End, span.Text, what);
    }

    private static void AssertSlice(string text, int start, int end, string value, string what)
    {
        Assert.True(start >= 0 && start <= end && end <= text.Length,
            $"{what} [{start}, {end}) lies outside the text (length {text.Length})");
        Assert.True(string.Equals(value, text[start..end], StringComparison.Ordinal),
            $"{what} [{start}, {end}) says '{value}' but the text there is '{text[start..end]}'");
    }

    /// <summary>Corpus article texts (seed + articles), read once.</summary>
    public static IReadOnlyList<string> CorpusTexts => CorpusLazy.Value;

    private static readonly Lazy<IReadOnlyList<string>> CorpusLazy = new(() =>
        new[] { "seed", "articles" }
            .Select(d => Path.Combine(RepositoryPaths.Corpus, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal))
            .Select(f => File.ReadAllText(f, Encoding.UTF8))
            .ToArray());

    /// <summary>A corpus article wrapped in news-page boilerplate.</summary>
    public static string AsHtml(string article, string title = "Pilkada")
    {
        var body = new StringBuilder();
        foreach (var paragraph in article.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            body.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        return $"""
            <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title} - Berita</title>
            <meta property="article:published_time" content="2024-09-23T10:00:00+07:00"></head>
            <body><header><nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/daerah">Daerah</a></nav></header>
            <main><article><h1>{title}</h1><div class="content">{body}</div></article>
            <aside class="terkait"><h3>Berita Terkait</h3><ul><li><a href="/a">Satu</a></li><li><a href="/b">Dua</a></li></ul></aside></main>
            <footer>Hak cipta 2024</footer></body></html>
            """;
    }
}
