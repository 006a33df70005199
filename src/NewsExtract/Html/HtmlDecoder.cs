using System.Text;
using System.Text.RegularExpressions;

namespace NewsExtract.Html;

/// <summary>
/// Turns page bytes into a string the way a browser would, with the fallbacks scraped pages need:
/// BOM first, then the charset the page declares (&lt;meta charset&gt; or http-equiv), and when the
/// bytes are not valid UTF-8 a retry as windows-1252 (old Indonesian portals often declare one and send the other).
/// </summary>
internal static partial class HtmlDecoder
{
    private const int SniffLength = 4096;

    // Matches both <meta charset="x"> and content="text/html; charset=x".
    [GeneratedRegex(@"<meta[^>]{0,300}?charset\s*=\s*[""']?\s*([A-Za-z0-9._:-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; adds a warning for every fallback taken.</summary>
    /// <exception cref="InvalidDataException">The bytes are not text (image, PDF, archive, compressed data).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8OrFallback(bytes[3..], warnings, "the page has a UTF-8 byte order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        RejectBinary(bytes);

        var head = bytes[..Math.Min(bytes.Length, SniffLength)];
        var declared = DeclaredCharset(Encoding.Latin1.GetString(head));
        // A page without a BOM that declares UTF-16 is ASCII-compatible bytes: browsers read it as UTF-8 (WHATWG).
        if (declared is null || IsUtf8Name(declared) || declared is "utf-16" or "utf-16le" or "utf-16be")
            return DecodeUtf8OrFallback(bytes, warnings, declared is null ? "no charset is declared" : $"the page declares charset {declared}");

        Encoding? encoding = ResolveEncoding(declared);
        if (encoding is null)
        {
            warnings.Add($"Unknown charset '{declared}' declared by the page; read as UTF-8 (windows-1252 if not valid UTF-8).");
            return DecodeUtf8OrFallback(bytes, warnings, null);
        }
        // Pages that declare a Western single-byte charset but carry valid multi-byte UTF-8 are far more
        // common than the reverse: a valid UTF-8 multi-byte sequence almost never arises by accident in 1252 text.
        if (encoding.CodePage is 1252 or 28591 or 20127 && HasMultiByteUtf8(bytes) && TryUtf8(bytes, out var utf8))
        {
            warnings.Add($"The page declares charset {declared} but its bytes are UTF-8; read as UTF-8.");
            return utf8;
        }
        return encoding.GetString(bytes);
    }

    internal static string? DeclaredCharset(string head)
    {
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value.Trim().ToLowerInvariant() : null;
    }

    private static bool IsUtf8Name(string name) => name is "utf-8" or "utf8" or "unicode-1-1-utf-8";

    private static Encoding? ResolveEncoding(string name)
    {
        // Browsers read latin1 / iso-8859-1 / ascii labels as windows-1252 (WHATWG Encoding standard).
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252" or "iso8859-1")
            return CodePagesEncodingProvider.Instance.GetEncoding(1252);
        // No browser decodes UTF-7 (the WHATWG Encoding standard dropped it: it smuggled script past filters), and .NET
        // refuses it; the page is read like one with an unknown charset.
        if (name.Replace("-", "").Replace("_", "") is "utf7" or "csunicode11utf7" or "unicode11utf7" or "xunicode11utf7")
            return null;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // not a charset .NET knows or decodes; the caller warns and falls back
        }
    }

    private static string DecodeUtf8OrFallback(ReadOnlySpan<byte> bytes, List<string> warnings, string? why)
    {
        if (TryUtf8(bytes, out var text)) return text;
        warnings.Add($"The page bytes are not valid UTF-8{(why is null ? "" : $" although {why}")}; read as windows-1252.");
        return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) { text = ""; return false; }
        text = StrictUtf8.GetString(bytes);
        return true;
    }

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>Refuses data that is plainly not text, naming what it looks like.</summary>
    private static void RejectBinary(ReadOnlySpan<byte> bytes)
    {
        string? kind =
            bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "gzip-compressed data (decompress the page first)" :
            bytes.StartsWith("%PDF-"u8) ? "a PDF document" :
            bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "a PNG image" :
            bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "a JPEG image" :
            bytes.StartsWith("GIF8"u8) ? "a GIF image" :
            bytes.StartsWith("PK\u0003\u0004"u8) ? "a ZIP archive (or an office document)" :
            null;
        if (kind is not null)
            throw new InvalidDataException($"The input is {kind}, not an HTML page or text.");

        var head = bytes[..Math.Min(bytes.Length, SniffLength)];
        int control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
                control++;
        // Text never carries NUL or a run of control bytes; 2% is far above anything a real page has.
        if (head.Length > 0 && (head.Contains((byte)0) || control * 50 > head.Length))
            throw new InvalidDataException(
                $"The input does not look like HTML or text ({control} control bytes in the first {head.Length}); it is probably a binary file. Pass a saved HTML page.");
    }
}
