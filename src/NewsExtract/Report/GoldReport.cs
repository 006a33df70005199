using NewsExtract.Evaluation;
using NewsExtract.Records;

namespace NewsExtract.Report;

/// <summary>
/// The evaluation page: each gold article's text with the extractor's items marked against gold (correct, spurious,
/// value differs) and the gold items it missed. Items are matched with the evaluator's own rules
/// (<see cref="FieldEvaluator"/>): pairs and officials by name, dates and figures by value and overlapping span,
/// entities by exact span and type. The predicted record's offsets are mapped to the gold .txt as the evaluator maps them.
/// </summary>
internal static class GoldReport
{
    public static ReportModel Build(GoldCorpus corpus, string split, NewsExtractor extractor, int threads, CancellationToken ct, string title)
    {
        var articles = CorpusEvaluation.Articles(corpus, split);
        var evaluator = new FieldEvaluator();
        var items = new ReportItems();
        var built = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, threads)).WithCancellation(ct)
            .Select((a, i) => Article(extractor, evaluator, items, a, i, ct)).ToArray();
        var total = new Scorer();
        foreach (var (_, _, evaluation) in built) total.Merge(evaluation.Scores);
        return new ReportModel(title, built.SelectMany(b => b.Races).ToArray(), built.Select(b => b.Article).ToArray(), IsEvaluation: true,
            Scores: ScoreRows(total));
    }

    private static IReadOnlyList<(string, int, int, int)> ScoreRows(Scorer scores) =>
        FieldEvaluator.Fields.Select(f => (f, scores[f].TruePositives, scores[f].FalsePositives, scores[f].FalseNegatives)).ToArray();

    private static (ReportArticle Article, IReadOnlyList<RaceRow> Races, ArticleEvaluation Evaluation) Article(
        NewsExtractor extractor, FieldEvaluator evaluator, ReportItems builder, GoldArticle gold, int index, CancellationToken ct)
    {
        var options = new ExtractionOptions { Source = new SourceInfo { Path = gold.TextPath }, Published = gold.Source?.Published };
        var result = extractor.Analyze(gold.Text, options, ct);
        if (result.Record.Error is not null)
            throw new InvalidDataException($"{gold.TextPath}: the extractor refused the gold article: {result.Record.Error.Message}");
        // The record's offsets index the text it was given, the gold article's own text.
        var evaluation = evaluator.Evaluate(gold, result.Record);
        var predicted = result.Record;
        var (items, races) = Compare(evaluator, builder, gold, predicted, index);
        var source = (gold.Source ?? new SourceInfo()) with { Path = gold.TextPath };
        var article = new ReportArticle(gold.Id, source, gold.Text, items, predicted.Warnings, null, ScoreRows(evaluation.Scores));
        return (article, races, evaluation);
    }

    private static string Slice(string text, int start, int end) =>
        start >= 0 && start <= end && end <= text.Length ? text[start..end] : "";

    internal static (IReadOnlyList<ReportItem> Items, IReadOnlyList<RaceRow> Races) Compare(
        FieldEvaluator evaluator, ReportItems builder, GoldArticle gold, ArticleRecord p, int article)
    {
        var items = new List<ReportItem>();
        var races = new List<RaceRow>();
        string text = gold.Text;

        // Races: by type, region and year; a gold race left over is missed.
        var goldRaces = gold.ElectionList;
        var goldFree = goldRaces.Select((_, i) => i).ToList();
        var raceOfGold = new Dictionary<int, int>();
        var raceStatus = new string[p.Elections.Count];
        for (int i = 0; i < p.Elections.Count; i++)
        {
            int g = goldFree.FirstOrDefault(g => FieldEvaluator.ElectionKey(goldRaces[g]) == FieldEvaluator.ElectionKey(p.Elections[i]), -1);
            if (g >= 0) { goldFree.Remove(g); raceOfGold[g] = i; }
            raceStatus[i] = g >= 0 ? ItemStatus.Correct : ItemStatus.Spurious;
            items.Add(ReportItems.Election(p, i, raceStatus[i]));
        }
        foreach (int g in goldFree)
            items.Add(new ReportItem(HighlightKind.Race, $"gold elections[{g}]", ReportItems.ElectionValue(goldRaces[g]), [], [], ItemStatus.Missed, "in gold, not found"));

        // Pairs: head and deputy by name; then the ballot number and each party of the pairs that matched.
        var gPairs = gold.CandidateList;
        var pairs = Alignment.Create(p.Candidates, gPairs, evaluator.SamePair);
        var goldOf = pairs.Matched.ToDictionary(m => m.Predicted, m => m.Gold);
        var pairRows = new List<(int? Election, RacePair Pair)>();
        for (int i = 0; i < p.Candidates.Count; i++)
        {
            var c = p.Candidates[i];
            if (!goldOf.TryGetValue(i, out int gi))
            {
                items.AddRange(builder.PairItems(p.Text, c, i, ItemStatus.Spurious));
                pairRows.Add((c.Election, RaceTable.ToRacePair(c, article, ItemStatus.Spurious)));
                continue;
            }
            var g = gPairs[gi];
            var goldParties = g.Parties.Select(FieldEvaluator.Words).ToHashSet(StringComparer.Ordinal);
            var missingParties = g.Parties.Where(x => !c.Parties.Any(y => FieldEvaluator.Words(y) == FieldEvaluator.Words(x))).ToArray();
            string? numberStatus = c.Number is null ? null : g.Number == c.Number ? ItemStatus.Correct : g.Number is null ? ItemStatus.Spurious : ItemStatus.Mismatch;
            bool partiesDiffer = missingParties.Length > 0 || c.Parties.Any(x => !goldParties.Contains(FieldEvaluator.Words(x)));
            bool differs = numberStatus is ItemStatus.Spurious or ItemStatus.Mismatch || (c.Number is null && g.Number is not null) || partiesDiffer;
            string? note = differs ? $"gold: {ReportItems.PairValue(g)}" : null;
            items.AddRange(builder.PairItems(p.Text, c, i, differs ? ItemStatus.Mismatch : ItemStatus.Correct, note,
                party => goldParties.Contains(FieldEvaluator.Words(party)) ? ItemStatus.Correct : ItemStatus.Spurious,
                numberStatus, numberStatus == ItemStatus.Mismatch ? $"gold number: {g.Number}" : null));
            if (c.Number is null && g.Number is int gn)
                items.Add(new ReportItem(HighlightKind.Number, $"gold candidates[{gi}].number", $"{gn} ({g.Head.Name})", [], [], ItemStatus.Missed, "in gold, not found"));
            foreach (var party in missingParties)
                items.Add(new ReportItem(HighlightKind.Party, $"gold candidates[{gi}].parties", $"{party} ({g.Head.Name})", [], [], ItemStatus.Missed, "in gold, not found"));
            pairRows.Add((c.Election, RaceTable.ToRacePair(c, article, differs ? ItemStatus.Mismatch : ItemStatus.Correct)));
        }
        foreach (int gi in pairs.Missed)
        {
            var g = gPairs[gi];
            var spans = NameSpans(text, g.Head.Name).Concat(g.Deputy is null ? [] : NameSpans(text, g.Deputy.Name)).ToArray();
            items.Add(new ReportItem(HighlightKind.Pair, $"gold candidates[{gi}]", ReportItems.PairValue(g), spans, [], ItemStatus.Missed,
                spans.Length > 0 ? "in gold, not found (marked where the gold names occur)" : "in gold, not found"));
            int? election = g.Election is int ge && raceOfGold.TryGetValue(ge, out int pe) ? pe : null;
            pairRows.Add((election ?? (g.Election is int e2 ? -1 - e2 : null), RaceTable.ToRacePair(g, article, ItemStatus.Missed)));
        }

        // Officials: by name; a matched official with another role differs.
        var officials = Alignment.Create(p.Officials, gold.OfficialList, (a, b) => evaluator.SameName(a.Name, [], b.Name, []));
        var officialGold = officials.Matched.ToDictionary(m => m.Predicted, m => m.Gold);
        for (int i = 0; i < p.Officials.Count; i++)
        {
            var o = p.Officials[i];
            if (!officialGold.TryGetValue(i, out int gi)) { items.Add(ReportItems.OfficialItem(o, i, ItemStatus.Spurious)); continue; }
            var g = gold.OfficialList[gi];
            bool same = FieldEvaluator.Words(o.Role) == FieldEvaluator.Words(g.Role);
            items.Add(ReportItems.OfficialItem(o, i, same ? ItemStatus.Correct : ItemStatus.Mismatch, same ? null : $"gold role: {g.Role ?? "(none)"}"));
        }
        foreach (int gi in officials.Missed)
        {
            var g = gold.OfficialList[gi];
            var spans = NameSpans(text, g.Name);
            items.Add(new ReportItem(HighlightKind.Official, $"gold officials[{gi}]", ReportItems.OfficialValue(g), spans, [], ItemStatus.Missed,
                spans.Count > 0 ? "in gold, not found (marked where the gold name occurs)" : "in gold, not found"));
        }

        // Dates and figures: by value and an overlapping span; an overlapping one of another value differs.
        Spanned(items, p.Dates, gold.DateList, (a, b) => a.Date == b.Date, d => (d.Start, d.End),
            (d, i, st, n) => ReportItems.DateItem(d, i, st, n), ReportItems.DateValue, HighlightKind.Date, "dates");
        Spanned(items, p.Figures, gold.FigureList, (a, b) => a.Kind == b.Kind && FieldEvaluator.SameValue(a.Value, b.Value), f => (f.Start, f.End),
            (f, i, st, n) => ReportItems.FigureItem(f, i, st, n), ReportItems.FigureValue, HighlightKind.Figure, "figures");

        // Entities: exact span and type; one that overlaps a gold entity of other bounds or type differs.
        var goldEntities = gold.EntityList;
        var entityFree = new List<int>(Enumerable.Range(0, goldEntities.Count));
        var entityStatus = new (string Status, string? Note)[p.Entities.Count];
        for (int i = 0; i < p.Entities.Count; i++)
        {
            var e = p.Entities[i];
            int g = entityFree.FirstOrDefault(g => goldEntities[g].Type == e.Type && goldEntities[g].Start == e.Start && goldEntities[g].End == e.End, -1);
            if (g >= 0) { entityFree.Remove(g); entityStatus[i] = (ItemStatus.Correct, null); }
        }
        for (int i = 0; i < p.Entities.Count; i++)
        {
            if (entityStatus[i].Status is not null) continue;
            var e = p.Entities[i];
            int g = entityFree.FirstOrDefault(g => FieldEvaluator.Overlap(goldEntities[g].Start, goldEntities[g].End, e.Start, e.End), -1);
            if (g >= 0) entityFree.Remove(g);
            entityStatus[i] = g >= 0 ? (ItemStatus.Mismatch, $"gold: {goldEntities[g].Type} '{goldEntities[g].Text}'") : (ItemStatus.Spurious, null);
        }
        for (int i = 0; i < p.Entities.Count; i++)
            items.Add(ReportItems.EntityItem(p.Entities[i], i, entityStatus[i].Status, entityStatus[i].Note));
        foreach (int g in entityFree)
        {
            var e = goldEntities[g];
            items.Add(new ReportItem(ReportItems.EntityKind(e.Type), $"gold entities[{g}]", $"{e.Type} {e.Text}", [(e.Start, e.End)], [e.Text], ItemStatus.Missed, "in gold, not found"));
        }

        // The races table: predicted races with their pairs, then gold races that were missed with theirs.
        for (int i = 0; i < p.Elections.Count; i++)
            races.Add(RaceTable.ToRaceRow(p.Elections[i], pairRows.Where(r => r.Election == i).Select(r => r.Pair).ToArray(), article, raceStatus[i]));
        foreach (int g in goldFree)
            races.Add(RaceTable.ToRaceRow(goldRaces[g], pairRows.Where(r => r.Election == -1 - g).Select(r => r.Pair).ToArray(), article, ItemStatus.Missed));
        var loose = pairRows.Where(r => r.Election is not int e || e >= p.Elections.Count || (e < 0 && !goldFree.Contains(-1 - e))).Select(r => r.Pair).ToArray();
        if (loose.Length > 0) races.Add(new RaceRow("?", null, null, null, null, loose, [article]));
        return (items, races);
    }

    private static void Spanned<T>(List<ReportItem> items, IReadOnlyList<T> predicted, IReadOnlyList<T> gold, Func<T, T, bool> sameValue,
        Func<T, (int Start, int End)> span, Func<T, int, string?, string?, ReportItem> item, Func<T, string> show, string kind, string field)
    {
        bool Overlaps(T a, T b) => FieldEvaluator.Overlap(span(a).Start, span(a).End, span(b).Start, span(b).End);
        var alignment = Alignment.Create(predicted, gold, (a, b) => sameValue(a, b) && Overlaps(a, b));
        var matched = alignment.Matched.Select(m => m.Predicted).ToHashSet();
        var missed = alignment.Missed.ToList();
        for (int i = 0; i < predicted.Count; i++)
        {
            if (matched.Contains(i)) { items.Add(item(predicted[i], i, ItemStatus.Correct, null)); continue; }
            int g = missed.FirstOrDefault(g => Overlaps(predicted[i], gold[g]), -1);
            if (g >= 0) missed.Remove(g);
            items.Add(g >= 0 ? item(predicted[i], i, ItemStatus.Mismatch, $"gold: {show(gold[g])}") : item(predicted[i], i, ItemStatus.Spurious, null));
        }
        foreach (int g in missed)
        {
            var (start, end) = span(gold[g]);
            items.Add(new ReportItem(kind, $"gold {field}[{g}]", show(gold[g]), [(start, end)], [], ItemStatus.Missed, "in gold, not found"));
        }
    }

    /// <summary>Where a gold name occurs in the text (whole words, ignoring case): a missed person has no offsets in gold.</summary>
    private static List<(int Start, int End)> NameSpans(string text, string name) =>
        name.Trim().Length < 2 ? [] : ReportItems.Occurrences(text, name.Trim(), ignoreCase: true).ToList();
}
