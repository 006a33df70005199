using NewsExtract.Common;

namespace NewsExtract.Ner;

/// <summary>
/// General word lists the entity model reads as features, keyed by the lowercase hash the feature extractor
/// computes for every token anyway (<see cref="FeatureHash.AddLower"/>): how common a word is in everyday
/// Indonesian (a capitalised "Ucapkan" or "Saling" in a headline is seldom a name) and whether it is a known
/// given name or surname, and the lowercase particles that stand inside names. Loaded once from Resources/language; a duplicate or an empty list fails at load.
/// </summary>
internal sealed class WordLists
{
    private static readonly Lazy<WordLists> DefaultLazy = new(Load);

    private readonly Dictionary<uint, byte> _commonBucket;
    private readonly HashSet<uint> _names;
    private readonly HashSet<uint> _particles;

    private WordLists(Dictionary<uint, byte> commonBucket, HashSet<uint> names, HashSet<uint> particles)
    {
        _commonBucket = commonBucket;
        _names = names;
        _particles = particles;
    }

    public static WordLists Default => DefaultLazy.Value;

    /// <summary>1 for the 500 most common words, 2 up to 2,000, 3 up to 8,000, 4 beyond; 0 for words not in the list.</summary>
    public uint CommonBucket(uint lowerHash) => _commonBucket.TryGetValue(lowerHash, out byte b) ? b : 0u;

    public bool IsName(uint lowerHash) => _names.Contains(lowerHash);

    /// <inheritdoc cref="CommonBucket(uint)"/>
    public uint CommonBucket(ReadOnlySpan<char> word) => CommonBucket(Lower(word));

    /// <summary>Whether the word (any case) is a known given name or surname.</summary>
    public bool IsName(ReadOnlySpan<char> word) => IsName(Lower(word));

    /// <summary>Whether a lowercase word may stand inside a name ("da" in "Yosef Benediktus da Silva", "br", "bin").</summary>
    public bool IsNameParticle(uint lowerHash) => _particles.Contains(lowerHash);

    /// <inheritdoc cref="IsNameParticle(uint)"/>
    public bool IsNameParticle(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLower(word[0]) && _particles.Contains(Lower(word));

    // The same lowercase hash the feature extractor computes for every token.
    private static uint Lower(ReadOnlySpan<char> word) => FeatureHash.AddLower(FeatureHash.Offset, word);

    private static WordLists Load()
    {
        var common = new Dictionary<uint, byte>();
        int rank = 0;
        foreach (var row in EmbeddedTsv.Read("language/common-words.txt", 1, 1))
        {
            rank++;
            byte bucket = rank <= 500 ? (byte)1 : rank <= 2000 ? (byte)2 : rank <= 8000 ? (byte)3 : (byte)4;
            if (!common.TryAdd(Lower(row[0]), bucket)) throw row.Error($"'{row[0]}' is listed twice.");
        }
        return new WordLists(common, LoadSet("language/given-names.txt"), LoadSet("language/name-particles.txt"));
    }

    private static HashSet<uint> LoadSet(string resource)
    {
        var set = new HashSet<uint>();
        foreach (var row in EmbeddedTsv.Read(resource, 1, 1))
            if (!set.Add(Lower(row[0]))) throw row.Error($"'{row[0]}' is listed twice.");
        return set;
    }
}
