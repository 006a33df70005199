using NewsExtract.Documents;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Vocabulary;

public class PartyMatchingTests
{
    private static readonly Vocabularies V = Vocabularies.Default;

    [Fact]
    public void Every_party_form_resolves_to_its_canonical_name()
    {
        var failures = new List<string>();
        foreach (var party in V.Parties.Parties)
            foreach (var form in party.Forms)
                foreach (var written in new[] { form, char.ToUpperInvariant(form[0]) + form[1..] })
                {
                    var doc = Document.Create($"Pasangan itu diusung {written} dalam Pilkada.");
                    var found = V.Matcher.Match(doc).Where(m => m.Category == VocabularyCategory.Party).ToList();
                    if (found.Count != 1 || found[0].Text(doc.Text) != written || V.Parties.Party(found[0].EntryId) != party)
                        failures.Add($"{party.Canonical}: '{written}' gave [{string.Join(", ", found.Select(m => m.Text(doc.Text) + "=" + V.Parties.Party(m.EntryId).Canonical))}]");
                }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("PDI-P", "PDIP")]
    [InlineData("PDIP", "PDIP")]
    [InlineData("PDI Perjuangan", "PDIP")]
    [InlineData("Partai Demokrasi Indonesia Perjuangan", "PDIP")]
    [InlineData("Partai Golongan Karya", "Golkar")]
    [InlineData("Nasdem", "NasDem")]
    [InlineData("NASDEM", "NasDem")]
    [InlineData("Partai Gerakan Indonesia Raya", "Gerindra")]
    [InlineData("Partai Buruh", "Buruh")]
    [InlineData("Partai Nanggroe Aceh", "PNA")]
    [InlineData("Partai Aceh", "Partai Aceh")]
    public void Variants(string text, string canonical) =>
        Assert.Equal(canonical, V.Parties.Party(V.EntryOf(text, VocabularyCategory.Party)).Canonical);

    [Fact]
    public void Partai_Aceh_is_a_party_not_the_province()
    {
        var doc = Document.Create("Kader Partai Aceh hadir.");
        var match = Assert.Single(V.Matcher.Match(doc));
        Assert.Equal(VocabularyCategory.Party, match.Category);
    }

    [Theory]
    [InlineData("Ribuan buruh berdemo.")]
    [InlineData("Pelayanan prima bagi warga.")]
    [InlineData("Laga di Stadion Gelora Bung Karno.")]
    public void Common_words_are_not_parties(string text) =>
        Assert.DoesNotContain(V.Matcher.Match(Document.Create(text)), m => m.Category == VocabularyCategory.Party);

    [Theory]
    [InlineData("KIM Plus", "KIM Plus")]
    [InlineData("Koalisi Indonesia Maju", "KIM")]
    [InlineData("KIM", "KIM")]
    public void Coalitions(string text, string canonical) =>
        Assert.Equal(canonical, V.Parties.Coalition(V.EntryOf(text, VocabularyCategory.Coalition)).Canonical);
}
