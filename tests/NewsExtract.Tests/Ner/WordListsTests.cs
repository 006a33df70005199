using NewsExtract.Documents;
using NewsExtract.Ner;
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
}
