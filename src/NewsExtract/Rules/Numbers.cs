using System.Globalization;
using System.Text.RegularExpressions;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>Reads Indonesian numbers: dot thousands and comma decimals ("222.451", "53,33"), scale words ("1,2 juta"), number words ("dua").</summary>
internal static class Numbers
{
    public static double? Parse(string digits)
    {
        if (digits.Length == 0) return null;
        string plain = digits.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return double.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : null;
    }

    public static double Scale(string? scale) => scale?.ToLowerInvariant() switch
    {
        "ribu" or "rb" => 1e3,
        "juta" or "jt" => 1e6,
        "miliar" or "milyar" => 1e9,
        "triliun" => 1e12,
        _ => 1,
    };

    /// <summary>Value of the "amount" fragment of a match (groups num, scale, word).</summary>
    public static double? Amount(Match m, NumberWords words)
    {
        if (m.Groups["num"].Success)
            return Parse(m.Groups["num"].Value) * Scale(m.Groups["scale"].Success ? m.Groups["scale"].Value : null);
        if (m.Groups["word"].Success)
        {
            var w = words.Find(m.Groups["word"].Value.ToLowerInvariant());
            return w?.Value;
        }
        return null;
    }

    /// <summary>"1", "dua", "satu" as a small whole number.</summary>
    public static int? SmallNumber(string text, NumberWords words)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        var w = words.Find(text.ToLowerInvariant());
        return w is null ? null : (int)w.Value;
    }
}
