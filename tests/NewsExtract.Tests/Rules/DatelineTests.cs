namespace NewsExtract.Tests.Rules;

public class DatelineTests
{
    [Theory]
    [InlineData("Semarang (ANTARA) - Komisi Pemilihan Umum menetapkan DPT.", "Semarang", "ANTARA")]
    [InlineData("Pekalongan, ERANASIONAL.COM – Komisi Pemilihan Umum (KPU) Kota Pekalongan menggelar rapat.", "Pekalongan", "ERANASIONAL.COM")]
    [InlineData("KOTA PASURUAN, BANGSAONLINE.com - Kementerian Dalam Negeri mengadakan rapat.", "Kota Pasuruan", "BANGSAONLINE.com")]
    [InlineData("Kediri, rakyatindonesia.com – Menjelang pemilihan kepala daerah serentak.", "Kediri", "rakyatindonesia.com")]
    [InlineData("Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan.", "Mataram", "ANTARA News")]
    [InlineData("Judul berita di baris pertama\n\nKupang (ANTARA) - KPU NTT menggelar debat.", "Kupang", "ANTARA")]
    public void Reads_place_and_outlet(string text, string place, string outlet)
    {
        var r = NewsExtractor.CreateDefault().Extract(text);
        Assert.Equal(place, r.Source.Dateline);
        Assert.Equal(outlet, r.Source.Outlet);
    }

    [Theory]
    [InlineData("Rapat pleno digelar di Aula KPU - semua paslon hadir.")]
    [InlineData("Pasangan Santoso-Tjutjuk mendapat nomor urut 2.")]
    public void Finds_no_dateline_in_ordinary_sentences(string text)
    {
        var r = NewsExtractor.CreateDefault().Extract(text);
        Assert.Null(r.Source.Dateline);
    }
}
