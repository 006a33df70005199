using System.Globalization;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>The tables `--format csv --table` writes.</summary>
internal enum CsvTable { Pairs, Officials, Dates, Figures, Entities }

/// <summary>
/// CSV tables of one record part each. Every table starts with the article's path, url, title and published day
/// and ends with its error, so rows join back to their article. Pairs keep their long-standing shape (an article
/// without pairs gives a row per race, or one bare row); the other tables give one row per item, and an article
/// that could not be read gives one row with only its source and error, so a failure never vanishes from a table.
/// </summary>
internal static class CsvTables
{
    public static readonly string[] Names = ["pairs", "officials", "dates", "figures", "entities"];

    private static readonly string[] Article = ["path", "url", "title", "published"];

    private static readonly Dictionary<CsvTable, string[]> Columns = new()
    {
        [CsvTable.Officials] = [.. Article, "name", "titles", "role", "institution", "sector", "text", "start", "end", "error"],
        [CsvTable.Dates] = [.. Article, "date", "event", "text", "start", "end", "error"],
        [CsvTable.Figures] = [.. Article, "kind", "value", "text", "start", "end", "error"],
        [CsvTable.Entities] = [.. Article, "type", "text", "start", "end", "source", "score", "error"],
    };

    public static CsvTable Parse(string name) => (CsvTable)Array.IndexOf(Names, name);

    public static string[] Header(CsvTable table) => table == CsvTable.Pairs ? RecordWriter.CsvHeader : Columns[table];

    public static IEnumerable<string?[]> Rows(CsvTable table, ArticleRecord r)
    {
        if (table == CsvTable.Pairs) return RecordWriter.CsvRows(r);
        string?[] source = [r.Source.Path, r.Source.Url, r.Source.Title, Day(r.Source.Published)];
        if (r.Error is not null)
        {
            var row = new string?[Columns[table].Length];
            source.CopyTo(row, 0);
            row[^1] = r.Error.Message;
            return [row];
        }
        return table switch
        {
            CsvTable.Officials => r.Officials.Select(o => (string?[])[.. source, o.Name, Join(o.Titles), o.Role, o.Institution, SectorName(o.Sector),
                .. SpanCells(o.Evidence.Count > 0 ? o.Evidence[0] : null), null]),
            CsvTable.Dates => r.Dates.Select(d => (string?[])[.. source, Day(d.Date), d.Event, d.Text, Num(d.Start), Num(d.End), null]),
            CsvTable.Figures => r.Figures.Select(f => (string?[])[.. source, FigureKindName(f.Kind), f.Value.ToString("0.####", CultureInfo.InvariantCulture),
                f.Text, Num(f.Start), Num(f.End), null]),
            CsvTable.Entities => r.Entities.Select(e => (string?[])[.. source, e.Type.ToString(), e.Text, Num(e.Start), Num(e.End),
                EntitySourceName(e.Source), e.Score.ToString("0.####", CultureInfo.InvariantCulture), null]),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
    }

    private static string?[] SpanCells(Span? s) => s is null ? [null, null, null] : [s.Text, Num(s.Start), Num(s.End)];

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string? Join(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join("; ", items);

    // The record's JSON names, so CSV and JSON say the same words ("polling_stations", "gazetteer").
    private static string? SectorName(OfficialSector? s) => s is null ? null : JsonName(s.Value);

    private static string FigureKindName(FigureKind k) => JsonName(k);

    private static string EntitySourceName(EntitySource s) => JsonName(s);

    private static string JsonName<T>(T value) where T : struct, Enum => JsonNames<T>.Of[value];

    /// <summary>Each enum value's [JsonStringEnumMemberName], read once per enum type.</summary>
    private static class JsonNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().ToDictionary(v => v, v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? v.ToString());
    }
}
