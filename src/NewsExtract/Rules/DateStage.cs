using System.Globalization;
using System.Text.RegularExpressions;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Finds dates (patterns/dates.tsv) and resolves them to days. A date without a year takes the year the
/// article makes certain: the year nearest its own date when that is known, else the year most of its full
/// dates carry, else the year of its race ("Pilkada Serentak Tahun 2020"); otherwise it is left out. Relative
/// words ("kemarin") and bare weekdays ("Senin") resolve only against the article's own date. Without the article's
/// date, a day with a weekday takes the context year or the one before, whichever has that weekday. A weekday that
/// contradicts its date gives a warning; the date is kept as written.
/// </summary>
internal sealed class DateStage : IStage
{
    private static readonly string[] EventKinds =
        ["psu", "pengundian", "pemungutan", "pendaftaran", "penetapan", "debat", "rekapitulasi", "pengumuman", "putusan", "sidang", "pelantikan", "kampanye", "distribusi", "sosialisasi", "rapat"];

    private readonly PatternLibrary _patterns;
    private readonly (string Kind, Regex Pattern)[] _events;
    private readonly Dictionary<string, int> _months;
    private readonly Dictionary<string, int> _weekdays;

    public DateStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _patterns = patterns;
        _events = EventKinds.Select(kind => (kind, patterns["common.event_" + kind])).ToArray();
        _months = vocabularies.Calendar.Months.ToDictionary(m => m.Text.TrimEnd('.'), m => m.Number, StringComparer.OrdinalIgnoreCase);
        _weekdays = vocabularies.Calendar.Weekdays.ToDictionary(w => w.Text, w => w.Number, StringComparer.OrdinalIgnoreCase);
    }

    private readonly record struct Found(int Start, int End, int? Year, int Month, int Day, string? Weekday, bool Relative);

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        string text = a.Text;
        var found = new List<Found>();
        // One flag per character inside a date already found: the overlap check costs the span's length, not the
        // number of dates so far (a list scan made 8,000 repeated dates take minutes).
        var taken = new bool[text.Length];
        bool Free(int s, int e) => e <= s || !taken.AsSpan(s, e - s).Contains(true);
        void Take(int s, int e) { if (e > s) taken.AsSpan(s, e - s).Fill(true); }

        foreach (Match m in _patterns["dates.day_range"].Matches(text))
        {
            int month = MonthOf(m.Groups["month"].Value);
            int? year = YearOf(m.Groups["year"]);
            var d1 = m.Groups["day1"];
            var d2 = m.Groups["day"];
            found.Add(new Found(d1.Index, d1.Index + d1.Length, year, month, int.Parse(d1.Value, CultureInfo.InvariantCulture), null, false));
            found.Add(new Found(d2.Index, m.Index + m.Length, year, month, int.Parse(d2.Value, CultureInfo.InvariantCulture), null, false));
            Take(m.Index, m.Index + m.Length);
        }
        foreach (Match m in _patterns["dates.textual"].Matches(text))
        {
            var (s, e) = Trim(text, m.Index, m.Index + m.Length);
            if (!Free(s, e)) continue;
            found.Add(new Found(s, e, YearOf(m.Groups["year"]), MonthOf(m.Groups["month"].Value),
                int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), Weekday(m), false));
            Take(s, e);
        }
        foreach (var name in new[] { "dates.numeric", "dates.numeric_bare" })
            foreach (Match m in _patterns[name].Matches(text))
            {
                var (s, e) = Trim(text, m.Index, m.Index + m.Length);
                if (!m.Groups["lead"].Success && text[s] == '(') { s++; if (text[e - 1] == ')') e--; }
                if (!Free(s, e)) continue;
                int? year = YearOf(m.Groups["year"]);
                if (year is < 100) year += 2000;
                found.Add(new Found(s, e, year, int.Parse(m.Groups["mon"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture), Weekday(m), false));
                Take(s, e);
            }

        // Relative dates resolve within a year of the publication day; a day at the very ends of the calendar
        // (--published 9999-12-31, a page dated 0001-01-01) has no such neighbours and resolves nothing.
        DateOnly? usablePublished = a.Published is { Year: >= 2 and <= 9998 } day ? day : null;
        if (usablePublished is DateOnly published)
        {
            foreach (Match m in _patterns["dates.relative"].Matches(text))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                int offset = m.Groups["rel"].Value.ToLowerInvariant() switch
                {
                    // "tadi malam", "semalam": the night before the article's day ("Djarot menyampaikan hal itu ... tadi malam").
                    "kemarin" or "tadi malam" or "semalam" => -1, "besok" => 1, "lusa" => 2, "kemarin lusa" => -2, _ => 0,
                };
                var d = published.AddDays(offset);
                found.Add(new Found(m.Index, m.Index + m.Length, d.Year, d.Month, d.Day, null, true));
                Take(m.Index, m.Index + m.Length);
            }
            foreach (Match m in _patterns["dates.bare_weekday"].Matches(text))
            {
                var g = m.Groups["weekday"];
                if (!char.IsUpper(text[g.Index]) || !Free(m.Index, m.Index + m.Length)) continue;
                // Sentence-initial "Minggu" is more often the word for week; a weekday at the start of a sentence is skipped.
                int sentence = a.Document.SentenceAt(m.Index);
                if (sentence >= 0 && a.Document.Sentences[sentence].Start == m.Index) continue;
                int wanted = _weekdays[g.Value];
                int today = (int)published.DayOfWeek == 0 ? 7 : (int)published.DayOfWeek;
                int back = (today - wanted + 7) % 7;
                if (m.Groups["past"].Success && back == 0) back = 7;
                var d = published.AddDays(-back);
                int end = m.Index + m.Length;
                found.Add(new Found(m.Index, end, d.Year, d.Month, d.Day, null, true));
                Take(m.Index, end);
            }
        }

        int? contextYear = ContextYear(a, found, out int? seasonYear);
        foreach (var f in found.OrderBy(f => f.Start))
        {
            int? year = f.Year ?? ResolveYear(usablePublished, contextYear, f.Month, f.Day);
            if (year is null) continue;
            if (f.Year is null && a.Published is null && f.Weekday is not null && _weekdays.TryGetValue(f.Weekday, out int wanted))
            {
                // Without the article's date, "Kamis (30/3)" in an article about a 2017 race is the 30 March of the race
                // year or of the year before whose weekday is Thursday; when neither is, the year is not certain.
                year = new[] { year.Value, year.Value - 1 }.Where(y => f.Day <= DateTime.DaysInMonth(y, f.Month))
                    .Select(y => (int?)y).FirstOrDefault(y => Iso(new DateOnly(y!.Value, f.Month, f.Day).DayOfWeek) == wanted);
                if (year is null) continue;
            }
            if (f.Day > DateTime.DaysInMonth(year.Value, f.Month)) continue;
            var date = new DateOnly(year.Value, f.Month, f.Day);
            if (seasonYear == year && f.Year is null && f.Weekday is not null) a.SeasonDay ??= date;
            string span = text[f.Start..f.End];
            if (f.Weekday is not null && _weekdays.TryGetValue(f.Weekday, out int wd) && wd != Iso(date.DayOfWeek))
                a.Warnings.Add($"weekday mismatch: {span}");
            a.Dates.Add(new DatedEvent(date, span, f.Start, f.End, EventOf(a, f.Start, f.End)));
        }
    }

    private static int Iso(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static (int, int) Trim(string text, int s, int e)
    {
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '(')) e--;
        return (s, e);
    }

    private int MonthOf(string month) => _months.TryGetValue(month.TrimEnd('.'), out int n) ? n
        : throw new InvalidOperationException($"Month '{month}' matched a date pattern but is not in the calendar vocabulary.");

    private static int? YearOf(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;

    private static string? Weekday(Match m) => m.Groups["weekday"].Success ? m.Groups["weekday"].Value : null;

    /// <summary>The year the article's full dates mostly carry, else the year of its race.</summary>
    private int? ContextYear(Analysis a, List<Found> found, out int? seasonYear)
    {
        seasonYear = null;
        var years = found.Where(f => f.Year is not null && !f.Relative).GroupBy(f => f.Year!.Value)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        if (years is not null) return years;
        foreach (Match m in _patterns["elections.year_context"].Matches(a.Text))
            return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (a.Published is not null) return null;
        seasonYear = SeasonYear(a, found);
        return seasonYear;
    }

    /// <summary>
    /// An article with no date and no year still dates its days with weekdays ("Senin (17/4)"): the year is the one
    /// in which every such day falls on its weekday within the season of an election of the kind the article speaks
    /// of (vocabulary/election-days.tsv). 17 April was a Monday in 2017 and 2023, and only 2017 is in a regional
    /// season; when more than one year fits, or none, there is no year.
    /// </summary>
    private int? SeasonYear(Analysis a, List<Found> found)
    {
        bool regional = _patterns["dates.regional_race"].IsMatch(a.Text), general = _patterns["dates.general_race"].IsMatch(a.Text);
        // The race fixes the year (corpus/GUIDELINES.md): an article that names no race dates nothing this way.
        if (!regional && !general) return null;
        bool? kind = regional == general ? null : general;
        var (first, last) = ElectionStage.CalendarYears;
        int? chosen = null;
        bool any = false;
        for (int y = first - 1; y <= last; y++)
        {
            bool fits = true, weekdayed = false;
            foreach (var f in found)
            {
                if (f.Year is not null || f.Weekday is null || !_weekdays.TryGetValue(f.Weekday, out int wanted)) continue;
                weekdayed = true;
                if (f.Day > DateTime.DaysInMonth(y, f.Month)) { fits = false; break; }
                var day = new DateOnly(y, f.Month, f.Day);
                if (Iso(day.DayOfWeek) != wanted || !ElectionStage.InElectionSeason(day, kind)) { fits = false; break; }
            }
            if (!weekdayed) return null;
            any = true;
            if (!fits) continue;
            if (chosen is not null) return null;
            chosen = y;
        }
        return any ? chosen : null;
    }

    private static int? ResolveYear(DateOnly? published, int? contextYear, int month, int day)
    {
        if (published is DateOnly p)
        {
            int best = p.Year;
            int bestDistance = int.MaxValue;
            for (int y = p.Year - 1; y <= p.Year + 1; y++)
            {
                if (day > DateTime.DaysInMonth(y, month)) continue;
                int distance = Math.Abs(new DateOnly(y, month, day).DayNumber - p.DayNumber);
                if (distance < bestDistance) { bestDistance = distance; best = y; }
            }
            return best;
        }
        return contextYear;
    }

    /// <summary>The event word nearest the date in its sentence ("pengundian nomor urut ... Kamis, 24 September 2020").</summary>
    private string? EventOf(Analysis a, int start, int end)
    {
        int si = a.Document.SentenceAt(start);
        if (si < 0) return null;
        var whole = a.Document.Sentences[si];
        // Only the words near the date: a sentence can be a whole unpunctuated page.
        var sentence = whole with { Start = Math.Max(whole.Start, start - 160), End = Math.Min(whole.End, end + 160) };
        var s = a.Text.AsSpan(sentence.Start, sentence.End - sentence.Start);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var (kind, pattern) in _events)
            foreach (var m in pattern.EnumerateMatches(s))
            {
                if (m.Index > 0 && char.IsLetter(s[m.Index - 1])) continue;
                int at = sentence.Start + m.Index;
                int distance = at < start ? start - (at + m.Length) : at - end;
                if (distance < bestDistance) { bestDistance = distance; best = kind; }
            }
        return best;
    }
}
