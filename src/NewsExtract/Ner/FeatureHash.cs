namespace NewsExtract.Ner;

/// <summary>
/// FNV-1a over UTF-16 code units (and over 32-bit values for combined features): the same on every run, process
/// and platform, unlike <see cref="string.GetHashCode()"/>. A model stores these hashes, so changing this function
/// or a feature template number invalidates every shipped model.
/// </summary>
internal static class FeatureHash
{
    public const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Add(uint h, char c)
    {
        h ^= c;
        return h * Prime;
    }

    /// <summary>Folds a 32-bit value in, low byte first.</summary>
    public static uint Add(uint h, uint value)
    {
        h = (h ^ (value & 0xFF)) * Prime;
        h = (h ^ ((value >> 8) & 0xFF)) * Prime;
        h = (h ^ ((value >> 16) & 0xFF)) * Prime;
        return (h ^ (value >> 24)) * Prime;
    }

    public static uint Add(uint h, ReadOnlySpan<char> text)
    {
        foreach (char c in text) h = (h ^ c) * Prime;
        return h;
    }

    public static uint AddLower(uint h, ReadOnlySpan<char> text)
    {
        foreach (char c in text) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return h;
    }

    public static uint Of(ReadOnlySpan<char> text) => Add(Offset, text);

    // The hash of each template number alone, the first step of every feature hash: computed once, not per feature.
    private const int SeededTemplates = 64;
    private static readonly uint[] TemplateSeeds = Enumerable.Range(0, SeededTemplates).Select(t => Add(Offset, (uint)t)).ToArray();

    private static uint Seed(uint template) => template < SeededTemplates ? TemplateSeeds[template] : Add(Offset, template);

    /// <summary>The hash of a feature: its template number and up to three values.</summary>
    public static uint Feature(uint template, uint a) => Add(Seed(template), a);

    public static uint Feature(uint template, uint a, uint b) => Add(Feature(template, a), b);

    public static uint Feature(uint template, uint a, uint b, uint c) => Add(Feature(template, a, b), c);
}
