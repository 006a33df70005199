using System.Globalization;
using System.Text;
using NewsExtract.Records;
using NewsExtract.Vocabulary;
using Region = NewsExtract.Records.Region;

namespace NewsExtract.Evaluation;

/// <summary>What one field of one article missed (in gold, not predicted) and what it added (predicted, not in gold).</summary>
internal sealed record FieldErrors(string Field, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious);

/// <summary>The scores of one article and the items behind its errors.</summary>
internal sealed record ArticleEvaluation(string Id, Scorer Scores, IReadOnlyList<FieldErrors> Errors);

/// <summary>
/// Compares an extracted record with a gold article field by field, with the matching rules of the README's
/// "Evaluation" section. The record's offsets index its text, which for plain-text input is the input itself, so they
/// compare directly with the gold offsets into the .txt file.
/// </summary>
internal sealed class FieldEvaluator
{
    /// <summary>Every field the evaluator scores, in report order. These names are the keys of corpus/eval-floors.json.</summary>
    public static readonly string[] Fields =
    [
        "election", "election.type", "election.region", "election.year",
        "candidates", "candidates.number", "candidates.parties",
        "officials", "officials.role",
        "dates", "figures",
        "entities", "entities.PER", "entities.ORG", "entities.LOC",
    ];

    private readonly string[][] _titleForms;

    /// <param name="titles">Titles stripped off names before they are compared; the bundled list when null.</param>
    public FieldEvaluator(TitleLexicon? titles = null)
    {
        titles ??= Vocabularies.Default.Titles;
        // A title is matched word by word, dots and case ignored: "S.H." is "sh", "Letkol Arh." is ["letkol", "arh"].
        _titleForms = titles.Titles.SelectMany(t => t.Forms.Append(t.Canonical))
            .Select(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Dotless).ToArray())
            .Where(words => words.Length > 0 && words.All(w => w.Length > 0))
            .DistinctBy(words => string.Join(' ', words))
            .OrderByDescending(words => words.Length)
            .ToArray();
    }

    /// <summary>Scores one extraction result against its gold article.</summary>
    /// <param name="gold">The gold article.</param>
    /// <param name="predicted">The extracted record.</param>
    public ArticleEvaluation Evaluate(GoldArticle gold, ArticleRecord predicted)
    {
        var scorer = new Scorer();
        var errors = new List<FieldErrors>();
        void Record(string field, IEnumerable<string> missed, IEnumerable<string> spurious)
        {
            var m = missed.ToArray();
            var s = spurious.ToArray();
            if (m.Length > 0 || s.Length > 0) errors.Add(new FieldErrors(field, m, s));
        }
        void Keys(string field, IEnumerable<string> p, IEnumerable<string> g)
        {
            var (missed, spurious) = scorer.Add(field, p, g, StringComparer.Ordinal);
            Record(field, missed, spurious);
        }
        void Aligned<TP, TG>(string field, IReadOnlyList<TP> p, IReadOnlyList<TG> g, Func<TP, TG, bool> match, Func<TP, string> showP, Func<TG, string> showG, out Alignment alignment)
        {
            alignment = scorer.Align(field, p, g, match);
            var a = alignment;
            Record(field, a.Missed.Select(i => showG(g[i])), a.Spurious.Select(i => showP(p[i])));
        }

        // Elections: multisets of keys, so a second race of the same type counts twice.
        Keys("election.type", predicted.Elections.Select(e => TypeName(e.Type)), gold.ElectionList.Select(e => TypeName(e.Type)));
        Keys("election.region", predicted.Elections.Where(e => e.Region is not null).Select(e => RegionKey(e.Region!)),
            gold.ElectionList.Where(e => e.Region is not null).Select(e => RegionKey(e.Region!)));
        Keys("election.year", predicted.Elections.Where(e => e.Year is not null).Select(e => e.Year!.Value.ToString(CultureInfo.InvariantCulture)),
            gold.ElectionList.Where(e => e.Year is not null).Select(e => e.Year!.Value.ToString(CultureInfo.InvariantCulture)));
        Keys("election", predicted.Elections.Select(ElectionKey), gold.ElectionList.Select(ElectionKey));

        // Candidate pairs: head and deputy by name; then ballot numbers and parties of the pairs that matched.
        var pPairs = predicted.Candidates;
        var gPairs = gold.CandidateList;
        Aligned("candidates", pPairs, gPairs, SamePair, ShowPair, ShowPair, out var pairs);
        var pNumbered = pPairs.Where(c => c.Number is not null).ToArray();
        var gNumbered = gPairs.Where(c => c.Number is not null).ToArray();
        Aligned("candidates.number", pNumbered, gNumbered, (p, g) => p.Number == g.Number && SamePair(p, g), ShowPair, ShowPair, out _);
        ScoreParties(scorer, pairs, pPairs, gPairs, Record);

        // Officials: by name; the role is scored on the officials that matched (an accuracy: P = R = F1).
        var pOfficials = predicted.Officials;
        var gOfficials = gold.OfficialList;
        Aligned("officials", pOfficials, gOfficials, (p, g) => SameName(p.Name, [], g.Name, []), ShowOfficial, ShowOfficial, out var officials);
        var wrongRoles = new List<(string Missed, string Spurious)>();
        int rightRoles = 0;
        foreach (var (pi, gi) in officials.Matched)
        {
            var (p, g) = (pOfficials[pi], gOfficials[gi]);
            if (Words(p.Role) == Words(g.Role)) rightRoles++;
            else wrongRoles.Add(($"{g.Name}: {g.Role ?? "(none)"}", $"{g.Name}: {p.Role ?? "(none)"}"));
        }
        scorer.Add("officials.role", new Counts(rightRoles, wrongRoles.Count, wrongRoles.Count));
        Record("officials.role", wrongRoles.Select(w => w.Missed), wrongRoles.Select(w => w.Spurious));

        // Dates and figures: by value and an overlapping span in the gold file's text.
        var pDates = predicted.Dates;
        Aligned("dates", pDates, gold.DateList, (p, g) => p.Date == g.Date && Overlap(p.Start, p.End, g.Start, g.End), ShowDate, ShowDate, out _);
        var pFigures = predicted.Figures;
        Aligned("figures", pFigures, gold.FigureList, (p, g) => p.Kind == g.Kind && SameValue(p.Value, g.Value) && Overlap(p.Start, p.End, g.Start, g.End), ShowFigure, ShowFigure, out _);

        // Entities: exact span and type.
        var pEntities = predicted.Entities.Select(x => (x.Type, x.Start, x.End)).ToArray();
        var gEntities = gold.EntityList.Select(x => (x.Type, x.Start, x.End)).ToArray();
        string ShowEntity((EntityType Type, int Start, int End) x) => $"{x.Type} '{Slice(gold.Text, x.Start, x.End)}' @{x.Start}-{x.End}";
        var (eMissed, eSpurious) = scorer.Add("entities", pEntities, gEntities);
        Record("entities", eMissed.Select(ShowEntity), eSpurious.Select(ShowEntity));
        foreach (var type in (EntityType[])[EntityType.PER, EntityType.ORG, EntityType.LOC])
            scorer.Add("entities." + type, pEntities.Where(x => x.Type == type), gEntities.Where(x => x.Type == type));

        return new ArticleEvaluation(gold.Id, scorer, errors);
    }

    private static void ScoreParties(Scorer scorer, Alignment pairs, IReadOnlyList<CandidatePair> predicted, IReadOnlyList<CandidatePair> gold,
        Action<string, IEnumerable<string>, IEnumerable<string>> record)
    {
        // Parties are counted per pair: a party given to the wrong pair is both missed and spurious.
        var counts = new Counts();
        var missed = new List<string>();
        var spurious = new List<string>();
        void Compare(CandidatePair? p, CandidatePair? g)
        {
            var scratch = new Scorer();
            var (m, s) = scratch.Add("parties", PartyKeys(p), PartyKeys(g), StringComparer.Ordinal);
            counts += scratch["parties"];
            string owner = (g ?? p)!.Head.Name;
            missed.AddRange(m.Select(x => $"{owner}: {x}"));
            spurious.AddRange(s.Select(x => $"{owner}: {x}"));
        }
        foreach (var (pi, gi) in pairs.Matched) Compare(predicted[pi], gold[gi]);
        foreach (var gi in pairs.Missed) Compare(null, gold[gi]);
        foreach (var pi in pairs.Spurious) Compare(predicted[pi], null);
        scorer.Add("candidates.parties", counts);
        record("candidates.parties", missed, spurious);
    }

    private static IEnumerable<string> PartyKeys(CandidatePair? pair) =>
        pair is null ? [] : pair.Parties.Select(Words).Distinct(StringComparer.Ordinal);

    /// <summary>Both halves of a pair match by name; a deputy missing on one side only is a mismatch.</summary>
    public bool SamePair(CandidatePair predicted, CandidatePair gold) =>
        SameName(predicted.Head, gold.Head)
        && (predicted.Deputy is null ? gold.Deputy is null : gold.Deputy is not null && SameName(predicted.Deputy, gold.Deputy));

    public bool SameName(PersonName predicted, PersonName gold) => SameName(predicted.Name, predicted.Aliases, gold.Name, gold.Aliases);

    /// <summary>
    /// Names match without titles, ignoring case and spacing; the predicted name may be one of the gold aliases and
    /// the gold name one of the predicted aliases ("Aaf" for "Abdul Aziz Fahmi").
    /// </summary>
    public bool SameName(string predicted, IReadOnlyList<string> predictedAliases, string gold, IReadOnlyList<string> goldAliases)
    {
        string p = NameKey(predicted), g = NameKey(gold);
        if (p.Length == 0 || g.Length == 0) return false;
        return p == g || goldAliases.Any(a => NameKey(a) == p) || predictedAliases.Any(a => NameKey(a) == g);
    }

    /// <summary>The comparable form of a name: titles taken off both ends, lower case, single spaces ("Drs. Santoso, M.Pd" gives "santoso").</summary>
    public string NameKey(string name)
    {
        // Degrees follow a comma ("Santoso, M.Pd"); a comma never belongs to the name itself.
        var words = name.Replace(',', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        bool changed = true;
        while (changed && words.Count > 1)
        {
            changed = false;
            foreach (var form in _titleForms)
            {
                if (form.Length >= words.Count) continue;
                if (StartsWith(words, form)) { words.RemoveRange(0, form.Length); changed = true; break; }
                if (EndsWith(words, form)) { words.RemoveRange(words.Count - form.Length, form.Length); changed = true; break; }
            }
        }
        return string.Join(' ', words).ToLowerInvariant();
    }

    private static bool StartsWith(List<string> words, string[] form)
    {
        for (int i = 0; i < form.Length; i++)
            if (Dotless(words[i]) != form[i]) return false;
        return true;
    }

    private static bool EndsWith(List<string> words, string[] form)
    {
        int offset = words.Count - form.Length;
        for (int i = 0; i < form.Length; i++)
            if (Dotless(words[offset + i]) != form[i]) return false;
        return true;
    }

    private static string Dotless(string word) => word.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Case- and space-insensitive form of a canonical value (party, region, role).</summary>
    internal static string Words(string? value) =>
        value is null ? "" : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string RegionKey(Region region) => Words(region.Name);

    internal static string ElectionKey(Election e) =>
        $"{TypeName(e.Type)} {(e.Region is null ? "-" : RegionKey(e.Region))} {e.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    internal static string TypeName(ElectionType type) => type.ToString().ToLowerInvariant();

    internal static bool Overlap(int aStart, int aEnd, int bStart, int bEnd) => aStart < bEnd && bStart < aEnd;

    internal static bool SameValue(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));

    private static string Slice(string text, int start, int end) =>
        start >= 0 && end <= text.Length && start <= end ? text[start..end] : "?";

    private static string ShowPair(CandidatePair c)
    {
        var sb = new StringBuilder();
        if (c.Number is not null) sb.Append(CultureInfo.InvariantCulture, $"#{c.Number} ");
        sb.Append(c.Head.Name);
        if (c.Deputy is not null) sb.Append(" / ").Append(c.Deputy.Name);
        return sb.ToString();
    }

    private static string ShowOfficial(Official o) => $"{o.Name} ({o.Role ?? "-"}, {o.Institution ?? "-"})";

    private static string ShowDate(DatedEvent d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd} '{d.Text}' @{d.Start}");

    private static string ShowFigure(Figure f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Kind} {f.Value:0.###} '{f.Text}' @{f.Start}");
}
