using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>
/// One page per class of reading error found in the side-by-side run of issue 21 (Fixtures/classes),
/// each with a look-alike page that the fix must leave alone. The pages are written by the team; none
/// is a copy of a benchmark page.
/// </summary>
public sealed class HtmlErrorClassTests
{
    private static HtmlArticle Read(string file, string? url = null) =>
        HtmlArticleReader.Read(File.ReadAllBytes(Path.Combine(HtmlTestFiles.FixturesDirectory, "classes", file)), url);

    [Fact]
    public void Link_dense_article_beats_a_title_box_marked_content()
    {
        // Whole body missed, only the byline came out: the "content-wrapper title" box outscored an
        // article whose paragraphs link every name.
        var body = Read("body-link-dense-article.html").Body;
        Assert.StartsWith("A man from Buffalo pleaded guilty", body);
        Assert.Contains("arrested a week later at his home in Addison.", body);
        Assert.DoesNotContain("By Jane Roe", body);
    }

    [Fact]
    public void Short_article_marked_content_still_wins_over_unmarked_teasers()
    {
        var body = Read("body-short-hinted-article.html").Body;
        Assert.Equal("The coastal road between Northport and Eastfield is closed after Sunday's flood, the county said. Crews expect to reopen it on Wednesday, weather permitting.", body);
    }
}
