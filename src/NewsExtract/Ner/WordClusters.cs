using System.Text;

namespace NewsExtract.Ner;

/// <summary>
/// A hierarchy of word clusters learnt from unlabelled Indonesian text (<c>newsextract clusters</c>): every word
/// has a path of binary choices from the root, and words on paths with a long common prefix occur in the same
/// contexts ("Jakarta", "Surabaya", "Makassar"; "Anies", "Ganjar"). The entity model reads prefixes of several
/// lengths as features (like Brown cluster paths), so a name never seen in the training labels still gets the
/// weights of its cluster. Keyed by the lowercase hash the feature extractor computes anyway
/// (<see cref="FeatureHash.AddLower"/>), so the table holds no text. A model that uses clusters carries its own table
/// in its file. Immutable and thread-safe.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>The longest path.</summary>
    public const int MaxDepth = 16;

    /// <summary>The value of <see cref="Prefix"/> for a word the table does not know.</summary>
    public const uint Unknown = 0xFFFF_FFFF;

    private static ReadOnlySpan<byte> Magic => "NXCLU"u8;
    private const byte FormatVersion = 1;

    private readonly uint[] _words;
    private readonly uint[] _paths;  // depth << 16 | path bits (the first choice in the highest of the depth bits)
    private readonly Dictionary<uint, uint> _lookup;

    /// <summary>A table from its parts: <paramref name="words"/> strictly ascending, one packed path per word.</summary>
    public WordClusters(uint[] words, uint[] paths)
    {
        if (words.Length != paths.Length) throw new ArgumentException($"Expected {words.Length} paths, got {paths.Length}.", nameof(paths));
        _lookup = new Dictionary<uint, uint>(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            if (i > 0 && words[i] <= words[i - 1]) throw new ArgumentException("Word hashes must be strictly ascending.", nameof(words));
            if ((paths[i] >> 16) is 0 or > MaxDepth) throw new ArgumentException($"Path depth {paths[i] >> 16} of word {i} is outside 1..{MaxDepth}.", nameof(paths));
            _lookup[words[i]] = paths[i];
        }
        _words = words;
        _paths = paths;
    }

    public int Count => _words.Length;

    public ReadOnlySpan<uint> Words => _words;

    public ReadOnlySpan<uint> Paths => _paths;

    /// <summary>The packed path of a word (depth &lt;&lt; 16 | bits), or 0 when the table does not know it.</summary>
    public uint PathOf(uint lowerHash) => _lookup.TryGetValue(lowerHash, out uint p) ? p : 0u;

    /// <summary>
    /// The first <paramref name="length"/> choices of a packed path (all of it when shorter), with their count, as one
    /// value; <see cref="Unknown"/> for a word without a path.
    /// </summary>
    public static uint Prefix(uint path, int length)
    {
        if (path == 0) return Unknown;
        int depth = (int)(path >> 16);
        uint bits = path & 0xFFFF;
        if (depth <= length) return path;
        return (uint)length << 16 | bits >> (depth - length);
    }

    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(_words.Length);
        foreach (uint h in _words) w.Write(h);
        foreach (uint p in _paths) w.Write(p);
    }

    /// <exception cref="InvalidDataException">The stream does not hold a cluster table.</exception>
    public static WordClusters Read(Stream stream, string name)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            Span<byte> magic = stackalloc byte[Magic.Length];
            r.BaseStream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic)) throw new InvalidDataException($"{name} holds no word cluster table (bad signature).");
            byte version = r.ReadByte();
            if (version != FormatVersion) throw new InvalidDataException($"{name} has cluster format {version}; this library reads format {FormatVersion}.");
            int count = r.ReadInt32();
            if (count < 0 || count > 10_000_000) throw new InvalidDataException($"{name}: implausible cluster word count {count}.");
            var words = new uint[count];
            var paths = new uint[count];
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words.AsSpan()));
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(paths.AsSpan()));
            return new WordClusters(words, paths);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{name}: the word cluster table is truncated.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{name}: the word cluster table is corrupt: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a cluster table file.</summary>
    public static WordClusters Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }
}
