using NewsExtract.Pipeline;
using NewsExtract.Records;

namespace NewsExtract.Rules;

/// <summary>
/// Settles the entity layer: persons found by the candidate and official rules join the proposals, and where
/// proposals overlap the stronger source wins (model, then rule, then gazetteer; a longer span before a shorter
/// one of the same source). Gazetteer proposals count only in a pipeline without the entity model. The result never
/// has overlapping entities.
/// </summary>
internal sealed class EntityStage : IStage
{
    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        AdjustModelPersons(a);
        // The dateline rule knows what opens the text: "Rimanews -" is the outlet, "Jakarta, CNN Indonesia - -" a place
        // and an outlet, whatever the model read there.
        if (a.Dateline is { } dateline)
            foreach (var (range, type) in new[] { (dateline.Place, EntityType.LOC), (dateline.Outlet, EntityType.ORG) })
            {
                int start = range.Start.Value, end = range.End.Value;
                if (start >= end) continue;
                a.Entities.RemoveAll(e => e.Source == EntitySource.Model && e.Start < end && start < e.End);
                a.Entities.Add(new Entity(type, a.Text[start..end], start, end, EntitySource.Rule, 0.9));
            }
        foreach (var (start, end) in a.PersonSpans.Distinct())
            a.Entities.Add(new Entity(EntityType.PER, a.Text[start..end], start, end, EntitySource.Rule, 0.85));
        var ordered = a.Entities
            .OrderBy(e => Rank(e.Source))
            .ThenByDescending(e => e.End - e.Start)
            .ThenBy(e => e.Start)
            .ToList();
        var kept = new List<Entity>();
        // One flag per character taken by a kept entity: the overlap check costs the span's length, not the number
        // of entities kept so far (a scan of all kept spans made a page of 100,000 names quadratic).
        var taken = new bool[a.Text.Length];
        foreach (var e in ordered)
        {
            // With the model in the pipeline a vocabulary match it left untagged stays out: the model has read the
            // context ("petugas PPS", "warga Jakarta" inside a longer name) and the gazetteer has not.
            if (a.EntityModelRan && e.Source == EntitySource.Gazetteer) continue;
            if (e.Start >= e.End) continue; // an empty span names nothing
            var span = taken.AsSpan(e.Start, e.End - e.Start);
            if (span.Contains(true)) continue;
            span.Fill(true);
            kept.Add(e);
        }
        a.Entities.Clear();
        a.Entities.AddRange(kept.OrderBy(e => e.Start));
    }

    /// <summary>
    /// Mends the model's persons with what the rules know: a leading status word is cut off ("Petahana Basuki Tjahaja
    /// Purnama", "Relawan Anies"), a one-word span that is never a name goes ("Rakernas", "Pakar"), and a
    /// span that the rules' persons tile exactly is split into them ("Anies Sandi" is two candidates of one pair).
    /// </summary>
    private static void AdjustModelPersons(Analysis a)
    {
        var doc = a.Document;
        var rulePersons = a.PersonSpans.Distinct().OrderBy(p => p.Start).ToList(); // stable: ties keep their first order
        for (int i = 0; i < a.Entities.Count; i++)
        {
            var e = a.Entities[i];
            if (e.Source != EntitySource.Model || e.Type != EntityType.PER) continue;
            int start = e.Start;
            int t = doc.TokenAtOrAfter(start);
            if (doc.Tokens[t].End == e.End && PersonReader.IsNotName(doc.Tokens[t].Span(a.Text))) { a.Entities.RemoveAt(i--); continue; }
            while (t < doc.Tokens.Count && doc.Tokens[t].End < e.End && PersonReader.IsStatusWord(doc.Tokens[t].Span(a.Text)))
            {
                t++;
                start = doc.Tokens[t].Start;
            }
            if (start != e.Start) a.Entities[i] = e = e with { Start = start, Text = a.Text[start..e.End] };
            // The rule persons inside the span, found by binary search (rulePersons is in start order).
            var inside = new List<(int Start, int End)>();
            int lo = 0, hi = rulePersons.Count;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (rulePersons[mid].Start < e.Start) lo = mid + 1; else hi = mid; }
            for (int k = lo; k < rulePersons.Count && rulePersons[k].Start < e.End; k++)
                if (rulePersons[k].End <= e.End) inside.Add(rulePersons[k]);
            if (inside.Count < 2 || inside[0].Start != e.Start || inside[^1].End != e.End) continue;
            bool tiles = true;
            for (int k = 1; k < inside.Count && tiles; k++)
                tiles = inside[k].Start >= inside[k - 1].End && a.Text[inside[k - 1].End..inside[k].Start].Trim(' ', '-') .Length == 0;
            if (!tiles) continue;
            a.Entities.RemoveAt(i);
            foreach (var (ps, pe) in inside)
                a.Entities.Insert(i++, e with { Start = ps, End = pe, Text = a.Text[ps..pe] });
            i--;
        }
    }

    private static int Rank(EntitySource source) => source switch
    {
        EntitySource.Model => 0,
        EntitySource.Rule => 1,
        _ => 2,
    };
}
