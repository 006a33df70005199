using System.Text.RegularExpressions;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Finds numbers with what they count (patterns/figures.tsv): voters, votes and their shares, polling stations,
/// seats and their shares, election workers, ballots, budgets, turnout. A number gets at most one kind: the
/// families run in the order below, and a span already taken is not read again ("surat suara" before "suara").
/// </summary>
internal sealed class FigureStage : IStage
{
    private static readonly (string Pattern, FigureKind Kind)[] Order =
    [
        ("figures.ballots", FigureKind.Ballots),
        ("figures.officers", FigureKind.Officers),
        ("figures.budget", FigureKind.Budget),
        ("figures.budget_words", FigureKind.Budget),
        ("figures.vote_share_after_votes", FigureKind.VoteShare),
        ("figures.seat_share_after_seats", FigureKind.SeatShare),
        ("figures.turnout", FigureKind.Turnout),
        ("figures.voters", FigureKind.Voters),
        ("figures.voters_after", FigureKind.Voters),
        ("figures.votes", FigureKind.Votes),
        ("figures.polling_stations", FigureKind.PollingStations),
        ("figures.seats", FigureKind.Seats),
    ];

    private readonly (Regex Pattern, Regex? Anchored, FigureKind Kind)[] _order;
    private readonly Regex _amountStart;
    private readonly NumberWords _words;

    public FigureStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _words = vocabularies.Numbers;
        // Most families start with "{amount}\s" ("222.451 pemilih", "dua kursi"). Interpreted, such a pattern tries the
        // number alternation at every digit and at every s, d, t, e, l of the text (2.6 ms per article for six of
        // them). So the places where an amount followed by a space can start are found once, with a lookahead, and
        // those patterns are tried there only, anchored with \G: the same matches, in the same order, since a
        // left-to-right regex tries each start on its own and a match can only start where its first part matches.
        var amount = patterns["common.amount"];
        string amountPrefix = "(?<amount>(?:" + amount + "))\\s";
        _amountStart = patterns.Derive("(?=(?:" + amount + ")\\s)", amount.Options);
        _order = Order.Select(o =>
        {
            var regex = patterns[o.Pattern];
            string source = regex.ToString();
            var anchored = source.StartsWith(amountPrefix, StringComparison.Ordinal)
                ? patterns.Derive("\\G(?:" + source + ")", regex.Options)
                : null;
            return (regex, anchored, o.Kind);
        }).ToArray();
    }

    // The matches of an anchored pattern tried at each candidate start, as Regex.Matches would give them: the next
    // search starts where the last match ended.
    private static IEnumerable<Match> MatchesAt(Regex anchored, string text, List<int> starts)
    {
        int next = 0;
        foreach (int start in starts)
        {
            if (start < next) continue;
            var m = anchored.Match(text, start);
            if (!m.Success) continue;
            yield return m;
            next = m.Index + Math.Max(m.Length, 1);
        }
    }

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        string text = a.Text;
        // One flag per character inside a figure already taken: the overlap check costs the figure's length, not the
        // number of figures so far (a list scan made 50,000 "1.234.567 pemilih" superlinear).
        var taken = new bool[text.Length];
        var amountStarts = new List<int>();
        for (var m = _amountStart.Match(text); m.Success; m = m.NextMatch()) amountStarts.Add(m.Index);
        foreach (var (pattern, anchored, kind) in _order)
            foreach (Match m in anchored is null ? pattern.Matches(text) : MatchesAt(anchored, text, amountStarts))
            {
                var amount = m.Groups["amount"];
                double? value = Numbers.Amount(m, _words);
                if (value is null && amount.Success)
                    value = Numbers.Parse(amount.Value.Split(' ')[0]) * Numbers.Scale(m.Groups["scale"].Success ? m.Groups["scale"].Value : null);
                if (value is null) continue;
                if (kind is FigureKind.VoteShare or FigureKind.SeatShare or FigureKind.Turnout && value > 100) continue;
                // A year is not a count ("Pilkada 2024 suara" does not occur, but "tahun 2024 kursi" might).
                if (kind is FigureKind.Seats && value > 1000) continue;
                var unit = m.Groups["unit"];
                int start = Math.Min(amount.Index, unit.Success ? unit.Index : amount.Index);
                int end = Math.Max(amount.Index + amount.Length, unit.Success ? unit.Index + unit.Length : 0);
                if (kind is FigureKind.VoteShare or FigureKind.SeatShare or FigureKind.Turnout)
                {
                    // "64 persen": the number and its percent word, wherever the cue stood.
                    start = amount.Index;
                    end = m.Index + m.Length;
                    if (unit.Success && unit.Index > amount.Index) end = unit.Index + unit.Length;
                }
                else if (kind == FigureKind.Voters && m.Groups["unit"].Index < amount.Index)
                {
                    // "DPT sebanyak 222.451 pemilih": the figure is the number and what follows it.
                    start = amount.Index;
                    end = m.Index + m.Length;
                }
                if (end > start && taken.AsSpan(start, end - start).Contains(true)) continue;
                // Numbers inside dates, regulation numbers and times are not figures.
                if (start > 0 && (text[start - 1] is '/' || (text[start - 1] == '.' && start > 1 && char.IsDigit(text[start - 2])))) continue;
                if (end > start) taken.AsSpan(start, end - start).Fill(true);
                a.Figures.Add(new Figure(kind, Math.Round(value.Value, 4), text[start..end], start, end));
            }
    }
}
