using NewsExtract.Documents;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Vocabulary;

public class PhraseMatcherTests
{
    private static readonly Vocabularies V = Vocabularies.Default;

    private static List<(string Text, VocabularyCategory Category)> Find(string text)
    {
        var doc = Document.Create(text);
        return V.Matcher.Match(doc).Select(m => (m.Text(doc.Text), m.Category)).ToList();
    }

    [Fact]
    public void Finds_each_layer_of_a_sentence()
    {
        var found = Find("Ketua KPU Kota Blitar, Drs. Santoso, M.Pd, menyebut Kapolresta Blitar hadir pada Kamis, 24 September 2020.");
        Assert.Contains(("Ketua", VocabularyCategory.Role), found);
        Assert.Contains(("KPU", VocabularyCategory.Institution), found);
        Assert.Contains(("Kota Blitar", VocabularyCategory.Region), found);
        Assert.Contains(("Drs.", VocabularyCategory.Title), found);
        Assert.Contains(("M.Pd", VocabularyCategory.Title), found);
        Assert.Contains(("Kapolresta", VocabularyCategory.Office), found);
        Assert.Contains(("Blitar", VocabularyCategory.Region), found);
        Assert.Contains(("Kamis", VocabularyCategory.Weekday), found);
        Assert.Contains(("September", VocabularyCategory.Month), found);
    }

    [Fact]
    public void Longest_match_wins()
    {
        var found = Find("Wakil Wali Kota Blitar dan KPU RI.");
        Assert.Contains(("Wakil Wali Kota", VocabularyCategory.Office), found);
        Assert.Contains(("KPU RI", VocabularyCategory.Institution), found);
        Assert.DoesNotContain(found, f => f.Text == "Kota Blitar");
    }

    [Fact]
    public void Offsets_point_into_the_text()
    {
        var doc = Document.Create("Rapat di Kab. Blitar.");
        var match = V.Matcher.Match(doc).Single(m => m.Category == VocabularyCategory.Region);
        Assert.Equal("Kab. Blitar", doc.Text[match.Start..match.End]);
        Assert.Equal(doc.Tokens[match.FirstToken].Start, match.Start);
        Assert.Equal(doc.Tokens[match.EndToken - 1].End, match.End);
    }

    [Fact]
    public void A_match_does_not_cross_punctuation() =>
        Assert.DoesNotContain(Find("Ia tinggal di kota. Blitar kemudian ramai."), f => f.Text.Contains('.') && f.Category == VocabularyCategory.Region);

    [Fact]
    public void Duplicate_form_fails_with_both_places()
    {
        var builder = new PhraseMatcher.Builder().Add("PDI-P", VocabularyCategory.Party, 0, "a.tsv:3");
        var error = Assert.Throws<InvalidDataException>(() => builder.Add("PDI P", VocabularyCategory.Party, 1, "a.tsv:9"));
        Assert.Contains("a.tsv:9", error.Message);
        Assert.Contains("a.tsv:3", error.Message);
    }

    [Fact]
    public void Hyphen_variant_of_a_form_is_quietly_shared()
    {
        var matcher = new PhraseMatcher.Builder()
            .Add("PDIP", VocabularyCategory.Party, 0, "a.tsv:1")
            .Add("PDI-P", VocabularyCategory.Party, 0, "a.tsv:2")
            .Build();
        Assert.Equal(2, matcher.FormCount);
    }
}
