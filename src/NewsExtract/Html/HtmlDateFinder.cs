using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsExtract.Html;

/// <summary>A day read from a page, with the time of day and UTC offset when the value gave them.</summary>
/// <param name="Day">The calendar day as written.</param>
/// <param name="Time">Time of day, when written.</param>
/// <param name="Offset">UTC offset, when written ("Z" is zero).</param>
internal readonly record struct PageTime(DateOnly Day, TimeOnly? Time, TimeSpan? Offset)
{
    /// <summary>A UTC timestamp ("...T23:15:00Z"): its day may be the day before or after the newsroom's own.</summary>
    public bool IsUtc => Time is not null && Offset == TimeSpan.Zero;
}

/// <summary>
/// Reads calendar days out of the strings pages put dates in: ISO values of meta tags and JSON-LD
/// ("2015-11-05T14:56:43+07:00", detik's "2015-11-05 T10:08:58Z"), compact and epoch values, URL
/// paths ("/2024/09/23/") and page text ("Senin, 23 Sep 2024 14:05 WIB", "23/09/2024, 14:05 WIB",
/// "November 5, 2015", "3 de marzo de 2020", "24 نيسان / أبريل 2020", "2020年07月12日"). The date part is
/// taken as written: the page's own calendar day, not UTC.
/// </summary>
internal static class HtmlDateFinder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex IsoValue = new(
        @"^\s*(?<y>(?:19|20)\d{2})\s*[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<d>\d{1,2})(?!\d)" +
        @"(?:\s*T?\s*(?<h>[0-2]?\d):(?<mi>[0-5]\d)(?::(?<s>[0-5]?\d)(?:[.,]\d+)?)?\s*(?<z>Z|UTC|GMT|[+-][01]\d:?[0-5]\d)?(?![\d:]))?",
        Options, Timeout);
    private static readonly Regex CompactValue = new(@"^\s*(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?!\d)", Options, Timeout);
    private static readonly Regex EpochValue = new(@"^\s*(?<s>1\d{9})(?<ms>\d{3})?\s*$", Options, Timeout);

    private static readonly Regex UrlDate = new(
        @"(?<![\d])(?<y>(?:19|20)\d{2})(?<sep>[/_-])(?<m>[01]?\d)\k<sep>(?<d>[0-3]?\d)(?![\d])|/(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?:/|[-_]|$)",
        Options, Timeout);

    private static readonly Regex YearFirst = new(@"(?<![\d.])(?<y>(?:19|20)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d])", Options, Timeout);
    private static readonly Regex DayFirst = new(@"(?<![\d.])(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.](?<y>(?:19|20)\d{2})(?![\d])", Options, Timeout);
    // "3 de marzo de 2020", "5. März 2020", "24 نيسان / أبريل 2020" (Levantine and Egyptian names side by side)
    private static readonly Regex DayMonthName = new(
        $@"(?<!\d)(?<d>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(?<mon>{HtmlMonthNames.Alternation})(?:\s*/\s*(?:{HtmlMonthNames.Alternation}))?\.?,?\s*(?:de\s+)?(?<y>(?:19|20)\d{{2}})(?!\d)", Options, Timeout);
    private static readonly Regex MonthNameDay = new(
        $@"(?<!\p{{L}})(?<mon>{HtmlMonthNames.Alternation})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{{2}})(?!\d)", Options, Timeout);
    // Chinese and Japanese "2020年07月12日", Korean "2020년 3월 4일"
    private static readonly Regex YearMonthDayMarked = new(
        @"(?<!\d)(?<y>(?:19|20)\d{2})\s*[年년]\s*(?<m>[01]?\d)\s*[月월]\s*(?<d>[0-3]?\d)\s*[日일]", Options, Timeout);

    /// <summary>How far before a date a "Published"/"Updated" cue may stand ("Updated on Monday, 5 Nov 2020").</summary>
    private const int CueReach = 40;

    /// <summary>Earliest day a news page in our benchmarks can carry; anything before is a parse accident.</summary>
    private static readonly DateOnly Earliest = new(1995, 1, 1);

    /// <summary>A meta/attribute/JSON-LD value: ISO, compact, epoch, or a written date.</summary>
    public static DateOnly? FromValue(string? value) => TimeFromValue(value)?.Day;

    /// <summary>Like <see cref="FromValue"/>, keeping the time of day and UTC offset of ISO and epoch values.</summary>
    public static PageTime? TimeFromValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = IsoValue.Match(value);
        if (m.Success)
        {
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is not { } day) return null;
            TimeOnly? time = null;
            if (m.Groups["h"].Success && int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) is var h and < 24)
                time = new TimeOnly(h, int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture));
            return new PageTime(day, time, time is null ? null : Offset(m.Groups["z"]));
        }
        m = CompactValue.Match(value);
        if (m.Success) return Day(Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        m = EpochValue.Match(value);
        if (m.Success)
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture)).UtcDateTime;
            return Plausible(DateOnly.FromDateTime(instant)) is { } day ? new PageTime(day, TimeOnly.FromDateTime(instant), TimeSpan.Zero) : null;
        }
        return Day(FromText(value));
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
        foreach (var found in DatesIn(text)) return found.Date;
        return null;
    }

    /// <summary>
    /// The publication date among the dates of a byline or date line: the first one after a "published"
    /// cue, else the first one not after an "updated" cue ("Updated 5 Nov 2020, published 3 Nov 2020" gives
    /// 3 Nov). A line holding only update dates gives none: the update is not the publication day.
    /// </summary>
    public static DateOnly? FromLabelledText(string text, bool monthFirst = false)
    {
        DateOnly? unlabelled = null;
        foreach (var (index, _, date) in DatesIn(text, monthFirst))
        {
            var before = text[Math.Max(0, index - CueReach)..index];
            var published = LastMatch(HtmlDateHints.PublishedCue, before);
            var updated = LastMatch(HtmlDateHints.UpdatedCue, before);
            if (published > updated) return date;
            if (updated < 0) unlabelled ??= date;
        }
        return unlabelled;
    }

    /// <summary>The first date in <paramref name="text"/> that a "published" label stands right before ("Datum: 22.12.2012"); null when none has one.</summary>
    public static DateOnly? FromCuedText(string text, bool monthFirst = false)
    {
        // One regex for the label before the five for dates: most short lines of a page have no label.
        if (!HtmlDateHints.PublishedCue.IsMatch(text)) return null;
        foreach (var (index, _, date) in DatesIn(text, monthFirst))
        {
            var before = text[Math.Max(0, index - CueReach)..index];
            var published = LastMatch(HtmlDateHints.PublishedCue, before);
            if (published >= 0 && published > LastMatch(HtmlDateHints.UpdatedCue, before)) return date;
        }
        return null;
    }

    /// <summary>Every written date in <paramref name="text"/> in reading order; overlapping readings keep the earlier, longer one.</summary>
    /// <remarks><paramref name="monthFirst"/>: the page is written for a month-first country (lang="en-US"), so "06/10/2017" is June 10.</remarks>
    internal static IEnumerable<(int Index, int Length, DateOnly Date)> DatesIn(string text, bool monthFirst = false)
    {
        // Every form needs a year written "19xx" or "20xx" in ASCII digits (other digits fail to parse): most
        // lines of a page have none, and five regexes with the month names of 18 languages are costly.
        if (!HasYear(text)) yield break;
        var found = new List<(int Index, int Length, DateOnly Date)>();
        void Add(Match m, DateOnly? date)
        {
            if (date is { } d) found.Add((m.Index, m.Length, d));
        }
        foreach (Match m in DayMonthName.Matches(text))
            Add(m, Make(m.Groups["y"].Value, HtmlMonthNames.Number(m.Groups["mon"].Value), m.Groups["d"].Value));
        foreach (Match m in MonthNameDay.Matches(text))
            Add(m, Make(m.Groups["y"].Value, HtmlMonthNames.Number(m.Groups["mon"].Value), m.Groups["d"].Value));
        foreach (Match m in YearMonthDayMarked.Matches(text))
            Add(m, Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        foreach (Match m in YearFirst.Matches(text))
            Add(m, Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        foreach (Match m in DayFirst.Matches(text))
        {
            // Day first (Indonesian and most of the world: 23/09/2024); month first when the second number
            // cannot be a month (US 09/23/2024), or when the page is written for the US and the first one can
            // be (06/10/2017 on an en-US page). Dotted dates ("06.10.2017") are day first everywhere.
            string a = m.Groups["a"].Value, b = m.Groups["b"].Value;
            int first = int.Parse(a, CultureInfo.InvariantCulture), second = int.Parse(b, CultureInfo.InvariantCulture);
            bool dotted = m.Value.Contains('.', StringComparison.Ordinal);
            bool readMonthFirst = first <= 12 && (second > 12 || monthFirst && !dotted);
            Add(m, readMonthFirst ? Make(m.Groups["y"].Value, a, b) : Make(m.Groups["y"].Value, b, a));
        }
        int end = 0;
        foreach (var date in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            if (date.Index < end) continue;
            end = date.Index + date.Length;
            yield return date;
        }
    }

    private static bool HasYear(string text)
    {
        for (int i = text.AsSpan().IndexOfAny('1', '2'); i >= 0 && i + 3 < text.Length; i++)
        {
            if ((text[i] == '1' && text[i + 1] == '9' || text[i] == '2' && text[i + 1] == '0') && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
                return true;
        }
        return false;
    }

    private static int LastMatch(Regex cue, string text)
    {
        int last = -1;
        foreach (Match m in cue.Matches(text)) last = m.Index;
        return last;
    }

    private static TimeSpan? Offset(Group zone)
    {
        if (!zone.Success) return null;
        var z = zone.Value;
        if (z is "Z" or "z" || z.Equals("UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("GMT", StringComparison.OrdinalIgnoreCase)) return TimeSpan.Zero;
        var digits = z.Replace(":", "", StringComparison.Ordinal);
        var span = new TimeSpan(int.Parse(digits[1..3], CultureInfo.InvariantCulture), int.Parse(digits[3..5], CultureInfo.InvariantCulture), 0);
        return digits[0] == '-' ? -span : span;
    }

    private static PageTime? Day(DateOnly? day) => day is { } d ? new PageTime(d, null, null) : null;

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
