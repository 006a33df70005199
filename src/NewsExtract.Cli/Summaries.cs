using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>`--format summary`: one line a person can read per article ("2 election(s), 3 candidate pair(s), ...").</summary>
internal static class ArticleSummary
{
    public static string Line(ArticleRecord r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(OneLine(r.Source.Path ?? r.Source.Url ?? "input")).Append(": ");
        if (r.Error is not null) return sb.Append("error: ").Append(OneLine(r.Error.Message)).ToString();
        sb.Append(inv, $"{r.Elections.Count} election(s)");
        if (r.Elections.Count > 0)
            sb.Append(" (").AppendJoin("; ", r.Elections.Select(e => string.Join(' ',
                new[] { RecordWriter.ElectionTypeName(e.Type), e.Region?.Name, e.Year?.ToString(inv) }.Where(x => x is not null)))).Append(')');
        sb.Append(inv, $", {r.Candidates.Count} candidate pair(s)");
        if (r.Candidates.Count > 0)
            sb.Append(" (").AppendJoin("; ", r.Candidates.Select(c =>
                (c.Number is int n ? n.ToString(inv) + " " : "") + c.Head.Name + (c.Deputy is null ? "" : " - " + c.Deputy.Name))).Append(')');
        sb.Append(inv, $", {r.Officials.Count} official(s), {r.Dates.Count} date(s), {r.Figures.Count} figure(s), {r.Entities.Count} entities");
        if (r.Warnings.Count > 0)
            sb.Append(inv, $"; {r.Warnings.Count} warning(s): ").AppendJoin("; ", r.Warnings.Select(RunSummary.KindOf));
        return OneLine(sb.ToString());
    }

    /// <summary>Line breaks and other control characters become spaces, so one article is one line.</summary>
    internal static string OneLine(string s) =>
        s.AsSpan().IndexOfAny(Breaks) < 0 ? s : string.Concat(s.Select(c => Breaks.Contains(c) ? ' ' : c));

    // Control characters (C0, DEL, C1 with NEL) and the Unicode line and paragraph separators.
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i), '\u2028', '\u2029']);
}

/// <summary>
/// The end-of-run line on stderr: records, errors, warnings by kind, elapsed time and articles per second.
/// Stdout stays the data; `--quiet` turns this line off.
/// </summary>
internal sealed class RunSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SortedDictionary<string, int> _warnings = new(StringComparer.Ordinal);
    private int _records;
    private int _errors;

    public void Add(ArticleRecord record)
    {
        _records++;
        if (record.Error is not null) _errors++;
        foreach (var w in record.Warnings)
        {
            string kind = KindOf(w);
            _warnings[kind] = _warnings.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>The kind of a warning: its words up to the first colon, semicolon or parenthesis ("weekday mismatch: ..." gives "weekday mismatch").</summary>
    public static string KindOf(string warning)
    {
        int cut = warning.AsSpan().IndexOfAny(":;(");
        string kind = (cut < 0 ? warning : warning[..cut]).Trim().TrimEnd('.').Trim();
        if (kind.Length > 60) kind = kind[..57] + "...";
        return kind.Length == 0 ? "other" : ArticleSummary.OneLine(kind);
    }

    public string Render()
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = _clock.Elapsed.TotalSeconds;
        var sb = new StringBuilder();
        sb.Append(inv, $"Done: {_records} record(s), {_errors} error(s), {_warnings.Values.Sum()} warning(s) in {seconds:0.0} s");
        sb.Append(inv, $" ({(seconds > 0 ? _records / seconds : 0):0.0} articles/s)");
        if (_warnings.Count > 0)
            sb.Append(". Warnings: ").AppendJoin(", ", _warnings.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} {w.Value}"));
        return sb.Append('.').ToString();
    }
}
