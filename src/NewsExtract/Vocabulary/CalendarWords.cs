using System.Globalization;
using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>A month name ("Januari", "Agt", "December") with its number 1-12.</summary>
internal sealed record Month(int Id, string Text, int Number);

/// <summary>A weekday name ("Senin", "Ahad") with its ISO number (1 = Monday ... 7 = Sunday).</summary>
internal sealed record Weekday(int Id, string Text, int Number);

/// <summary>Month and weekday names (calendar.tsv).</summary>
internal sealed class CalendarWords
{
    private CalendarWords(List<Month> months, List<Weekday> weekdays)
    {
        Months = months;
        Weekdays = weekdays;
    }

    public IReadOnlyList<Month> Months { get; }

    public IReadOnlyList<Weekday> Weekdays { get; }

    /// <summary>The month behind a matcher entry id of category <see cref="VocabularyCategory.Month"/>.</summary>
    public Month Month(int entryId) => Months[entryId];

    /// <summary>The weekday behind a matcher entry id of category <see cref="VocabularyCategory.Weekday"/>.</summary>
    public Weekday Weekday(int entryId) => Weekdays[entryId];

    internal static CalendarWords Load(PhraseMatcher.Builder matcher)
    {
        var months = new List<Month>();
        var weekdays = new List<Weekday>();
        foreach (var row in EmbeddedTsv.Read("vocabulary/calendar.tsv", 3, 3))
        {
            if (!int.TryParse(row[2], NumberStyles.None, CultureInfo.InvariantCulture, out int number)) throw row.Error($"number '{row[2]}' is not a whole number.");
            string origin = row.File + ":" + row.Line;
            switch (row[1])
            {
                case "month" when number is >= 1 and <= 12:
                    matcher.Add(row[0], VocabularyCategory.Month, months.Count, origin);
                    months.Add(new Month(months.Count, row[0], number));
                    break;
                case "weekday" when number is >= 1 and <= 7:
                    matcher.Add(row[0], VocabularyCategory.Weekday, weekdays.Count, origin);
                    weekdays.Add(new Weekday(weekdays.Count, row[0], number));
                    break;
                case "month" or "weekday":
                    throw row.Error($"number {number} is out of range for a {row[1]} (months 1-12, weekdays 1-7).");
                default:
                    throw row.Error($"kind '{row[1]}' is not month or weekday.");
            }
        }
        for (int m = 1; m <= 12; m++)
            if (!months.Any(x => x.Number == m)) throw new InvalidDataException($"Resources/vocabulary/calendar.tsv: no name for month {m}.");
        for (int d = 1; d <= 7; d++)
            if (!weekdays.Any(x => x.Number == d)) throw new InvalidDataException($"Resources/vocabulary/calendar.tsv: no name for weekday {d}.");
        return new CalendarWords(months, weekdays);
    }
}
