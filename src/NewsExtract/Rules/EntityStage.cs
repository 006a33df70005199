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
        AddShortMentions(a);
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

    /// <summary>
    /// Later mentions of a person by one word of the full name ("Ira Koesno ... kata Ira", "Sandiaga Uno ... Sandi"
    /// when the model missed it): a capitalised word standing alone (no capitalised word next to it) that is a word of a
    /// person's name of two or more words named in the text is that person. Words that are everyday words, particles or
    /// never names are left out; the spans only fill gaps (model entities win overlaps).
    /// </summary>
    private static void AddShortMentions(Analysis a)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var lists = Ner.WordLists.Default;
        foreach (var e in a.Entities)
        {
            if (e.Type != EntityType.PER || e.Source == EntitySource.Gazetteer) continue;
            var parts = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            foreach (var w in parts)
                if (w.Length >= 3 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower) && !PersonReader.IsNotName(w)
                    && !lists.IsNameParticle(w) && lists.CommonBucket(w) == 0)
                    words.Add(w);
        }
        if (words.Count == 0) return;
        var tokens = a.Document.Tokens;
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != Documents.TokenKind.Word || !char.IsUpper(a.Text[tok.Start])) continue;
            if (!lookup.Contains(tok.Span(a.Text))) continue;
            if (t > 0 && Capitalised(a, t - 1) && a.Document.SentenceAt(tokens[t - 1].Start) == a.Document.SentenceAt(tok.Start)
                && !IsSentenceStart(a, tok.Start)) continue;
            if (t + 1 < tokens.Count && Capitalised(a, t + 1)) continue;
            a.Entities.Add(new Entity(EntityType.PER, a.Text[tok.Start..tok.End], tok.Start, tok.End, EntitySource.Rule, 0.8));
        }
    }

    private static bool Capitalised(Analysis a, int t)
    {
        var tok = a.Document.Tokens[t];
        return tok.Kind is Documents.TokenKind.Word or Documents.TokenKind.Abbreviation && char.IsUpper(a.Text[tok.Start]);
    }

    private static bool IsSentenceStart(Analysis a, int offset)
    {
        int si = a.Document.SentenceAt(offset);
        return si >= 0 && a.Document.Sentences[si].Start == offset;
    }

    private static int Rank(EntitySource source) => source switch
    {
        EntitySource.Model => 0,
        EntitySource.Rule => 1,
        _ => 2,
    };
}
