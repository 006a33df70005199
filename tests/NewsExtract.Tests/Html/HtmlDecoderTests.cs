using System.Text;
using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

public sealed class HtmlDecoderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<p>Pemilu “damai”</p>")).ToArray();
        var warnings = new List<string>();
        Assert.Equal("<p>Pemilu “damai”</p>", HtmlDecoder.Decode(bytes, warnings));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Utf16_bom_is_honoured()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>Pilkada</p>")).ToArray();
        Assert.Equal("<p>Pilkada</p>", HtmlDecoder.Decode(bytes, []));
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")]
    public void Declared_single_byte_charset_is_used(string meta)
    {
        var bytes = Windows1252.GetBytes($"<html><head>{meta}</head><body><p>Caf\u00e9 \u201cdamai\u201d</p></body></html>");
        Assert.Contains("Caf\u00e9 \u201cdamai\u201d", HtmlDecoder.Decode(bytes, []));
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_with_a_warning()
    {
        var bytes = Windows1252.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u00e9 \u2013 Jakarta</p></body></html>");
        var warnings = new List<string>();
        Assert.Contains("Caf\u00e9 \u2013 Jakarta", HtmlDecoder.Decode(bytes, warnings));
        Assert.Contains(warnings, w => w.Contains("windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_bytes_under_a_latin1_label_are_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Caf\u00e9 \u201cdamai\u201d</p>");
        Assert.Contains("Caf\u00e9 \u201cdamai\u201d", HtmlDecoder.Decode(bytes, []));
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x00, 0x00 }, "binary")]
    public void Binary_input_is_refused_with_a_clear_message(byte[] bytes, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => HtmlArticleReader.Read(bytes));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
