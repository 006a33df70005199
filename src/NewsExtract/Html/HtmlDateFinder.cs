using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsExtract.Html;

/// <summary>
/// Reads calendar days out of the strings pages put dates in: ISO values of meta tags and JSON-LD
/// ("2015-11-05T14:56:43+07:00", detik's "2015-11-05 T10:08:58Z"), compact and epoch values, URL
/// paths ("/2024/09/23/") and page text ("Senin, 23 Sep 2024 14:05 WIB", "23/09/2024, 14:05 WIB",
/// "November 5, 2015"). The date part is taken as written: the page's own calendar day, not UTC.
/// </summary>
internal static class HtmlDateFinder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex IsoValue = new(@"^\s*(?<y>(?:19|20)\d{2})\s*[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<d>\d{1,2})(?!\d)", Options, Timeout);
    private static readonly Regex CompactValue = new(@"^\s*(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?!\d)", Options, Timeout);
    private static readonly Regex EpochValue = new(@"^\s*(?<s>1\d{9})(?<ms>\d{3})?\s*$", Options, Timeout);

    private static readonly Regex UrlDate = new(
        @"(?<![\d])(?<y>(?:19|20)\d{2})(?<sep>[/_-])(?<m>[01]?\d)\k<sep>(?<d>[0-3]?\d)(?![\d])|/(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?:/|[-_]|$)",
        Options, Timeout);

    private static readonly Regex YearFirst = new(@"(?<![\d.])(?<y>(?:19|20)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d])", Options, Timeout);
    private static readonly Regex DayFirst = new(@"(?<![\d.])(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.](?<y>(?:19|20)\d{2})(?![\d])", Options, Timeout);
    private static readonly Regex DayMonthName = new(
        $@"(?<!\d)(?<d>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(?<mon>{HtmlMonthNames.Alternation})\.?,?\s*(?:de\s+)?(?<y>(?:19|20)\d{{2}})(?!\d)", Options, Timeout);
    private static readonly Regex MonthNameDay = new(
        $@"(?<!\p{{L}})(?<mon>{HtmlMonthNames.Alternation})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{{2}})(?!\d)", Options, Timeout);

    /// <summary>Earliest day a news page in our benchmarks can carry; anything before is a parse accident.</summary>
    private static readonly DateOnly Earliest = new(1995, 1, 1);

    /// <summary>A meta/attribute/JSON-LD value: ISO, compact, epoch, or a written date.</summary>
    public static DateOnly? FromValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = IsoValue.Match(value);
        if (m.Success) return Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        m = CompactValue.Match(value);
        if (m.Success) return Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        m = EpochValue.Match(value);
        if (m.Success)
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture));
            return Plausible(DateOnly.FromDateTime(instant.UtcDateTime));
        }
        return FromText(value);
    }

    /// <summary>A date in a URL path: /2024/09/23/, /2024-09-23-, /20240923/.</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        foreach (Match m in UrlDate.Matches(url))
        {
            var date = Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            if (date is not null) return date;
        }
        return null;
    }

    /// <summary>The first written date in <paramref name="text"/> (day-month-name, month-name-day, numeric).</summary>
    public static DateOnly? FromText(string text)
    {
        var best = (Index: int.MaxValue, Date: (DateOnly?)null);
        void Consider(Match m, DateOnly? date)
        {
            if (date is not null && m.Index < best.Index) best = (m.Index, date);
        }
        foreach (Match m in DayMonthName.Matches(text))
        {
            Consider(m, Make(m.Groups["y"].Value, HtmlMonthNames.Number(m.Groups["mon"].Value), m.Groups["d"].Value));
            break;
        }
        foreach (Match m in MonthNameDay.Matches(text))
        {
            Consider(m, Make(m.Groups["y"].Value, HtmlMonthNames.Number(m.Groups["mon"].Value), m.Groups["d"].Value));
            break;
        }
        foreach (Match m in YearFirst.Matches(text))
        {
            Consider(m, Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
            break;
        }
        foreach (Match m in DayFirst.Matches(text))
        {
            // Day first (Indonesian and most of the world: 23/09/2024); month first only when the
            // second number cannot be a month (US 09/23/2024).
            string a = m.Groups["a"].Value, b = m.Groups["b"].Value;
            bool monthFirst = int.Parse(b, CultureInfo.InvariantCulture) > 12 && int.Parse(a, CultureInfo.InvariantCulture) <= 12;
            Consider(m, monthFirst ? Make(m.Groups["y"].Value, a, b) : Make(m.Groups["y"].Value, b, a));
            break;
        }
        return best.Date;
    }

    private static DateOnly? Make(string year, string month, string day) =>
        Make(year, int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0, day);

    private static DateOnly? Make(string year, int month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            return null;
        if (month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), month)) return null;
        return Plausible(new DateOnly(y, month, d));
    }

    private static DateOnly? Plausible(DateOnly date) =>
        date >= Earliest && date <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)) ? date : null;
}
