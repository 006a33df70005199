namespace NewsExtract.Evaluation;

/// <summary>True positives, false positives and false negatives of one field, and the scores they give.</summary>
internal readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? (FalsePositives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 1 : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

    public int Gold => TruePositives + FalseNegatives;

    public int Predicted => TruePositives + FalsePositives;

    public static Counts operator +(Counts a, Counts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>
/// The one P/R/F implementation: compares a predicted and a gold multiset of keys (exact match) and accumulates
/// counts per field, micro-averaged over articles. The NER trainer, the field evaluation and the CLI report use it.
/// </summary>
internal sealed class Scorer
{
    private readonly SortedDictionary<string, Counts> _fields = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Counts> Fields => _fields;

    public Counts this[string field] => _fields.TryGetValue(field, out var c) ? c : default;

    /// <summary>Adds one article's comparison for <paramref name="field"/> and returns the missed and spurious keys.</summary>
    public (List<T> Missed, List<T> Spurious) Add<T>(string field, IEnumerable<T> predicted, IEnumerable<T> gold, IEqualityComparer<T>? comparer = null)
        where T : notnull
    {
        comparer ??= EqualityComparer<T>.Default;
        var remaining = new Dictionary<T, int>(comparer);
        foreach (var g in gold) remaining[g] = remaining.GetValueOrDefault(g) + 1;
        int tp = 0;
        var spurious = new List<T>();
        foreach (var p in predicted)
        {
            if (remaining.TryGetValue(p, out int n) && n > 0) { remaining[p] = n - 1; tp++; }
            else spurious.Add(p);
        }
        var missed = new List<T>();
        foreach (var (key, n) in remaining)
            for (int i = 0; i < n; i++) missed.Add(key);
        Add(field, new Counts(tp, spurious.Count, missed.Count));
        return (missed, spurious);
    }

    /// <summary>
    /// Adds one article's comparison for <paramref name="field"/> where equality is a predicate rather than a key
    /// (names with aliases, dates by value and overlapping span). Each gold item, in order, takes the first
    /// predicted item not yet taken that matches it; what stays unmatched is missed or spurious.
    /// </summary>
    public Alignment Align<TPredicted, TGold>(string field, IReadOnlyList<TPredicted> predicted, IReadOnlyList<TGold> gold, Func<TPredicted, TGold, bool> matches)
    {
        var alignment = Alignment.Create(predicted, gold, matches);
        Add(field, alignment.Counts);
        return alignment;
    }

    public void Add(string field, Counts counts) =>
        _fields[field] = _fields.TryGetValue(field, out var c) ? c + counts : counts;

    public void Merge(Scorer other)
    {
        foreach (var (field, counts) in other._fields) Add(field, counts);
    }
}

/// <summary>A one-to-one matching of predicted to gold items (by index) and what it leaves over.</summary>
internal sealed record Alignment(IReadOnlyList<(int Predicted, int Gold)> Matched, IReadOnlyList<int> Missed, IReadOnlyList<int> Spurious)
{
    public Counts Counts => new(Matched.Count, Spurious.Count, Missed.Count);

    /// <summary>Greedy in gold order: each gold item takes the first free predicted item that matches it.</summary>
    public static Alignment Create<TPredicted, TGold>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TGold> gold, Func<TPredicted, TGold, bool> matches)
    {
        var taken = new bool[predicted.Count];
        var matched = new List<(int, int)>();
        var missed = new List<int>();
        for (int g = 0; g < gold.Count; g++)
        {
            int found = -1;
            for (int p = 0; p < predicted.Count && found < 0; p++)
                if (!taken[p] && matches(predicted[p], gold[g])) found = p;
            if (found < 0) { missed.Add(g); continue; }
            taken[found] = true;
            matched.Add((found, g));
        }
        var spurious = new List<int>();
        for (int p = 0; p < predicted.Count; p++)
            if (!taken[p]) spurious.Add(p);
        return new Alignment(matched, missed, spurious);
    }
}
