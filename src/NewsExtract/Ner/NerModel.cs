using System.Numerics;
using System.Text;
using NewsExtract.Documents;
using NewsExtract.Vocabulary;

namespace NewsExtract.Ner;

/// <summary>
/// The trained entity model: a linear multiclass (maximum entropy) model over hashed token features, scored here
/// without any machine-learning library, and decoded with the BIO constraints (<see cref="BioDecoder"/>).
/// The shipped one is Resources/model/ner.bin, rebuilt with <c>newsextract train</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// File layout (little-endian): "NXNER" and a format byte; the feature groups byte; the class count and the class
/// names; the feature count; the feature hashes in ascending order; one bias per class; then per feature one
/// weight per class. Format 2 stores biases and weights as IEEE half floats (the trainer rounds them to half
/// precision before scoring, so the file gives exactly the model that was measured); format 1 stored 32-bit floats
/// and is still read. Format 3 is format 2 with a decoding byte after the feature groups byte (<see cref="NerDecoding"/>);
/// a model decoded by local probabilities is still written as format 2, so its bytes do not change. With the cluster
/// features, the word cluster table (<see cref="WordClusters.Write"/>) follows the decoding byte (format 3 only).
/// </remarks>
internal sealed class NerModel
{
    public const string ResourceName = "NewsExtract.Resources.model/ner.bin";
    private const byte FormatVersion = 3;
    private const byte LocalFormatVersion = 2;
    private const float MinLogProbability = -27.631021f;  // log 1e-12: the decoder's floor for a probability
    private static ReadOnlySpan<byte> Magic => "NXNER"u8;
    private static readonly Lazy<NerModel> DefaultModel = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly uint[] _hashes;
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly int[] _slots;  // open addressing: feature index + 1, 0 = empty
    private readonly int _shift;

    /// <summary>
    /// A model from its parts: <paramref name="hashes"/> strictly ascending, <paramref name="weights"/> holding
    /// <see cref="NerTags.Count"/> weights per feature in that order, and one bias per class.
    /// </summary>
    public NerModel(NerFeatureGroups groups, uint[] hashes, float[] weights, float[] biases, NerDecoding decoding = NerDecoding.LocalProbabilities,
        WordClusters? clusters = null)
    {
        if (((groups & NerFeatureGroups.Clusters) != 0) != (clusters is not null))
            throw new ArgumentException("A model has a word cluster table exactly when it uses the cluster features.", nameof(clusters));
        if (!Enum.IsDefined(decoding)) throw new ArgumentException($"Unknown decoding {(int)decoding}.", nameof(decoding));
        if (biases.Length != NerTags.Count)
            throw new ArgumentException($"Expected {NerTags.Count} biases, got {biases.Length}.", nameof(biases));
        if (weights.Length != hashes.Length * NerTags.Count)
            throw new ArgumentException($"Expected {hashes.Length * NerTags.Count} weights, got {weights.Length}.", nameof(weights));
        for (int i = 1; i < hashes.Length; i++)
            if (hashes[i] <= hashes[i - 1])
                throw new ArgumentException("Feature hashes must be strictly ascending.", nameof(hashes));
        Groups = groups;
        Decoding = decoding;
        Clusters = clusters;
        _hashes = hashes;
        _weights = weights;
        _biases = biases;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = new int[size];
        for (int i = 0; i < hashes.Length; i++)
        {
            int s = Slot(hashes[i]);
            while (_slots[s] != 0) s = (s + 1) & (size - 1);
            _slots[s] = i + 1;
        }
    }

    /// <summary>The shipped model (Resources/model/ner.bin), loaded on first use.</summary>
    public static NerModel Default => DefaultModel.Value;

    public NerFeatureGroups Groups { get; }

    /// <summary>How the class scores become a tag sequence.</summary>
    public NerDecoding Decoding { get; }

    /// <summary>The word cluster table of the cluster features, carried in the model file; null without them.</summary>
    public WordClusters? Clusters { get; }

    public int FeatureCount => _hashes.Length;

    public ReadOnlySpan<uint> Hashes => _hashes;

    public ReadOnlySpan<float> Weights => _weights;

    public ReadOnlySpan<float> Biases => _biases;

    /// <summary>The entities of a document, in text order.</summary>
    public List<NerSpan> Tag(Document document, Vocabularies? vocabularies = null)
    {
        var features = NerFeatures.Extract(document, Groups, (Groups & NerFeatureGroups.Vocabulary) != 0 ? vocabularies ?? Vocabularies.Default : null, Clusters);
        var tags = new NerTag[features.TokenCount];
        var chosen = new float[features.TokenCount];
        Decode(features, tags, chosen);
        return Spans(document, tags, chosen);
    }

    /// <summary>The best tag of every token, segment by segment, and the probability of each chosen tag.</summary>
    public void Decode(NerFeatureMatrix features, Span<NerTag> tags, Span<float> chosen)
    {
        const int K = NerTags.Count;
        int n = features.TokenCount;
        var logits = new float[n * K];
        for (int t = 0; t < n; t++) Logits(features.Of(t), logits.AsSpan(t * K, K));
        bool context = (Groups & NerFeatureGroups.LabelContext) != 0;
        Span<uint> labelFeatures = stackalloc uint[NerFeatures.LabelFeatureCount];
        Span<float> z = stackalloc float[K];
        bool global = Decoding == NerDecoding.GlobalScores;
        int longest = 0;
        for (int first = 0; first < n;)
        {
            int end = first + 1;
            while (end < n && !features.SegmentStarts[end]) end++;
            longest = Math.Max(longest, end - first);
            first = end;
        }
        // One score table for every segment, the size of the longest.
        var scores = new float[longest * BioDecoder.Contexts * K];
        Span<float> probabilities = stackalloc float[K];
        for (int first = 0; first < n;)
        {
            int end = first + 1;
            while (end < n && !features.SegmentStarts[end]) end++;
            int length = end - first;
            for (int i = 0; i < length; i++)
            {
                int t = first + i;
                for (int p = 0; p < BioDecoder.Contexts; p++)
                {
                    if ((i == 0) != (p == K)) continue;
                    Scores(features, logits, t, p, context, z, labelFeatures);
                    // Viterbi adds log-probabilities (z less the log of the softmax normaliser: one logarithm a row,
                    // floored like the decoder's probabilities) or, decoding globally, the raw scores.
                    var row = scores.AsSpan((i * BioDecoder.Contexts + p) * K, K);
                    if (global) z.CopyTo(row);
                    else
                    {
                        float logSum = LogSumExp(z);
                        for (int k = 0; k < K; k++) row[k] = Math.Max(z[k] - logSum, MinLogProbability);
                    }
                    if (!context && i > 0)
                    {
                        // Without label context every previous tag gives the same row.
                        for (int q = 1; q < K; q++) row.CopyTo(scores.AsSpan((i * BioDecoder.Contexts + q) * K, K));
                        break;
                    }
                }
            }
            BioDecoder.Decode(scores, length, tags.Slice(first, length));
            // The probability of each chosen tag given the chosen previous one: the softmax of that one row.
            for (int i = 0; i < length; i++)
            {
                int t = first + i;
                Scores(features, logits, t, i == 0 ? K : (int)tags[t - 1], context, z, labelFeatures);
                Softmax(z, probabilities);
                chosen[t] = probabilities[(int)tags[t]];
            }
            first = end;
        }
    }

    // The scores of token t's tags after previous tag p: its logits plus the label-context features.
    private void Scores(NerFeatureMatrix features, float[] logits, int t, int p, bool context, Span<float> z, Span<uint> labelFeatures)
    {
        logits.AsSpan(t * NerTags.Count, NerTags.Count).CopyTo(z);
        if (!context) return;
        NerFeatures.LabelFeatures(features, t, p, labelFeatures);
        foreach (uint h in labelFeatures) Add(h, z);
    }

    /// <summary>The class scores of one token's features (bias included), before the label context.</summary>
    public void Logits(ReadOnlySpan<uint> features, Span<float> z)
    {
        _biases.CopyTo(z);
        foreach (uint h in features) Add(h, z);
    }

    private void Add(uint hash, Span<float> z)
    {
        int f = IndexOf(hash);
        if (f < 0) return;
        var w = _weights.AsSpan(f * NerTags.Count, NerTags.Count);
        for (int k = 0; k < w.Length; k++) z[k] += w[k];
    }

    private static void Softmax(ReadOnlySpan<float> z, Span<float> result)
    {
        float max = z[0];
        for (int k = 1; k < z.Length; k++) max = Math.Max(max, z[k]);
        float sum = 0;
        for (int k = 0; k < z.Length; k++) { result[k] = MathF.Exp(z[k] - max); sum += result[k]; }
        for (int k = 0; k < z.Length; k++) result[k] /= sum;
    }

    // The log of the softmax normaliser, so that log p = z - it.
    private static float LogSumExp(ReadOnlySpan<float> z)
    {
        float max = z[0];
        for (int k = 1; k < z.Length; k++) max = Math.Max(max, z[k]);
        float sum = 0;
        for (int k = 0; k < z.Length; k++) sum += MathF.Exp(z[k] - max);
        return max + MathF.Log(sum);
    }

    /// <summary>Index of a feature hash in the model, or -1 for a feature it never saw.</summary>
    public int IndexOf(uint hash)
    {
        int mask = _slots.Length - 1;
        for (int s = Slot(hash); ; s = (s + 1) & mask)
        {
            int e = _slots[s];
            if (e == 0) return -1;
            if (_hashes[e - 1] == hash) return e - 1;
        }
    }

    private int Slot(uint hash) => (int)((hash * 2654435769u) >> _shift);

    /// <summary>Entity spans of a BIO tag sequence; a span's score is the mean probability of its tokens' tags.</summary>
    public static List<NerSpan> Spans(Document document, ReadOnlySpan<NerTag> tags, ReadOnlySpan<float> chosen)
    {
        var result = new List<NerSpan>();
        int t = 0;
        while (t < tags.Length)
        {
            if (tags[t] == NerTag.O || (NerTags.IsInside(tags[t]) && t > 0 && tags[t - 1] != NerTag.O && NerTags.TypeOf(tags[t - 1]) == NerTags.TypeOf(tags[t])))
            {
                t++;
                continue;
            }
            var type = NerTags.TypeOf(tags[t]);
            var inside = NerTags.Inside(type);
            int end = t + 1;
            while (end < tags.Length && tags[end] == inside) end++;
            double sum = 0;
            for (int u = t; u < end; u++) sum += chosen[u];
            double score = sum / (end - t);
            result.Add(new NerSpan(type, t, end, EntityStart(document, t), document.Tokens[end - 1].End, score));
            t = end;
        }
        return result;
    }

    // "se-Kota Kediri" ("all of Kota Kediri") is one token; the entity is the name after the prefix.
    private static int EntityStart(Document document, int token)
    {
        var t = document.Tokens[token];
        var span = t.Span(document.Text);
        return span.Length > 4 && span.StartsWith("se-", StringComparison.OrdinalIgnoreCase) && char.IsUpper(span[3]) ? t.Start + 3 : t.Start;
    }

    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        bool format2 = Decoding == NerDecoding.LocalProbabilities && Clusters is null;
        w.Write(format2 ? LocalFormatVersion : FormatVersion);
        w.Write((byte)Groups);
        if (!format2) w.Write((byte)Decoding);
        w.Flush();
        Clusters?.Write(stream);
        w.Write(NerTags.Count);
        foreach (var name in NerTags.Names) w.Write(name);
        w.Write(_hashes.Length);
        foreach (uint h in _hashes) w.Write(h);
        foreach (float b in _biases) w.Write((Half)b);
        foreach (float x in _weights) w.Write((Half)x);
    }

    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static NerModel Read(Stream stream, string name)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            Span<byte> magic = stackalloc byte[Magic.Length];
            r.BaseStream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic)) throw new InvalidDataException($"{name} is not an entity model file (bad signature).");
            byte version = r.ReadByte();
            if (version is not (1 or LocalFormatVersion or FormatVersion)) throw new InvalidDataException($"{name} has model format {version}; this library reads formats 1 to {FormatVersion}. Rebuild it with 'newsextract train'.");
            var groups = (NerFeatureGroups)r.ReadByte();
            var decoding = version >= 3 ? (NerDecoding)r.ReadByte() : NerDecoding.LocalProbabilities;
            if (!Enum.IsDefined(decoding)) throw new InvalidDataException($"{name} has decoding {(int)decoding}, unknown to this library.");
            if (version < 3 && (groups & NerFeatureGroups.Clusters) != 0) throw new InvalidDataException($"{name}: format {version} has no cluster table but its feature groups say clusters.");
            var clusters = (groups & NerFeatureGroups.Clusters) != 0 ? WordClusters.Read(r.BaseStream, name) : null;
            int classes = r.ReadInt32();
            if (classes != NerTags.Count) throw new InvalidDataException($"{name} has {classes} classes; expected {NerTags.Count}.");
            for (int k = 0; k < classes; k++)
            {
                string label = r.ReadString();
                if (label != NerTags.Names[k]) throw new InvalidDataException($"{name}: class {k} is '{label}'; expected '{NerTags.Names[k]}'.");
            }
            int count = r.ReadInt32();
            if (count < 0 || count > 50_000_000) throw new InvalidDataException($"{name}: implausible feature count {count}.");
            var hashes = new uint[count];
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(hashes.AsSpan()));
            var biases = ReadFloats(r.BaseStream, classes, half: version >= 2);
            var weights = ReadFloats(r.BaseStream, count * classes, half: version >= 2);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The entity model is read on little-endian machines only.");
            return new NerModel(groups, hashes, weights, biases, decoding, clusters);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{name} is truncated.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{name} is corrupt: {ex.Message}", ex);
        }
    }

    private static float[] ReadFloats(Stream stream, int count, bool half)
    {
        var result = new float[count];
        if (!half)
        {
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
            return result;
        }
        var halves = new Half[count];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()));
        for (int i = 0; i < count; i++) result[i] = (float)halves[i];
        return result;
    }

    /// <summary>A weight as the model file keeps it (half precision).</summary>
    public static float Stored(float weight) => (float)(Half)weight;

    private static NerModel LoadDefault()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the NewsExtract assembly; build the model with 'newsextract train' (it writes src/NewsExtract/Resources/model/ner.bin).");
        return Read(stream, "Resources/model/ner.bin");
    }
}

/// <summary>How a model's class scores become a tag sequence; stored in the model file (format 3).</summary>
internal enum NerDecoding : byte
{
    /// <summary>
    /// A maximum-entropy Markov model (SDCA): each token's scores are a softmax given the previous tag, and Viterbi
    /// maximises the product of those probabilities.
    /// </summary>
    LocalProbabilities = 0,

    /// <summary>
    /// A globally trained model (averaged structured perceptron): Viterbi maximises the sum of the raw scores over
    /// the sentence, the previous-tag features acting as tag-bigram weights. A span's score is still the mean of the
    /// softmaxed local scores, a confidence and not a calibrated probability.
    /// </summary>
    GlobalScores = 1,
}
