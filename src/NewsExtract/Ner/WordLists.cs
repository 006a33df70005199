using NewsExtract.Common;

namespace NewsExtract.Ner;

/// <summary>
/// General word lists the entity model reads as features, keyed by the lowercase hash the feature extractor
/// computes for every token anyway (<see cref="FeatureHash.AddLower"/>): how common a word is in everyday
/// Indonesian (a capitalised "Ucapkan" or "Saling" in a headline is seldom a name) and whether it is a known
/// given name or surname, the lowercase particles that stand inside names, and the names of districts
/// (a capitalised "Nanga Tayap" or "Kalidawir" is more often a place). Loaded once from Resources/language; a
/// duplicate or an empty list fails at load.
/// </summary>
internal sealed class WordLists
{
    private static readonly Lazy<WordLists> DefaultLazy = new(Load);

    private readonly Dictionary<uint, byte> _commonBucket;
    private readonly HashSet<uint> _names;
    private readonly HashSet<uint> _particles;
    private readonly HashSet<uint> _districts;

    private WordLists(Dictionary<uint, byte> commonBucket, HashSet<uint> names, HashSet<uint> particles, HashSet<uint> districts)
    {
        _commonBucket = commonBucket;
        _names = names;
        _particles = particles;
        _districts = districts;
    }

    /// <summary>The longest district name, in words.</summary>
    public const int MaxPlaceWords = 4;

    /// <summary>The hash of a phrase before its first word; extend it word by word with <see cref="ExtendPhrase"/>.</summary>
    public const uint PhraseStart = 0x9E37_79B9;

    /// <summary>The phrase hash extended by one word, given as its lowercase hash.</summary>
    public static uint ExtendPhrase(uint phrase, uint lowerHash) => FeatureHash.Add(phrase, lowerHash);

    /// <summary>
    /// Whether a phrase hash is a district's name (kecamatan, distrik). Tried on 6,760 districts and 60k village
    /// names of idn-area-data: the village names (many are also given names, "Rahmat", "Sigit") did not help on dev.
    /// </summary>
    public bool IsDistrict(uint phrase) => _districts.Contains(phrase);

    /// <summary>Whether a phrase of space-separated words (any case) is a district's name ("Nanga Tayap").</summary>
    public bool IsDistrict(string phrase) => IsDistrict(PhraseOf(phrase));

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
        var districts = new HashSet<uint>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTsv.Read("language/districts.txt", 1, 1))
        {
            if (row[0].Split(' ').Length > MaxPlaceWords) throw row.Error($"'{row[0]}' has more than {MaxPlaceWords} words.");
            if (!seen.Add(row[0])) throw row.Error($"'{row[0]}' is listed twice.");
            districts.Add(PhraseOf(row[0]));
        }
        return new WordLists(common, LoadSet("language/given-names.txt"), LoadSet("language/name-particles.txt"), districts);
    }

    private static uint PhraseOf(string phrase)
    {
        uint h = PhraseStart;
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)) h = ExtendPhrase(h, Lower(word));
        return h;
    }

    private static HashSet<uint> LoadSet(string resource)
    {
        var set = new HashSet<uint>();
        foreach (var row in EmbeddedTsv.Read(resource, 1, 1))
            if (!set.Add(Lower(row[0]))) throw row.Error($"'{row[0]}' is listed twice.");
        return set;
    }
}
