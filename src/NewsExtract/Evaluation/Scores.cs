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

    public void Add(string field, Counts counts) =>
        _fields[field] = _fields.TryGetValue(field, out var c) ? c + counts : counts;

    public void Merge(Scorer other)
    {
        foreach (var (field, counts) in other._fields) Add(field, counts);
    }
}
