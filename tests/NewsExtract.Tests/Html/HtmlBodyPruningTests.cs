using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>
/// Each pruning rule of the body extractor, on a small page: the boilerplate it is for goes, and an
/// article paragraph that looks like it stays.
/// </summary>
public sealed class HtmlBodyPruningTests
{
    private const string First =
        "Komisi Pemilihan Umum (KPU) Kota Blitar menggelar rapat pleno terbuka pengundian nomor urut pasangan calon, " +
        "dihadiri Bawaslu, kepolisian, dan tim pendukung masing-masing pasangan calon wali kota dan wakil wali kota.";
    private const string Second =
        "Ketua KPU Kota Blitar mengatakan pengundian berjalan lancar dan tertib, sementara seluruh pendukung diminta " +
        "menjaga protokol kesehatan selama tahapan kampanye yang akan dimulai pekan depan di seluruh kecamatan.";
    private const string Third =
        "Pasangan nomor urut satu menyatakan siap beradu gagasan, sedangkan pasangan nomor urut dua berjanji " +
        "menggelar kampanye tatap muka secara terbatas, sesuai aturan yang ditetapkan penyelenggara pemilu.";

    private static string Body(string inner) =>
        HtmlArticleReader.ReadText($"<html><head><title>Pengundian nomor urut</title></head><body><div class=\"content\">{inner}</div></body></html>").Body;

    private static string Paragraphs(params string[] texts) => string.Concat(texts.Select(t => $"<p>{t}</p>"));

    [Fact]
    public void Caption_in_an_image_box_is_dropped()
    {
        var body = Body("<div class=\"pic\"><img src=a.jpg><span>Galaxy S6 Edge &amp; S6 (ist)</span></div>" + Paragraphs(First, Second, Third));
        Assert.DoesNotContain("Galaxy", body);
        Assert.StartsWith("Komisi Pemilihan Umum", body);
    }

    [Fact]
    public void Paragraph_that_starts_with_an_inline_picture_is_kept()
    {
        const string withPicture = "Foto pasangan calon dipasang di setiap tempat pemungutan suara.";
        var body = Body($"<p><img src=a.jpg>{withPicture}</p>" + Paragraphs(First, Second, Third));
        Assert.Contains(withPicture, body);
    }

    [Fact]
    public void Short_box_right_after_an_image_is_a_caption()
    {
        var body = Body("<div class=\"thumb\"><img src=a.jpg></div><div class=\"desc\">Suasana pengundian di Blitar. (Humas KPU)</div>" + Paragraphs(First, Second, Third));
        Assert.DoesNotContain("Suasana pengundian", body);
        Assert.Contains(First, body);
    }

    [Fact]
    public void Short_box_after_a_box_with_text_is_kept()
    {
        const string shortDiv = "Pengundian disiarkan langsung lewat kanal resmi KPU.";
        var body = Body($"<div>{First}<img src=a.jpg></div><div>{shortDiv}</div>" + Paragraphs(Second, Third));
        Assert.Contains(shortDiv, body);
    }

    [Fact]
    public void Pull_quote_repeating_a_paragraph_is_dropped()
    {
        var body = Body("<blockquote>... dihadiri Bawaslu, kepolisian, dan tim pendukung masing-masing pasangan calon wali kota ...</blockquote>" + Paragraphs(First, Second, Third));
        Assert.StartsWith("Komisi Pemilihan Umum", body);
        Assert.Contains(First, body);
    }

    [Fact]
    public void Short_heading_repeated_in_a_paragraph_is_kept()
    {
        // Below 60 letters a repeat is more often a subheading or a name than a pull quote.
        const string heading = "Pasangan nomor urut satu menyatakan siap beradu gagasan";
        var body = Body(Paragraphs(First, Second) + $"<h3>{heading}</h3>" + Paragraphs(Third));
        Assert.Contains(heading, body);
    }

    [Fact]
    public void Repeated_equal_lines_are_kept()
    {
        const string question = "Apa program utama Anda untuk memajukan perekonomian warga Kota Blitar lima tahun ke depan?";
        var body = Body(Paragraphs(First, question, Second, question, Third));
        Assert.Equal(2, body.Split('\n').Count(l => l == question));
    }

    [Fact]
    public void Date_and_rubric_labels_above_a_one_paragraph_photo_text_are_dropped()
    {
        var body = Body("<div>Selasa, 23/02/2016 15:32 WIB</div><div>FotoPemilu</div>" + Paragraphs(First));
        Assert.Equal(First, body);
    }

    [Fact]
    public void Short_lines_that_are_most_of_the_text_are_kept()
    {
        var body = Body(Paragraphs("Senin 7 Desember", "Selasa 8 Desember", "Rabu 9 Desember", "Kampanye terakhir di alun-alun kota."));
        Assert.StartsWith("Senin 7 Desember", body);
    }

    [Theory]
    [InlineData("Foto: Reuters")]
    [InlineData("(ANTARA FOTO/Budi Santoso)")]
    [InlineData("Dok: Humas KPU Blitar")]
    [InlineData("Redaksi: redaksi[at]contoh.co.id")]
    [InlineData("Informasi pemasangan iklan")]
    [InlineData("hubungi : sales[at]contoh.co.id")]
    [InlineData("SCROLL TO RESUME CONTENT")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Editor: Andi Saputra")]
    public void Widget_and_credit_lines_are_dropped(string line)
    {
        var body = Body(Paragraphs(First, line, Second, Third));
        Assert.DoesNotContain(line, body);
        Assert.Contains(Second, body);
    }

    [Theory]
    [InlineData("Foto itu diambil di depan kantor KPU.")]
    [InlineData("Foto pasangan calon dipasang di setiap TPS.")]
    [InlineData("Redaksi menerima hak jawab dari tim pasangan calon.")]
    [InlineData("Ia menolak pemasangan iklan kampanye di jalan protokol.")]
    public void Sentences_that_start_like_a_credit_are_kept(string line)
    {
        var body = Body(Paragraphs(First, line, Second, Third));
        Assert.Contains(line, body);
    }

    [Fact]
    public void More_photos_heading_and_its_links_are_dropped()
    {
        var body = Body(Paragraphs(First, Second, Third) + "<p>More Photos</p><ul><li><a href=/1>Foto lain pertama</a></li><li><a href=/2>Foto lain kedua</a></li></ul>");
        Assert.DoesNotContain("More Photos", body);
        Assert.DoesNotContain("Foto lain", body);
    }

    [Theory]
    [InlineData("\u201CLihat juga kondisi jalan ini,\u201D kata Ketua KPU kepada wartawan.")]
    [InlineData("\"Baca juga aturan kampanye, jangan sampai melanggar,\" ujarnya.")]
    [InlineData("Berita terkait pengundian itu menyebar cepat di media sosial dan grup percakapan warga, sehingga KPU Kota Blitar merasa perlu memberi penjelasan resmi kepada publik pada Jumat pagi.")]
    public void Quotes_and_sentences_that_mention_baca_or_terkait_are_kept(string line)
    {
        var body = Body(Paragraphs(First, line, Second, Third));
        Assert.Contains(line, body);
    }

    [Fact]
    public void Baca_juga_link_is_dropped()
    {
        var body = Body(Paragraphs(First) + "<p>Baca juga: <a href=/x>KPU Tetapkan Dua Pasangan Calon</a></p>" + Paragraphs(Second, Third));
        Assert.DoesNotContain("Baca juga", body);
        Assert.DoesNotContain("Tetapkan Dua", body);
    }

    [Theory]
    [InlineData("photodesc")]
    [InlineData("gal_rating")]
    [InlineData("vote_galeri")]
    [InlineData("info_redaksi")]
    [InlineData("keterangan-foto")]
    public void Boxes_with_caption_rating_or_office_classes_are_dropped(string cls)
    {
        var body = Body(Paragraphs(First) + $"<div class=\"{cls}\">Isi kotak yang bukan bagian dari berita ini sama sekali.</div>" + Paragraphs(Second, Third));
        Assert.DoesNotContain("Isi kotak", body);
    }

    [Fact]
    public void Poll_vote_counts_are_not_a_vote_widget() => Assert.False(HtmlHints.NegativeHint().IsMatch("images-poll__votes"));
}
