using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>The date strings pages carry, and strings that must not give a date.</summary>
public sealed class HtmlDateFinderTests
{
    [Theory]
    [InlineData("2015-11-05T14:56:43+07:00", "2015-11-05")]
    [InlineData("2015-11-05 T10:08:58Z", "2015-11-05")] // detik pubdate
    [InlineData("2016/02/23 16:00:20", "2016-02-23")]
    [InlineData("20200924", "2020-09-24")]
    [InlineData("1446710203", "2015-11-05")] // epoch seconds
    [InlineData("Senin, 23 Sep 2024 14:05 WIB", "2024-09-23")]
    [InlineData("23/09/2024, 14:05 WIB", "2024-09-23")]
    [InlineData("Kamis, 5 Nopember 2015 | 15:56 WIB", "2015-11-05")]
    [InlineData("Selasa, 16 Agu 2016", "2016-08-16")]
    [InlineData("November 5, 2015", "2015-11-05")]
    [InlineData("09/23/2024", "2024-09-23")] // month first only when the day cannot be a month
    public void Value_gives_the_day(string value, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlDateFinder.FromValue(value));

    [Theory]
    [InlineData("Nomor urut 2 dan 3")]
    [InlineData("2015-13-45")]
    [InlineData("31/02/2020")]
    [InlineData("1 Januari 1890")]
    [InlineData("")]
    public void No_date_in(string value) => Assert.Null(HtmlDateFinder.FromValue(value));

    [Theory]
    [InlineData("https://news.example.com/read/2024/09/23/123/judul", "2024-09-23")]
    [InlineData("https://example.com/2020-09-24-pengundian-nomor-urut", "2020-09-24")]
    [InlineData("https://example.com/berita/20200924/pengundian", "2020-09-24")]
    public void Url_gives_the_day(string url, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlDateFinder.FromUrl(url));

    [Fact]
    public void Url_without_a_date_gives_none() => Assert.Null(HtmlDateFinder.FromUrl("https://example.com/berita/12345/pengundian"));
}
