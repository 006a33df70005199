using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsExtract.Common;

namespace NewsExtract.Html;

/// <summary>
/// Month names the date finder reads in page text (Resources/html/months.tsv): Indonesian first
/// (Januari .. Desember, Agu/Agt/Ags, Mei, Okt, Des), then English and the other languages news
/// pages are written in. A name meaning two different months fails at load.
/// </summary>
internal static class HtmlMonthNames
{
    private const string File = "html/months.tsv";

    private static readonly FrozenDictionary<string, int> Numbers = Load();

    /// <summary>Regex alternation of all names, longest first so "Juni" wins over "Jun".</summary>
    public static readonly string Alternation = string.Join("|",
        Numbers.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape));

    /// <summary>The month number of <paramref name="name"/>, or 0 when it is not a month name.</summary>
    public static int Number(string name) =>
        Numbers.TryGetValue(Regex.Replace(name.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, TimeSpan.FromSeconds(1)), out var n) ? n : 0;

    private static FrozenDictionary<string, int> Load()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read(File, 3, 3))
        {
            var name = row[0];
            if (name != name.ToLowerInvariant()) throw row.Error($"month name '{name}' must be written in lower case.");
            if (!int.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                throw row.Error($"month '{row[1]}' is not a number from 1 to 12.");
            if (map.TryGetValue(name, out var existing))
                throw row.Error(existing == month ? $"month name '{name}' is listed twice." : $"month name '{name}' maps to both {existing} and {month}.");
            map[name] = month;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
