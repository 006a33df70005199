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
    [InlineData("2020-12-05T23:15:0Z", "2020-12-05")] // one-digit seconds
    [InlineData("3 de marzo de 2020", "2020-03-03")] // Spanish
    [InlineData("Alta Floresta - MT, 22 de novembro de 2020. 18:20", "2020-11-22")] // Portuguese
    [InlineData("duminică, 20 septembrie 2020", "2020-09-20")] // Romanian
    [InlineData("Domenica 06 Dicembre 2020 | 00:36", "2020-12-06")] // Italian
    [InlineData("5. März 2020", "2020-03-05")] // German
    [InlineData("mardi 17 mars 2020", "2020-03-17")] // French
    [InlineData("12 października 2020", "2020-10-12")] // Polish genitive
    [InlineData("5 июня 2020 г.", "2020-06-05")] // Russian genitive
    [InlineData("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2020-10-07")] // Arabic (Egyptian month name)
    [InlineData("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24")] // Levantine and Egyptian names side by side
    [InlineData("2020年07月12日", "2020-07-12")] // Japanese, Chinese
    [InlineData("2020년 3월 4일", "2020-03-04")] // Korean
    [InlineData("Saturday, January 18th, 2020", "2020-01-18")]
    public void Value_gives_the_day(string value, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlDateFinder.FromValue(value));

    [Theory]
    [InlineData("Nomor urut 2 dan 3")]
    [InlineData("2015-13-45")]
    [InlineData("31/02/2020")]
    [InlineData("1 Januari 1890")]
    [InlineData("© 2020 Kompas Cyber Media")] // a copyright year is no day
    [InlineData("Copyright 2009-2020")]
    [InlineData("Sept 2020")] // month and year only
    [InlineData("17 mars")] // day and month only
    [InlineData("5 Marching 2020")] // a month name must be a whole word
    [InlineData("")]
    public void No_date_in(string value) => Assert.Null(HtmlDateFinder.FromValue(value));

    [Theory]
    [InlineData("https://news.example.com/read/2024/09/23/123/judul", "2024-09-23")]
    [InlineData("https://example.com/2020-09-24-pengundian-nomor-urut", "2020-09-24")]
    [InlineData("https://example.com/berita/20200924/pengundian", "2020-09-24")]
    public void Url_gives_the_day(string url, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlDateFinder.FromUrl(url));

    [Theory]
    [InlineData("Published: 3 March 2020 | Updated: 5 March 2020", "2020-03-03")]
    [InlineData("Updated 5 Nov 2020, published 3 Nov 2020", "2020-11-03")] // the published day, wherever it stands
    [InlineData("Diperbarui 05/11/2020 10:00 WIB, terbit 04/11/2020 09:00 WIB", "2020-11-04")]
    [InlineData("Oleh Andi | Senin, 23 Sep 2024 14:05 WIB", "2024-09-23")]
    [InlineData("Mis à jour le 5 novembre 2020", null)] // only an update: not the publication day
    [InlineData("Updated: Nov 5, 2020", null)]
    public void Labelled_text_gives_the_published_day(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlDateFinder.FromLabelledText(text));

    [Theory]
    [InlineData("2020-12-05T23:15:00Z", true)]
    [InlineData("2020-12-05T23:15:00+00:00", true)]
    [InlineData("1607210100", true)] // epoch seconds are UTC
    [InlineData("2020-12-05T23:15:00+01:00", false)]
    [InlineData("2020-12-05 23:15", false)] // no zone: the page's own time
    [InlineData("2020-12-05", false)]
    public void Utc_stamps_are_told_apart(string value, bool utc) => Assert.Equal(utc, HtmlDateFinder.TimeFromValue(value)!.Value.IsUtc);

    [Fact]
    public void Url_without_a_date_gives_none() => Assert.Null(HtmlDateFinder.FromUrl("https://example.com/berita/12345/pengundian"));

    [Fact]
    public void Every_month_name_of_the_calendar_vocabulary_is_read_in_pages()
    {
        // calendar.tsv (the text rules' months) and html/months.tsv (the page reader's) must agree.
        foreach (var row in NewsExtract.Common.EmbeddedTsv.Read("vocabulary/calendar.tsv", 3, 3).Where(r => r[1] == "month"))
            Assert.Equal(int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), HtmlMonthNames.Number(row[0]));
    }
}
