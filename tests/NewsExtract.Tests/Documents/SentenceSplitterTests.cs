using NewsExtract.Documents;

namespace NewsExtract.Tests.Documents;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = Document.Create(text);
        return doc.Sentences.Select(s => doc.Text[s.Start..s.End]).ToArray();
    }

    [Fact]
    public void Never_ends_inside_titles_or_degrees()
    {
        var s = Sentences("Turut hadir Ketua Bawaslu Kota Blitar Drs. Bambang Arintoko dan Drs. Santoso, M.Pd di lokasi. Acara dimulai pukul 13.00.");
        Assert.Equal(["Turut hadir Ketua Bawaslu Kota Blitar Drs. Bambang Arintoko dan Drs. Santoso, M.Pd di lokasi.", "Acara dimulai pukul 13.00."], s);
    }

    [Fact]
    public void Does_not_split_regulation_numbers_or_initials()
    {
        var s = Sentences("Sesuai Peraturan KPU No. 13/2020 tentang Protokol Kesehatan, hadir AKBP Leonard M. Sinambela. Rapat selesai.");
        Assert.Equal(2, s.Length);
        Assert.StartsWith("Sesuai", s[0]);
        Assert.Equal("Rapat selesai.", s[1]);
    }

    [Fact]
    public void Degree_dot_ends_a_sentence_before_an_uppercase_word()
    {
        var s = Sentences("Ketua KPU dijabat Ahmad Fauzi, S.H., M.H. Ia dilantik kemarin.");
        Assert.Equal(["Ketua KPU dijabat Ahmad Fauzi, S.H., M.H.", "Ia dilantik kemarin."], s);
    }

    [Fact]
    public void Keeps_closing_quotes_with_their_sentence()
    {
        var s = Sentences("“Kami optimis menang.” Ia lalu pergi. “Silahkan berkompetisi,” tegasnya.");
        Assert.Equal(["\"Kami optimis menang.\"", "Ia lalu pergi.", "\"Silahkan berkompetisi,\" tegasnya."], s);
    }

    [Fact]
    public void Lines_are_sentence_boundaries_and_baca_juga_lines_are_boilerplate()
    {
        var doc = Document.Create("KOTA PASURUAN, BANGSAONLINE.com - Kementerian Dalam Negeri mengadakan rapat, Jumat (2/10).\n\nBaca Juga: Raih Penghargaan Kota Informatif, Pemkot Pasuruan Buktikan Komitmen\n\nRakor dipimpin Menkopolhukam");
        Assert.Equal(3, doc.Sentences.Count);
        Assert.False(doc.Sentences[0].IsBoilerplate);
        Assert.True(doc.Sentences[1].IsBoilerplate);
        Assert.False(doc.Sentences[2].IsBoilerplate);
    }

    [Fact]
    public void Datelines_stay_in_the_first_sentence()
    {
        var s = Sentences("Semarang (ANTARA) - Komisi Pemilihan Umum Jawa Tengah menetapkan DPT. Jumlahnya naik.");
        Assert.Equal(["Semarang (ANTARA) - Komisi Pemilihan Umum Jawa Tengah menetapkan DPT.", "Jumlahnya naik."], s);
    }

    [Fact]
    public void Sentences_cover_their_tokens_in_order()
    {
        var doc = Document.Create("Satu. Dua! Tiga? Empat\nLima");
        Assert.Equal(5, doc.Sentences.Count);
        int next = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.Equal(doc.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(doc.Tokens[s.EndToken - 1].End, s.End);
            next = s.EndToken;
        }
        Assert.Equal(doc.Tokens.Count, next);
    }
}
