using NewsExtract.Documents;

namespace NewsExtract.Tests.Documents;

public class TokenizerTests
{
    private static string[] Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToArray();

    private static (string Text, TokenKind Kind)[] Kinds(string text) =>
        Tokenizer.Tokenize(text).Select(t => (t.Text(text), t.Kind)).ToArray();

    [Theory]
    [InlineData("Drs. Santoso, M.Pd", new[] { "Drs.", "Santoso", ",", "M.Pd" })]
    // A text without capitals splits a hyphen between unrelated words (pairs), and keeps reduplications and prefixes.
    [InlineData("paslon ganjar-mahfud dan anies-muhaimin", new[] { "paslon", "ganjar", "-", "mahfud", "dan", "anies", "-", "muhaimin" })]
    [InlineData("masing-masing sehari-hari bolak-balik mondar-mandir lauk-pauk non-muslim pasca-pilkada e-ktp covid-19", new[] { "masing-masing", "sehari-hari", "bolak-balik", "mondar-mandir", "lauk-pauk", "non-muslim", "pasca-pilkada", "e-ktp", "covid-19" })]
    [InlineData("Tanya-jawab dengan ganjar-mahfud", new[] { "Tanya-jawab", "dengan", "ganjar-mahfud" })]
    [InlineData("Ir.Tjutjuk Soenario, MM", new[] { "Ir.", "Tjutjuk", "Soenario", ",", "MM" })]
    [InlineData("jelas Drs. Santoso,M.Pd yang", new[] { "jelas", "Drs.", "Santoso", ",", "M.Pd", "yang" })]
    [InlineData("HA Afzan Arslan Djunaid", new[] { "HA", "Afzan", "Arslan", "Djunaid" })]
    [InlineData("H. Abdul Hafidz dan Hj. Siti", new[] { "H.", "Abdul", "Hafidz", "dan", "Hj.", "Siti" })]
    [InlineData("Kapolresta Blitar AKBP Leonard M Sinambela", new[] { "Kapolresta", "Blitar", "AKBP", "Leonard", "M", "Sinambela" })]
    [InlineData("Leonard M. Sinambela", new[] { "Leonard", "M.", "Sinambela" })]
    [InlineData("Dandim 0808 Letkol Arh.Dian Musriyanto", new[] { "Dandim", "0808", "Letkol", "Arh.", "Dian", "Musriyanto" })]
    [InlineData("Peraturan KPU No. 13/2020 tentang", new[] { "Peraturan", "KPU", "No.", "13/2020", "tentang" })]
    [InlineData("pasangan Henry Pradipta Anwar-Muh.Yasin menghadiri", new[] { "pasangan", "Henry", "Pradipta", "Anwar", "-", "Muh.", "Yasin", "menghadiri" })]
    [InlineData("Pasangan Santoso-Tjutjuk dan Henry-Yasin", new[] { "Pasangan", "Santoso", "-", "Tjutjuk", "dan", "Henry", "-", "Yasin" })]
    [InlineData("paslon RK-Suswono", new[] { "paslon", "RK", "-", "Suswono" })]
    [InlineData("nomor urut 1 I Wayan Subakti-dr. I Nyoman", new[] { "nomor", "urut", "1", "I", "Wayan", "Subakti", "-", "dr.", "I", "Nyoman" })]
    [InlineData("pasangan Bustami Hamzah-M Fadhil Rahmi", new[] { "pasangan", "Bustami", "Hamzah", "-", "M", "Fadhil", "Rahmi" })]
    [InlineData("DPC PDI-P Kota Blitar", new[] { "DPC", "PDI-P", "Kota", "Blitar" })]
    [InlineData("koalisi PDI-P dan PDIP", new[] { "koalisi", "PDI-P", "dan", "PDIP" })]
    [InlineData("masing-masing paslon Covid-19", new[] { "masing-masing", "paslon", "Covid-19" })]
    [InlineData("periode 2021-2025 yaitu", new[] { "periode", "2021", "-", "2025", "yaitu" })]
    [InlineData("sebanyak 222.451 pemilih", new[] { "sebanyak", "222.451", "pemilih" })]
    [InlineData("prosentase 53,33% berdasarkan", new[] { "prosentase", "53,33", "%", "berdasarkan" })]
    [InlineData("dimulai pukul 13.00 tersebut", new[] { "dimulai", "pukul", "13.00", "tersebut" })]
    [InlineData("Pada Selasa, (3/12/2024), Ketua", new[] { "Pada", "Selasa", ",", "(", "3/12/2024", ")", ",", "Ketua" })]
    [InlineData("Kota Kediri, Senin (1/7). KPU", new[] { "Kota", "Kediri", ",", "Senin", "(", "1/7", ")", ".", "KPU" })]
    [InlineData("Pekalongan, ERANASIONAL.COM - Komisi", new[] { "Pekalongan", ",", "ERANASIONAL.COM", "-", "Komisi" })]
    [InlineData("Semarang (ANTARA) - Komisi", new[] { "Semarang", "(", "ANTARA", ")", "-", "Komisi" })]
    [InlineData("KOTA PASURUAN, BANGSAONLINE.com - Kementerian", new[] { "KOTA", "PASURUAN", ",", "BANGSAONLINE.com", "-", "Kementerian" })]
    [InlineData("Baca Juga: Raih Penghargaan", new[] { "Baca", "Juga", ":", "Raih", "Penghargaan" })]
    [InlineData("\"Alhamdulillah, berjalan lancar,\" terang Fajar", new[] { "\"", "Alhamdulillah", ",", "berjalan", "lancar", ",", "\"", "terang", "Fajar" })]
    [InlineData("lebih dari 100ribu data", new[] { "lebih", "dari", "100", "ribu", "data" })]
    [InlineData("anggaran Rp12,5 miliar", new[] { "anggaran", "Rp", "12,5", "miliar" })]
    [InlineData("Buka laman pilkada2024.kpu.go.id sekarang", new[] { "Buka", "laman", "pilkada2024.kpu.go.id", "sekarang" })]
    [InlineData("(Adv/kom)", new[] { "(", "Adv", "/", "kom", ")" })]
    [InlineData("Klik Disini >>>>", new[] { "Klik", "Disini", ">>>>" })]
    [InlineData("Dr. H. Ahmad Fauzi, S.H., M.H. mengatakan", new[] { "Dr.", "H.", "Ahmad", "Fauzi", ",", "S.H.", ",", "M.H.", "mengatakan" })]
    [InlineData("Kab. Ngada dan Kab Ende", new[] { "Kab.", "Ngada", "dan", "Kab", "Ende" })]
    [InlineData("Jum'at pagi", new[] { "Jum'at", "pagi" })]
    public void Splits_real_news_constructions(string text, string[] expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Classifies_numbers_dates_urls_and_abbreviations()
    {
        var kinds = Kinds("Drs. 222.451 (3/12/2024) ERANASIONAL.COM 53,33 % M.Pd");
        Assert.Contains(("Drs.", TokenKind.Abbreviation), kinds);
        Assert.Contains(("222.451", TokenKind.Number), kinds);
        Assert.Contains(("3/12/2024", TokenKind.NumericDate), kinds);
        Assert.Contains(("ERANASIONAL.COM", TokenKind.Url), kinds);
        Assert.Contains(("53,33", TokenKind.Number), kinds);
        Assert.Contains(("%", TokenKind.Symbol), kinds);
        Assert.Contains(("M.Pd", TokenKind.Abbreviation), kinds);
    }

    [Fact]
    public void Every_token_points_at_its_text_and_tokens_do_not_overlap()
    {
        const string text = "Pasangan Santoso-Tjutjuk (No. 2) meraih 53,33% suara: “menang!” kata Drs. Santoso,M.Pd.";
        var tokens = Tokenizer.Tokenize(text);
        int previousEnd = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Start >= previousEnd && t.End > t.Start && t.End <= text.Length);
            Assert.False(string.IsNullOrWhiteSpace(t.Text(text)));
            previousEnd = t.End;
        }
    }

    [Fact]
    public void Empty_and_whitespace_text_give_no_tokens()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Empty(Tokenizer.Tokenize(" \n\t "));
    }
}
