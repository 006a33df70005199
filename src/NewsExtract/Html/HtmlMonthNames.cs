using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsExtract.Html;

/// <summary>
/// Month names the date finder reads in page text: Indonesian first (Januari .. Desember, Agu/Agt/Ags,
/// Mei, Okt, Des), then English and the languages of the other pages in the date benchmark.
/// Each entry is "name month-number".
/// </summary>
internal static class HtmlMonthNames
{
    private static readonly string[] Table =
    [
        // Indonesian / Malay
        "januari 1", "februari 2", "pebruari 2", "maret 3", "april 4", "mei 5", "juni 6", "juli 7", "agustus 8",
        "september 9", "oktober 10", "november 11", "nopember 11", "desember 12",
        "jan 1", "feb 2", "peb 2", "mar 3", "apr 4", "jun 6", "jul 7", "agu 8", "agt 8", "ags 8", "agus 8",
        "sep 9", "sept 9", "okt 10", "nov 11", "nop 11", "des 12",
        // English
        "january 1", "february 2", "march 3", "may 5", "june 6", "july 7", "august 8", "october 10", "december 12",
        "aug 8", "oct 10", "dec 12",
        // German, Dutch
        "januar 1", "februar 2", "märz 3", "maerz 3", "dezember 12", "maart 3", "mei 5", "juni 6", "augustus 8",
        // French
        "janvier 1", "février 2", "fevrier 2", "mars 3", "avril 4", "mai 5", "juin 6", "juillet 7", "août 8",
        "aout 8", "septembre 9", "octobre 10", "novembre 11", "décembre 12",
        // Spanish, Portuguese, Italian
        "enero 1", "febrero 2", "marzo 3", "abril 4", "mayo 5", "junio 6", "julio 7", "agosto 8", "septiembre 9",
        "setiembre 9", "octubre 10", "noviembre 11", "diciembre 12", "janeiro 1", "fevereiro 2", "março 3",
        "maio 5", "junho 6", "julho 7", "setembro 9", "outubro 10", "dezembro 12", "gennaio 1", "febbraio 2",
        "aprile 4", "maggio 5", "giugno 6", "luglio 7", "settembre 9", "ottobre 10", "dicembre 12",
        // Turkish
        "ocak 1", "şubat 2", "mart 3", "nisan 4", "mayıs 5", "haziran 6", "temmuz 7", "ağustos 8", "eylül 9",
        "ekim 10", "kasım 11", "aralık 12",
        // Russian and Ukrainian (genitive, as written in dates)
        "января 1", "февраля 2", "марта 3", "апреля 4", "мая 5", "июня 6", "июля 7", "августа 8", "сентября 9",
        "октября 10", "ноября 11", "декабря 12", "січня 1", "лютого 2", "березня 3", "квітня 4", "травня 5",
        "червня 6", "липня 7", "серпня 8", "вересня 9", "жовтня 10", "листопада 11", "грудня 12",
    ];

    private static readonly FrozenDictionary<string, int> Numbers = Load();

    /// <summary>Regex alternation of all names, longest first so "Juni" wins over "Jun".</summary>
    public static readonly string Alternation = string.Join("|",
        Numbers.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape));

    public static int Number(string name) => Numbers.TryGetValue(name.ToLowerInvariant(), out var n) ? n : 0;

    private static FrozenDictionary<string, int> Load()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Table)
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var month) || month is < 1 or > 12)
                throw new InvalidOperationException($"Bad month-name entry '{line}' in HtmlMonthNames.");
            if (map.TryGetValue(parts[0], out var existing) && existing != month)
                throw new InvalidOperationException($"Month name '{parts[0]}' maps to both {existing} and {month}.");
            map[parts[0]] = month;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
