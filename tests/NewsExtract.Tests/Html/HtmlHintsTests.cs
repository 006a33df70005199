using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>
/// The word lists of Resources/html load, and each match mode keeps the boundaries it promises:
/// "nav" is a word in "main-nav" but not in "canvas", "ad" is not inside "head".
/// </summary>
public sealed class HtmlHintsTests
{
    [Fact]
    public void Word_lists_load_and_validate()
    {
        var data = HtmlHints.HintData.Load();
        Assert.True(data.NegativeHint.IsMatch("comment-list"));
        Assert.True(data.PositiveHint.IsMatch("article-body"));
    }

    [Theory]
    [InlineData("main-nav")]
    [InlineData("fb-comments-box")]
    [InlineData("top-ad")]
    [InlineData("ad_slot")]
    [InlineData("ads")]
    [InlineData("Baca-Juga")]
    [InlineData("box-terkait")]
    [InlineData("site-header")]
    [InlineData("post-tags")]
    public void Boilerplate_class_is_negative(string hint) => Assert.True(HtmlHints.NegativeHint().IsMatch(hint));

    [Theory]
    [InlineData("canvas")]
    [InlineData("head-line")]
    [InlineData("subheader")]
    [InlineData("stage")]
    [InlineData("top-adjust")]
    [InlineData("detail__body")]
    [InlineData("")]
    public void Look_alike_class_is_not_negative(string hint) => Assert.False(HtmlHints.NegativeHint().IsMatch(hint));

    [Theory]
    [InlineData("post-body", true)]
    [InlineData("tbody-wrap", false)]
    [InlineData("detail-text", true)]
    [InlineData("context", false)]
    public void Positive_start_words_need_a_boundary_before(string hint, bool positive) =>
        Assert.Equal(positive, HtmlHints.PositiveHint().IsMatch(hint));
}
