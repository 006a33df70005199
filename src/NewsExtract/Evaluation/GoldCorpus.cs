using System.Text.Json;
using System.Text.Json.Serialization;
using NewsExtract.Records;

namespace NewsExtract.Evaluation;

/// <summary>A hand-annotated entity span (offsets into the article file's text as on disk).</summary>
internal sealed record GoldEntity(EntityType Type, string Text, int Start, int End);

/// <summary>Corpus statistics metadata of a gold article (not scored).</summary>
internal sealed record GoldMeta(string? Story, string? Style, IReadOnlyList<string>? Provinces);

/// <summary>
/// One gold article: the record fields as the guidelines define them (corpus/GUIDELINES.md), its entity spans,
/// and the text they refer to.
/// </summary>
internal sealed record GoldArticle(
    string Id,
    SourceInfo? Source,
    GoldMeta? Meta,
    IReadOnlyList<Election>? Elections,
    IReadOnlyList<CandidatePair>? Candidates,
    IReadOnlyList<Official>? Officials,
    IReadOnlyList<DatedEvent>? Dates,
    IReadOnlyList<Figure>? Figures,
    IReadOnlyList<GoldEntity>? Entities,
    IReadOnlyList<string>? Warnings)
{
    /// <summary>The article text exactly as in the .txt file.</summary>
    [JsonIgnore] public string Text { get; init; } = "";

    /// <summary>Path of the .gold.json file.</summary>
    [JsonIgnore] public string GoldPath { get; init; } = "";

    /// <summary>Path of the .txt file.</summary>
    [JsonIgnore] public string TextPath { get; init; } = "";

    public IReadOnlyList<Election> ElectionList => Elections ?? [];
    public IReadOnlyList<CandidatePair> CandidateList => Candidates ?? [];
    public IReadOnlyList<Official> OfficialList => Officials ?? [];
    public IReadOnlyList<DatedEvent> DateList => Dates ?? [];
    public IReadOnlyList<Figure> FigureList => Figures ?? [];
    public IReadOnlyList<GoldEntity> EntityList => Entities ?? [];
    public IReadOnlyList<string> WarningList => Warnings ?? [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(GoldArticle))]
internal sealed partial class GoldJsonContext : JsonSerializerContext
{
}

/// <summary>
/// The annotated corpus: <c>seed/</c> and <c>articles/</c> hold ID.txt + ID.gold.json pairs; <c>splits/</c> lists
/// the ids of the train, dev and test splits.
/// </summary>
internal sealed class GoldCorpus
{
    public static readonly string[] SplitNames = ["train", "dev", "test"];

    private GoldCorpus(string root, IReadOnlyList<GoldArticle> articles, IReadOnlyDictionary<string, IReadOnlyList<string>> splits)
    {
        Root = root;
        Articles = articles;
        Splits = splits;
    }

    public string Root { get; }

    public IReadOnlyList<GoldArticle> Articles { get; }

    /// <summary>Split name to article ids; empty when the corpus has no splits folder.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Splits { get; }

    /// <summary>Loads every gold article below <paramref name="root"/> (a corpus folder, or any folder of ID.txt + ID.gold.json).</summary>
    /// <exception cref="InvalidDataException">A gold file is malformed or its text file is missing.</exception>
    public static GoldCorpus Load(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"The gold folder '{root}' does not exist.");
        var articles = new List<GoldArticle>();
        foreach (var goldPath in Directory.EnumerateFiles(root, "*.gold.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            articles.Add(LoadArticle(goldPath));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles)
            if (!ids.Add(a.Id))
                throw new InvalidDataException($"{a.GoldPath}: the id '{a.Id}' is used by another gold file too.");
        var splits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string splitDir = Path.Combine(root, "splits");
        if (Directory.Exists(splitDir))
            foreach (var name in SplitNames)
            {
                string file = Path.Combine(splitDir, name + ".txt");
                if (File.Exists(file))
                    splits[name] = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToArray();
            }
        return new GoldCorpus(root, articles, splits);
    }

    public static GoldArticle LoadArticle(string goldPath)
    {
        string textPath = goldPath[..^".gold.json".Length] + ".txt";
        if (!File.Exists(textPath))
            throw new InvalidDataException($"{goldPath}: the article text {textPath} is missing.");
        GoldArticle? gold;
        try
        {
            gold = JsonSerializer.Deserialize(File.ReadAllText(goldPath), GoldJsonContext.Default.GoldArticle);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{goldPath}: not a valid gold file: {ex.Message}", ex);
        }
        if (gold is null) throw new InvalidDataException($"{goldPath}: the file holds JSON null.");
        string id = Path.GetFileName(goldPath)[..^".gold.json".Length];
        if (gold.Id != id)
            throw new InvalidDataException($"{goldPath}: its id '{gold.Id}' differs from the file name '{id}'.");
        return gold with { Text = File.ReadAllText(textPath), GoldPath = goldPath, TextPath = textPath };
    }

    /// <summary>The articles of one split, in the order the split lists them.</summary>
    public IReadOnlyList<GoldArticle> Split(string name)
    {
        if (!Splits.TryGetValue(name, out var ids))
            throw new InvalidDataException($"The corpus at '{Root}' has no split '{name}' (expected splits/{name}.txt).");
        var byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return ids.Select(id => byId.TryGetValue(id, out var a) ? a
            : throw new InvalidDataException($"splits/{name}.txt lists '{id}', which has no gold file.")).ToArray();
    }
}
