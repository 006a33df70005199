using System.Globalization;
using System.Text;

namespace NewsExtract.Documents;

/// <summary>
/// The normalised article text and, for every character of it, the offset of the input character it
/// came from, so that any span can be reported against the original input as well.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[] _toOriginal; // length Text.Length + 1; last entry = original length

    public NormalizedText(string original, string text, int[] toOriginal)
    {
        if (toOriginal.Length != text.Length + 1)
            throw new ArgumentException("The offset map must have one entry per character plus one.", nameof(toOriginal));
        Original = original;
        Text = text;
        _toOriginal = toOriginal;
    }

    /// <summary>The input text, with lone surrogates replaced one for one by U+FFFD (offsets are unchanged).</summary>
    public string Original { get; }

    public string Text { get; }

    /// <summary>Offset in the original input of the character at <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public int ToOriginal(int offset) => _toOriginal[Math.Clamp(offset, 0, _toOriginal.Length - 1)];

    /// <summary>Maps a half-open span of the normalised text to the original input.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (end <= start) { int p = ToOriginal(start); return (p, p); }
        // The end maps through the last character inside the span, so trailing collapsed whitespace is not included.
        int last = _toOriginal[end - 1];
        int origEnd = last + OriginalLengthAt(end - 1);
        return (ToOriginal(start), origEnd);
    }

    private int OriginalLengthAt(int offset)
    {
        // One normalised char may come from a surrogate pair or a decomposed sequence: it spans up to the next mapped start.
        int next = _toOriginal[offset + 1];
        int here = _toOriginal[offset];
        return next > here ? Math.Min(next - here, OriginalCharLength(here)) : 1;
    }

    private int OriginalCharLength(int originalOffset)
    {
        if (originalOffset >= Original.Length) return 0;
        return StringInfo.GetNextTextElementLength(Original, originalOffset);
    }

    /// <summary>Offset in <see cref="Text"/> of the first character mapped at or after <paramref name="originalOffset"/>.</summary>
    public int FromOriginal(int originalOffset)
    {
        int lo = 0, hi = Text.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_toOriginal[mid] < originalOffset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// Normalises article text: Unicode NFC; no-break and other exotic spaces become spaces; curly quotes become
/// straight ones; en and em dashes become "-"; zero-width characters and soft hyphens vanish; CR LF becomes LF;
/// runs of spaces become one space; spaces around line breaks go; three or more line breaks become two.
/// Every output character remembers the input offset it came from.
/// </summary>
internal static class TextNormalizer
{
    public static NormalizedText Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sb = new StringBuilder(input.Length);
        var map = new List<int>(input.Length + 1);

        // Pending whitespace is emitted lazily so that runs collapse and trailing spaces before a newline vanish.
        int pendingSpaceAt = -1;
        int pendingNewlines = 0;
        int firstNewlineAt = -1;
        int secondNewlineAt = -1;

        void FlushPending()
        {
            if (pendingNewlines > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n'); map.Add(firstNewlineAt);
                    if (pendingNewlines > 1) { sb.Append('\n'); map.Add(secondNewlineAt); }
                }
            }
            else if (pendingSpaceAt >= 0 && sb.Length > 0)
            {
                sb.Append(' '); map.Add(pendingSpaceAt);
            }
            pendingSpaceAt = -1; pendingNewlines = 0; firstNewlineAt = -1; secondNewlineAt = -1;
        }

        // Lone surrogates (broken UTF-16, "&#xD800;" in a page) become U+FFFD, one for one, so the map stays exact;
        // the repaired input is the "original" that records quote (a lone surrogate cannot be written as UTF-8).
        input = ReplaceLoneSurrogates(input);
        string original = input;
        bool needsNfc = !input.IsNormalized(NormalizationForm.FormC);
        int i = 0;
        while (i < input.Length)
        {
            char c = input[i];
            if (c == '\r')
            {
                // CR LF or a lone CR: one line break.
                int at = i;
                i += (i + 1 < input.Length && input[i + 1] == '\n') ? 2 : 1;
                AddNewline(at);
                continue;
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                AddNewline(i); i++; continue;
            }
            if (IsSpace(c))
            {
                if (pendingNewlines == 0 && pendingSpaceAt < 0) pendingSpaceAt = i;
                i++; continue;
            }
            if (IsInvisible(c)) { i++; continue; }

            FlushPending();
            char mapped = MapChar(c);
            int elementLength = needsNfc ? StringInfo.GetNextTextElementLength(input, i) : 1;
            if (elementLength == 1 || (char.IsHighSurrogate(c) && elementLength == 2))
            {
                if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                {
                    sb.Append(c).Append(input[i + 1]); map.Add(i); map.Add(i); i += 2; continue;
                }
                sb.Append(mapped); map.Add(i); i++;
                continue;
            }
            // Non-ASCII text that is not in NFC: normalise one text element at a time, each output char mapped to its element.
            string element = input.Substring(i, elementLength).Normalize(NormalizationForm.FormC);
            foreach (char e in element) { sb.Append(MapChar(e)); map.Add(i); }
            i += elementLength;
        }
        // Trailing whitespace is dropped, except that a final newline is not needed either.
        map.Add(input.Length);
        return new NormalizedText(original, sb.ToString(), map.ToArray());

        void AddNewline(int at)
        {
            pendingSpaceAt = -1;
            if (pendingNewlines == 0) firstNewlineAt = at;
            else if (pendingNewlines == 1) secondNewlineAt = at;
            pendingNewlines++;
        }
    }

    private static string ReplaceLoneSurrogates(string s)
    {
        char[]? copy = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) (copy ??= s.ToCharArray())[i] = '\uFFFD';
        }
        return copy is null ? s : new string(copy);
    }

    private static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000'
        || (c >= '\u2000' && c <= '\u200A');

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t');

    private static char MapChar(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u0060' or '\u00B4' => '\'',
        '\u2013' or '\u2014' or '\u2012' or '\u2015' or '\u2010' or '\u2011' or '\u2212' => '-',
        '\u2026' => '\u2026', // ellipsis is kept: one char, offsets stay simple
        _ => c,
    };
}
