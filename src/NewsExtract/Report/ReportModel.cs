using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Report;

/// <summary>The kinds of highlight a report page shows, in legend order; the names are the page's CSS classes and filters.</summary>
internal static class HighlightKind
{
    public const string Person = "person";
    public const string Organisation = "org";
    public const string Place = "place";
    public const string Race = "race";
    public const string Pair = "pair";
    public const string Number = "number";
    public const string Party = "party";
    public const string Date = "date";
    public const string Figure = "figure";
    public const string Official = "official";

    public static readonly string[] All = [Person, Organisation, Place, Race, Pair, Number, Party, Date, Figure, Official];

    public static string Label(string kind) => kind switch
    {
        Person => "persons",
        Organisation => "organisations",
        Place => "places",
        Race => "races",
        Pair => "candidate pairs",
        Number => "ballot numbers",
        Party => "parties",
        Date => "dates",
        Figure => "figures",
        Official => "officials",
        _ => kind,
    };
}

/// <summary>How an item compares with gold on an evaluation page; null on a plain page.</summary>
internal static class ItemStatus
{
    public const string Correct = "ok";
    public const string Missed = "missed";
    public const string Spurious = "spurious";
    public const string Mismatch = "mismatch";
}

/// <summary>
/// One thing a page can point at: a record value (a pair, a party of a pair, a date, an entity...) with the spans of
/// <see cref="ReportArticle.Text"/> it is highlighted at. An item with no spans is listed beside the text only.
/// </summary>
/// <param name="Kind">One of <see cref="HighlightKind.All"/>.</param>
/// <param name="Field">Where the value sits in the record ("candidates[1].number").</param>
/// <param name="Value">The normalised value as the record gives it.</param>
/// <param name="Spans">Offsets into the article text (end exclusive) the item is highlighted at.</param>
/// <param name="Evidence">The evidence texts the record gives for the value.</param>
/// <param name="Status">Gold comparison (<see cref="ItemStatus"/>), null on a plain page.</param>
/// <param name="Note">What gold says instead, or why the item has no span.</param>
internal sealed record ReportItem(string Kind, string Field, string Value, IReadOnlyList<(int Start, int End)> Spans,
    IReadOnlyList<string> Evidence, string? Status = null, string? Note = null);

/// <summary>One article of a page: its source, its text and the items found in it.</summary>
internal sealed record ReportArticle(
    string Id,
    SourceInfo Source,
    string Text,
    IReadOnlyList<ReportItem> Items,
    IReadOnlyList<string> Warnings,
    string? Error = null,
    IReadOnlyList<(string Field, int Tp, int Fp, int Fn)>? Scores = null);

/// <summary>A candidate pair in a race row, with the article it was read from.</summary>
internal sealed record RacePair(int? Number, string Head, string? Deputy, IReadOnlyList<string> Parties, long? Votes, double? Percent,
    bool? Incumbent, int Article, string? Status = null);

/// <summary>
/// One row of the races table: a race and its pairs, with the articles behind it. The table is built per article
/// (<see cref="RaceTable.PerArticle"/>) until a corpus-level races step exists; a page takes any list of rows.
/// </summary>
internal sealed record RaceRow(string Type, string? Region, string? Code, string? Province, int? Year, IReadOnlyList<RacePair> Pairs,
    IReadOnlyList<int> Articles, string? Status = null);

/// <summary>A whole page: the races table, the articles and, on an evaluation page, the overall scores.</summary>
internal sealed record ReportModel(
    string Title,
    IReadOnlyList<RaceRow> Races,
    IReadOnlyList<ReportArticle> Articles,
    bool IsEvaluation = false,
    IReadOnlyList<(string Field, int Tp, int Fp, int Fn)>? Scores = null);

/// <summary>Races tables built from records.</summary>
internal static class RaceTable
{
    /// <summary>One row per race of each article, with the pairs the article gives for it; pairs without a race get a row of their own.</summary>
    public static IReadOnlyList<RaceRow> PerArticle(IReadOnlyList<ArticleRecord> records)
    {
        var rows = new List<RaceRow>();
        for (int a = 0; a < records.Count; a++)
        {
            var r = records[a];
            for (int e = -1; e < r.Elections.Count; e++)
            {
                var pairs = r.Candidates
                    .Where(c => e >= 0 ? c.Election == e : c.Election is not int i || i < 0 || i >= r.Elections.Count)
                    .Select(c => ToRacePair(c, a)).ToArray();
                if (e < 0 && pairs.Length == 0) continue;
                rows.Add(e < 0
                    ? new RaceRow("?", null, null, null, null, pairs, [a])
                    : ToRaceRow(r.Elections[e], pairs, a));
            }
        }
        return rows;
    }

    public static RaceRow ToRaceRow(Election e, IReadOnlyList<RacePair> pairs, int article, string? status = null) =>
        new(TypeName(e.Type), e.Region?.Name, e.Region?.Code, e.Region?.Province, e.Year, pairs, [article], status);

    public static RacePair ToRacePair(CandidatePair c, int article, string? status = null) =>
        new(c.Number, c.Head.Name, c.Deputy?.Name, c.Parties, c.Votes?.Count, c.Votes?.Percent, c.Incumbent, article, status);

    public static string TypeName(ElectionType type) => type.ToString().ToLowerInvariant();
}

/// <summary>
/// Turns a record into the items a page highlights. Spans come from the record only (its offsets into
/// <see cref="ArticleRecord.Text"/>): entity, date and figure offsets as given; a race's and an official's evidence
/// spans; for a pair, the evidence spans that name it; its ballot number and parties are looked up inside the pair's
/// evidence ("nomor urut 2", "PDI Perjuangan" for PDIP).
/// </summary>
internal sealed class ReportItems
{
    private static readonly Regex NumberPhrase = new(
        @"\b(?:nomor|no\.?)\s*(?:urut|undian|pasangan)?\s*(?:calon\s*)?(?<n>\d{1,2})\b|\bpaslon\s*(?:nomor\s*)?(?<n>\d{1,2})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly PartyLexicon _parties;

    public ReportItems(Vocabularies? vocabularies = null) => _parties = (vocabularies ?? Vocabularies.Default).Parties;

    public static string ElectionValue(Election e) =>
        $"{RaceTable.TypeName(e.Type)} {e.Region?.Name ?? "(national)"}{(e.Region?.Code is { } code ? $" [{code}]" : "")} {e.Year?.ToString(CultureInfo.InvariantCulture) ?? "(year?)"}";

    public static string PairValue(CandidatePair c)
    {
        var sb = new StringBuilder();
        if (c.Number is not null) sb.Append(CultureInfo.InvariantCulture, $"#{c.Number} ");
        sb.Append(c.Head.Name);
        if (c.Deputy is not null) sb.Append(" / ").Append(c.Deputy.Name);
        if (c.Parties.Count > 0) sb.Append(" (").Append(string.Join(", ", c.Parties)).Append(')');
        if (c.Votes is { } v)
        {
            if (v.Count is long n) sb.Append(CultureInfo.InvariantCulture, $", {n:#,0} votes");
            if (v.Percent is double p) sb.Append(CultureInfo.InvariantCulture, $", {p:0.##}%");
        }
        if (c.Incumbent == true) sb.Append(", incumbent");
        return sb.ToString();
    }

    public static string OfficialValue(Official o) => $"{o.Name}: {o.Role ?? "(role?)"}, {o.Institution ?? "(institution?)"}";

    public static string DateValue(DatedEvent d) =>
        d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (d.Event is null ? "" : $" ({d.Event})");

    public static string FigureValue(Figure f) => string.Create(CultureInfo.InvariantCulture, $"{KindName(f.Kind)} {f.Value:0.###}");

    public static string KindName(FigureKind kind) => kind switch
    {
        FigureKind.VoteShare => "vote_share",
        FigureKind.SeatShare => "seat_share",
        FigureKind.PollingStations => "polling_stations",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string EntityKind(EntityType type) => type switch
    {
        EntityType.PER => HighlightKind.Person,
        EntityType.ORG => HighlightKind.Organisation,
        _ => HighlightKind.Place,
    };

    /// <summary>Every item of a record, in record order: races, pairs (each followed by its number and parties), officials, dates, figures, entities.</summary>
    public IReadOnlyList<ReportItem> For(ArticleRecord r)
    {
        var items = new List<ReportItem>();
        for (int i = 0; i < r.Elections.Count; i++)
            items.Add(Election(r, i));
        for (int i = 0; i < r.Candidates.Count; i++)
            items.AddRange(PairItems(r.Text, r.Candidates[i], i));
        for (int i = 0; i < r.Officials.Count; i++)
            items.Add(OfficialItem(r.Officials[i], i));
        for (int i = 0; i < r.Dates.Count; i++)
            items.Add(DateItem(r.Dates[i], i));
        for (int i = 0; i < r.Figures.Count; i++)
            items.Add(FigureItem(r.Figures[i], i));
        for (int i = 0; i < r.Entities.Count; i++)
            items.Add(EntityItem(r.Entities[i], i));
        return items;
    }

    public static ReportItem Election(ArticleRecord r, int i, string? status = null, string? note = null)
    {
        var e = r.Elections[i];
        return new ReportItem(HighlightKind.Race, $"elections[{i}]", ElectionValue(e), Spans(e.Evidence), e.Evidence.Select(s => s.Text).ToArray(), status, note);
    }

    public static ReportItem OfficialItem(Official o, int i, string? status = null, string? note = null)
    {
        string value = OfficialValue(o) + (o.Titles is { Count: > 0 } t ? $" [{string.Join(", ", t)}]" : "");
        return new ReportItem(HighlightKind.Official, $"officials[{i}]", value, Spans(o.Evidence), o.Evidence.Select(s => s.Text).ToArray(), status, note);
    }

    public static ReportItem DateItem(DatedEvent d, int i, string? status = null, string? note = null) =>
        new(HighlightKind.Date, $"dates[{i}]", DateValue(d), [(d.Start, d.End)], [d.Text], status, note);

    public static ReportItem FigureItem(Figure f, int i, string? status = null, string? note = null) =>
        new(HighlightKind.Figure, $"figures[{i}]", FigureValue(f), [(f.Start, f.End)], [f.Text], status, note);

    public static ReportItem EntityItem(Entity e, int i, string? status = null, string? note = null) =>
        new(EntityKind(e.Type), $"entities[{i}]", string.Create(CultureInfo.InvariantCulture, $"{e.Type} {e.Text} ({e.Source.ToString().ToLowerInvariant()}, {e.Score:0.00})"),
            [(e.Start, e.End)], [e.Text], status, note);

    /// <summary>The pair itself, then its ballot number (when it has one), then one item per backing party.</summary>
    public IReadOnlyList<ReportItem> PairItems(string text, CandidatePair c, int i, string? status = null, string? note = null,
        Func<string, string?>? partyStatus = null, string? numberStatus = null, string? numberNote = null)
    {
        var evidence = c.Evidence.Where(s => InText(text, s.Start, s.End)).ToArray();
        var names = NameForms(c);
        var pairSpans = new List<(int, int)>();
        var numberSpans = new List<(int, int)>();
        foreach (var s in evidence)
        {
            string span = text[s.Start..s.End];
            var found = names.SelectMany(n => Occurrences(span, n, ignoreCase: true)).ToArray();
            if (found.Length == 0) continue;
            // A span that is only the pair's names is the pair's mention; in a longer phrase (coalition, number) only the names are.
            bool onlyNames = !NumberPhrase.IsMatch(span) && !PartyForms(c).Any(p => Occurrences(span, p.Form, p.IgnoreCase).Any());
            if (onlyNames) pairSpans.Add((s.Start, s.End));
            else foreach (var (start, end) in Merge(found)) pairSpans.Add((s.Start + start, s.Start + end));
        }
        if (c.Number is int number)
        {
            foreach (var s in evidence)
                foreach (Match m in NumberPhrase.Matches(text[s.Start..s.End]))
                    if (int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n == number)
                        numberSpans.Add((s.Start + m.Index, s.Start + m.Index + m.Length));
        }
        var items = new List<ReportItem>
        {
            new(HighlightKind.Pair, $"candidates[{i}]", PairValue(c), Distinct(pairSpans), evidence.Select(s => s.Text).ToArray(), status,
                note ?? (pairSpans.Count == 0 ? "no evidence span names the pair" : null)),
        };
        if (c.Number is int num)
            items.Add(new ReportItem(HighlightKind.Number, $"candidates[{i}].number", $"{num} ({Short(c)})", Distinct(numberSpans),
                numberSpans.Select(s => text[s.Item1..s.Item2]).Distinct().ToArray(), numberStatus ?? status,
                numberNote ?? (numberSpans.Count == 0 ? "no evidence span states the number" : null)));
        for (int p = 0; p < c.Parties.Count; p++)
        {
            string party = c.Parties[p];
            var spans = new List<(int, int)>();
            foreach (var s in evidence)
            {
                string span = text[s.Start..s.End];
                foreach (var (form, ignoreCase) in PartyForms(party))
                    foreach (var (start, end) in Occurrences(span, form, ignoreCase))
                        spans.Add((s.Start + start, s.Start + end));
            }
            var merged = Distinct(Merge(spans));
            items.Add(new ReportItem(HighlightKind.Party, $"candidates[{i}].parties[{p}]", $"{party} ({Short(c)})", merged,
                merged.Select(s => text[s.Start..s.End]).Distinct().ToArray(), partyStatus?.Invoke(party) ?? status,
                merged.Count == 0 ? "the pair's evidence does not name this party" : null));
        }
        return items;
    }

    private static string Short(CandidatePair c) => c.Deputy is null ? c.Head.Name : $"{c.Head.Name} / {c.Deputy.Name}";

    private static IEnumerable<string> NameForms(CandidatePair c)
    {
        var forms = new List<string> { c.Head.Name };
        forms.AddRange(c.Head.Aliases);
        if (c.Deputy is not null) { forms.Add(c.Deputy.Name); forms.AddRange(c.Deputy.Aliases); }
        if (c.Label is not null) forms.Add(c.Label);
        return forms.Where(f => f.Trim().Length > 1).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private IEnumerable<(string Form, bool IgnoreCase)> PartyForms(CandidatePair c) => c.Parties.SelectMany(PartyForms);

    /// <summary>The canonical name and the vocabulary's forms; short upper-case forms ("PAN", "PKS") only in upper case.</summary>
    private IEnumerable<(string Form, bool IgnoreCase)> PartyForms(string canonical)
    {
        var forms = new List<string> { canonical };
        if (_parties.Find(canonical) is { } party) { forms.Add(party.Name); forms.AddRange(party.Forms); }
        return forms.Where(f => f.Length > 1).Distinct(StringComparer.Ordinal)
            .Select(f => (f, !(f.Length <= 5 && f.Equals(f.ToUpperInvariant(), StringComparison.Ordinal))));
    }

    /// <summary>Whole-word occurrences of <paramref name="form"/> in <paramref name="text"/>.</summary>
    internal static IEnumerable<(int Start, int End)> Occurrences(string text, string form, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (int at = text.IndexOf(form, comparison); at >= 0; at = text.IndexOf(form, at + 1, comparison))
        {
            int end = at + form.Length;
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            bool after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) yield return (at, end);
        }
    }

    /// <summary>Overlapping spans joined ("Henry Pradipta Anwar" and "Henry" give one span).</summary>
    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && s.Start < merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    private static List<(int Start, int End)> Distinct(IEnumerable<(int Start, int End)> spans) =>
        spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.End).ToList();

    private static List<(int Start, int End)> Spans(IEnumerable<Span> spans) => Distinct(spans.Select(s => (s.Start, s.End)));

    private static bool InText(string text, int start, int end) => start >= 0 && start < end && end <= text.Length;
}
