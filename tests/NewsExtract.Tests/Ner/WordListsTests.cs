using NewsExtract.Documents;
using NewsExtract.Ner;
using NewsExtract.Pipeline;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Ner;

/// <summary>The general word lists the entity model reads, and the features they and the line layout give.</summary>
public class WordListsTests
{
    private static uint Lower(string word) => FeatureHash.AddLower(FeatureHash.Offset, word);

    [Theory]
    [InlineData("yang", 1u)]
    [InlineData("Saling", 1u)]
    [InlineData("ucapkan", 3u)]
    [InlineData("Sukerta", 0u)]
    public void Common_words_fall_in_rank_buckets(string word, uint bucket)
    {
        uint actual = WordLists.Default.CommonBucket(Lower(word));
        if (bucket == 0) Assert.Equal(0u, actual);
        else Assert.InRange(actual, 1u, bucket);
    }

    [Fact]
    public void Given_names_are_known_and_function_words_are_not()
    {
        Assert.True(WordLists.Default.IsName(Lower("Budi")));
        Assert.True(WordLists.Default.IsName(Lower("santoso")));
        Assert.False(WordLists.Default.IsName(Lower("yang")));
    }

    [Theory]
    [InlineData("da", true)]
    [InlineData("br", true)]
    [InlineData("bin", true)]
    [InlineData("Da", false)]   // capitalised: a word of its own, not a particle
    [InlineData("dan", false)]
    public void Name_particles_are_lowercase_words_inside_names(string word, bool particle) =>
        Assert.Equal(particle, WordLists.Default.IsNameParticle(word));

    [Fact]
    public void A_title_case_headline_gives_its_tokens_a_feature_a_sentence_does_not()
    {
        var headline = NerFeatures.Extract(Document.Create("Anies, Prabowo dan Ganjar Saling Sindir Soal Hukum\n\nIa datang."), NerFeatureGroups.Lexical, null);
        var sentence = NerFeatures.Extract(Document.Create("Ia bilang Ganjar saling sindir soal hukum di sana."), NerFeatureGroups.Lexical, null);
        // Same token "Ganjar", same word and shape; only the title-line feature tells the two apart, so the
        // headline token has more features.
        Assert.True(headline.Of(4).Length > sentence.Of(2).Length);
    }

    [Fact]
    public void Vocabulary_group_adds_word_list_features()
    {
        var document = Document.Create("Pasangan Yosef Benediktus da Silva berkampanye.");
        var without = NerFeatures.Extract(document, NerFeatureGroups.Lexical, null);
        var with = NerFeatures.Extract(document, NerFeatureGroups.Lexical | NerFeatureGroups.Vocabulary, Vocabularies.Default);
        for (int t = 0; t < document.Tokens.Count; t++)
            Assert.True(with.Of(t).Length > without.Of(t).Length, $"token {t} has no vocabulary or word-list features");
    }

    [Theory]
    [InlineData("Nanga Tayap", true)]
    [InlineData("nanga tayap", true)]     // any case
    [InlineData("Kalidawir", true)]
    [InlineData("Kluet Utara", true)]
    [InlineData("Nanga", false)]          // a part of a name is not the name
    [InlineData("Blitar", false)]         // regencies and cities are in regions.tsv, not here
    [InlineData("Santoso", false)]
    public void District_names_are_known_as_whole_phrases(string phrase, bool district) =>
        Assert.Equal(district, WordLists.Default.IsDistrict(phrase));

    [Fact]
    public void A_district_name_gives_each_of_its_capitalised_words_a_feature()
    {
        // The same capitalised words, once as a district ("Nanga Tayap") and once as a phrase that names none: only
        // the district's tokens get the district feature (and their neighbours the neighbour feature).
        var groups = NerFeatureGroups.Lexical | NerFeatureGroups.Vocabulary;
        var district = NerFeatures.Extract(Document.Create("Warga Nanga Tayap datang."), groups, Vocabularies.Default);
        var other = NerFeatures.Extract(Document.Create("Warga Nanga Tapay datang."), groups, Vocabularies.Default);
        Assert.Equal(other.Of(1).Length + 2, district.Of(1).Length);   // TDistrict and TDistrictAt (Tayap)
        Assert.Equal(other.Of(0).Length + 1, district.Of(0).Length);   // TDistrictAt only
    }

    [Theory]
    [InlineData("JENEPONTO, Celebes Post – Badan Pengawas Pemilu menggelar rapat.", "JENEPONTO", "Celebes Post")]
    [InlineData("Kupang (ANTARA) - KPU menetapkan pasangan calon.", "Kupang", "ANTARA")]
    [InlineData("KOTA PASURUAN, BANGSAONLINE.com - Warga datang.", "KOTA PASURUAN", "BANGSAONLINE.com")]
    public void The_dateline_rule_gives_place_and_outlet_ranges(string text, string place, string outlet)
    {
        var found = DatelineStage.Find(text);
        Assert.NotNull(found);
        Assert.Equal(place, text[found.Value.Place]);
        Assert.Equal(outlet, text[found.Value.Outlet].Trim());
    }

    [Fact]
    public void Dateline_tokens_get_a_feature_the_same_words_elsewhere_do_not()
    {
        // "Celebes Post" as the outlet of the dateline, and the same words later in a sentence.
        var document = Document.Create("JENEPONTO, Celebes Post – Warga membaca Celebes Post pagi ini.");
        var features = NerFeatures.Extract(document, NerFeatureGroups.Lexical, null);
        var words = document.Tokens.Select(t => t.Span(document.Text).ToString()).ToList();
        int inDateline = words.IndexOf("Post"), later = words.LastIndexOf("Post");
        Assert.NotEqual(inDateline, later);
        // Both tokens have neighbours and position features of their own; only the dateline one has the dateline feature.
        var only = features.Of(inDateline).ToArray().Except(features.Of(later).ToArray()).ToList();
        Assert.Contains(FeatureHash.Feature(47, 2), only);   // template 47 (dateline), value 2 (outlet)
    }
}
