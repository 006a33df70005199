using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsExtract.Evaluation;

/// <summary>The pinned minimum F1 per field of one split, and the hash of the gold data they were measured on.</summary>
internal sealed record SplitFloors(int Articles, string GoldHash, IReadOnlyDictionary<string, double> Floors);

/// <summary>
/// The evaluation gate (corpus/eval-floors.json): per split, a minimum F1 for every field and the SHA-256 of the
/// split's gold data. The gate fails when a score drops below its floor or when the gold data changed since the
/// floors were pinned (a changed corpus must be re-measured and re-pinned in the same commit). Pinning sets each
/// floor to the current F1 rounded down to 0.01, less <see cref="Margin"/>; raising a floor is routine, lowering one
/// is its own commit that says why.
/// </summary>
internal sealed class EvaluationFloors
{
    /// <summary>Room left under the current score so that harmless jitter (a tie broken differently) does not fail CI.</summary>
    public const double Margin = 0.02;

    private readonly SortedDictionary<string, SplitFloors> _splits;

    private EvaluationFloors(SortedDictionary<string, SplitFloors> splits) => _splits = splits;

    public IReadOnlyDictionary<string, SplitFloors> Splits => _splits;

    public static EvaluationFloors Empty() => new(new SortedDictionary<string, SplitFloors>(StringComparer.Ordinal));

    /// <summary>Reads a floors file.</summary>
    /// <exception cref="InvalidDataException">The file is not a floors file.</exception>
    public static EvaluationFloors Load(string path)
    {
        var splits = new SortedDictionary<string, SplitFloors>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!doc.RootElement.TryGetProperty("splits", out var all) || all.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: expected an object with \"splits\".");
            foreach (var split in all.EnumerateObject())
            {
                var floors = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var f in split.Value.GetProperty("floors").EnumerateObject())
                {
                    double v = f.Value.GetDouble();
                    if (v is < 0 or > 1) throw new InvalidDataException($"{path}: the floor of {split.Name}/{f.Name} is {v}, not between 0 and 1.");
                    floors[f.Name] = v;
                }
                splits[split.Name] = new SplitFloors(split.Value.GetProperty("articles").GetInt32(), split.Value.GetProperty("goldSha256").GetString() ?? "", floors);
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a valid floors file ({ex.Message}); re-create it with 'newsextract eval CORPUS --split SPLIT --pin'.", ex);
        }
        return new EvaluationFloors(splits);
    }

    /// <summary>The floor pinning gives a score: rounded down to 0.01, less the margin, never below 0.</summary>
    public static double FloorOf(double f1)
    {
        double down = Math.Floor(f1 * 100 + 1e-9) / 100;
        return Math.Max(0, Math.Round(down - Margin, 2));
    }

    /// <summary>
    /// Replaces the floors of the report's split with ones pinned from its scores (a field not measured, with nothing
    /// in gold or predicted, gets floor 0); returns the floors that went down.
    /// </summary>
    public IReadOnlyList<string> Pin(EvaluationReport report)
    {
        var floors = new SortedDictionary<string, double>(StringComparer.Ordinal);
        // A field with nothing in gold and nothing predicted scores a vacuous 1; it gets no floor until it is measured.
        foreach (var field in FieldEvaluator.Fields)
            floors[field] = report.Scores[field] is { Gold: 0, Predicted: 0 } ? 0 : FloorOf(report.Scores[field].F1);
        var lowered = new List<string>();
        if (_splits.TryGetValue(report.Split, out var old))
            foreach (var (field, floor) in floors)
                if (old.Floors.TryGetValue(field, out var before) && floor < before)
                    lowered.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: {before:0.00} -> {floor:0.00}"));
        _splits[report.Split] = new SplitFloors(report.Articles, report.GoldHash, floors);
        return lowered;
    }

    /// <summary>What fails the gate for this report: one message per field below its floor, and a changed gold hash.</summary>
    public IReadOnlyList<string> Check(EvaluationReport report, string pinCommand)
    {
        var failures = new List<string>();
        if (!_splits.TryGetValue(report.Split, out var pinned))
        {
            failures.Add($"no floors are pinned for the {report.Split} split; pin them with '{pinCommand}'.");
            return failures;
        }
        if (pinned.GoldHash != report.GoldHash)
            failures.Add($"the gold data of the {report.Split} split changed since the floors were pinned (sha256 {Short(report.GoldHash)}, pinned {Short(pinned.GoldHash)}; "
                + $"{report.Articles} articles, pinned {pinned.Articles}): check the scores below and re-pin with '{pinCommand}' in the same commit.");
        foreach (var (field, floor) in pinned.Floors)
        {
            double f1 = report.Scores[field].F1;
            if (f1 + 1e-9 < floor)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: F1 {f1:0.000} is below its floor {floor:0.00}."));
        }
        return failures;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    /// <summary>Writes the file (atomically: a temporary file renamed into place).</summary>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("about", "Evaluation gate: minimum F1 per field and the SHA-256 of the split's gold data. "
                + "Written by 'newsextract eval corpus --split SPLIT --pin'; 'newsextract eval corpus --split SPLIT --gate' checks it. "
                + "Raising a floor is routine; lowering one is its own commit that says why.");
            json.WriteNumber("margin", Margin);
            json.WriteStartObject("splits");
            foreach (var (name, split) in _splits)
            {
                json.WriteStartObject(name);
                json.WriteNumber("articles", split.Articles);
                json.WriteString("goldSha256", split.GoldHash);
                json.WriteStartObject("floors");
                foreach (var (field, floor) in split.Floors) json.WriteNumber(field, floor);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        File.AppendAllText(temp, "\n");
        File.Move(temp, full, overwrite: true);
    }
}
