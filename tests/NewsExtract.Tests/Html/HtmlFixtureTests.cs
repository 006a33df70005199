using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>
/// End to end: the seed articles rendered inside page templates we wrote (a portal with "Baca juga"
/// boxes, an ad splitting the body and a "Berita Terkait" list; a wire-agency page with &lt;br&gt;
/// paragraphs and JSON-LD; a regional WordPress site with comments) must come back as exactly their
/// paragraphs, with the metadata each template carries.
/// </summary>
public sealed class HtmlFixtureTests
{
    /// <summary>
    /// A seed split the way it was scraped: a title line, an image caption repeating the title,
    /// "Baca Juga:" lines, and a tail of follow/related widgets. Only the paragraphs are article text.
    /// </summary>
    private sealed record SeedArticle(string Title, string? Caption, IReadOnlyList<(string Text, bool Related)> Lines)
    {
        public IEnumerable<string> Paragraphs => Lines.Where(l => !l.Related).Select(l => l.Text);

        public static SeedArticle Parse(string path)
        {
            var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            int tail = lines.FindIndex(l => Regex.IsMatch(l, @"^(Cek Berita|Berita Terkait|FOLLOW|Follow|BANGSAONLINE VIDEO)"));
            if (tail >= 0) lines = lines[..tail];
            string title = "Pengundian Nomor Urut Paslon Pilkada " + Path.GetFileNameWithoutExtension(path)[..3];
            string? caption = null;
            if (lines.Count > 1 && lines[0].Length < 120 && !lines[0].EndsWith('.'))
            {
                title = lines[0];
                lines.RemoveAt(0);
                if (lines[0].StartsWith(title, StringComparison.Ordinal)) { caption = lines[0]; lines.RemoveAt(0); }
            }
            return new SeedArticle(title, caption, lines.Select(l => (l, l.StartsWith("Baca Juga:", StringComparison.OrdinalIgnoreCase))).ToList());
        }
    }

    private enum ParagraphStyle { Paragraphs, LineBreaks }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in HtmlTestFiles.SeedFiles())
            foreach (var template in new[] { "portal-related.html", "wire-agency.html", "regional-comments.html" })
                data.Add(template, seed);
        if (data.Count == 0) data.Add("portal-related.html", ""); // no seeds: the built-in article below
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_yields_exactly_the_article_paragraphs(string template, string seedPath)
    {
        var seed = seedPath.Length > 0 ? SeedArticle.Parse(seedPath) : BuiltInSeed();
        var style = template == "wire-agency.html" ? ParagraphStyle.LineBreaks : ParagraphStyle.Paragraphs;
        var html = Render(File.ReadAllText(Path.Combine(HtmlTestFiles.FixturesDirectory, template)), seed, style);

        var article = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), "https://example.co.id/read/berita");

        Assert.Equal(string.Join("\n", seed.Paragraphs.Select(Normalize)), Normalize(article.Body));
        Assert.Equal(seed.Title, article.Title);
        switch (template)
        {
            case "portal-related.html":
                Assert.Equal(new DateOnly(2020, 9, 24), article.Published);
                Assert.Equal("detikNews", article.Outlet);
                Assert.Equal("Andi Saputra", article.Author);
                Assert.StartsWith("https://news.example.co.id/berita/d-5186254/", article.CanonicalUrl);
                break;
            case "wire-agency.html":
                Assert.Equal(new DateOnly(2020, 9, 24), article.Published);
                Assert.Equal("ANTARA News", article.Outlet);
                Assert.Equal("Budi Santoso", article.Author);
                break;
            case "regional-comments.html":
                Assert.Equal(new DateOnly(2020, 9, 24), article.Published);
                Assert.Equal("Suara Daerah", article.Outlet);
                Assert.Equal("Redaksi Suara Daerah", article.Author);
                break;
        }
    }

    private static string Render(string template, SeedArticle seed, ParagraphStyle style)
    {
        var lines = seed.Lines.ToList();
        int half = Math.Max(1, lines.Count / 2);
        // Every article gets at least one "Baca juga" box in the middle, whatever the seed had.
        lines.Insert(Math.Min(2, lines.Count), ("Baca juga: Bawaslu Ingatkan Paslon soal Aturan Kampanye di Masa Pandemi", true));
        string Body(IEnumerable<(string Text, bool Related)> part) => string.Join("\n", part.Select(l => RenderLine(l.Text, l.Related, style)));
        return template
            .Replace("{{TITLE_JSON}}", seed.Title.Replace("\\", "\\\\").Replace("\"", "\\\""))
            .Replace("{{TITLE}}", WebUtility.HtmlEncode(seed.Title))
            .Replace("{{SLUG}}", "pengundian-nomor-urut")
            .Replace("{{CAPTION}}", WebUtility.HtmlEncode(seed.Caption ?? "Foto: Dok. KPU"))
            .Replace("{{BODY_1}}", Body(lines.Take(half + 1)))
            .Replace("{{BODY_2}}", Body(lines.Skip(half + 1)));
    }

    private static string RenderLine(string text, bool related, ParagraphStyle style)
    {
        if (related)
        {
            var target = WebUtility.HtmlEncode(Regex.Replace(text, "^Baca Juga:\\s*", "", RegexOptions.IgnoreCase));
            return style == ParagraphStyle.LineBreaks
                ? $"<br /><br /><strong>Baca juga:</strong> <a href=\"/baca\">{target}</a><br /><br />"
                : $"<table class=\"linksisip\"><tr><td><div class=\"lihatjg\"><strong>BACA JUGA:</strong> <a href=\"/baca\">{target}</a></div></td></tr></table>";
        }
        var encoded = WebUtility.HtmlEncode(text);
        return style == ParagraphStyle.LineBreaks ? encoded + "<br /><br />" : $"<p>{encoded}</p>";
    }

    private static SeedArticle BuiltInSeed() => new("Pengundian Nomor Urut Paslon Pilwali Blitar", null,
    [
        ("Rapat pleno terbuka KPU Kota Blitar untuk pengundian nomor urut pasangan calon digelar Kamis, 24 September 2020, secara virtual.", false),
        ("Pasangan Santoso-Tjutjuk mendapat nomor urut 2, sedangkan pasangan Henry-Yasin mendapat nomor urut 1.", false),
        ("Ketua KPU Kota Blitar, Choirul Umam, meminta kedua pasangan calon mematuhi protokol kesehatan selama kampanye.", false),
    ]);

    private static string Normalize(string text) =>
        string.Join("\n", text.Split('\n').Select(l => Regex.Replace(l, @"\s+", " ").Trim()).Where(l => l.Length > 0));
}
