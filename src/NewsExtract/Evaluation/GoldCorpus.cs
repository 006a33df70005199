using System.Text.Json;
using System.Text.Json.Serialization;
using NewsExtract.Records;

namespace NewsExtract.Evaluation;

/// <summary>A hand-annotated entity span (offsets into the article file's text as on disk).</summary>
internal sealed record GoldEntity(EntityType Type, string Text, int Start, int End);

/// <summary>Corpus statistics metadata of a gold article (not scored).</summary>
internal sealed record GoldMeta(string? Story, string? Style, IReadOnlyList<string>? Provinces);

/// <summary>
/// Where the text of a gold article lives when it is not in the project: a dataset of the shared benchmark data
/// (<c>../shared/data/DATASET/articles/ID.json</c>, field <c>text</c>), named by id and the SHA-256 of its UTF-8 bytes.
/// </summary>
internal sealed record GoldTextReference(string Dataset, string Id, string Sha256);

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
    /// <summary>For a real article whose text stays in the shared data (corpus/real/): where that text is.</summary>
    public GoldTextReference? TextRef { get; init; }

    /// <summary>True for a real article (corpus/real/) whose text is read from the shared data.</summary>
    [JsonIgnore] public bool IsReal => TextRef is not null;

    /// <summary>The article text exactly as in the .txt file.</summary>
    [JsonIgnore] public string Text { get; init; } = "";

    /// <summary>Path of the .gold.json file.</summary>
    [JsonIgnore] public string GoldPath { get; init; } = "";

    /// <summary>Path of the .txt file (for a real article: the shared data file that holds its text).</summary>
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
    /// <summary>The splits of the articles written by the team (assigned by <c>newsextract corpus split</c>).</summary>
    public static readonly string[] SplitNames = ["train", "dev", "test"];

    /// <summary>The splits of the real articles (corpus/real/), fixed by hand: rules may be developed on real-dev only.</summary>
    public static readonly string[] RealSplitNames = ["real-dev", "real-test"];

    /// <summary>Every split name a corpus may list.</summary>
    public static readonly string[] AllSplitNames = [.. SplitNames, .. RealSplitNames];

    /// <summary>The environment variable that overrides where the shared benchmark data is (default: ../shared/data beside the repository).</summary>
    public const string SharedDataVariable = "NEWSEXTRACT_SHARED_DATA";

    private GoldCorpus(string root, IReadOnlyList<GoldArticle> articles, IReadOnlyList<GoldArticle> unavailable, string sharedData,
        IReadOnlyDictionary<string, IReadOnlyList<string>> splits)
    {
        Root = root;
        Articles = articles;
        Unavailable = unavailable;
        SharedData = sharedData;
        Splits = splits;
    }

    /// <summary>Real articles whose gold was read but whose text is absent (no shared data on this machine): not in <see cref="Articles"/>.</summary>
    public IReadOnlyList<GoldArticle> Unavailable { get; }

    /// <summary>Where real articles' texts are looked up.</summary>
    public string SharedData { get; }

    public string Root { get; }

    public IReadOnlyList<GoldArticle> Articles { get; }

    /// <summary>Split name to article ids; empty when the corpus has no splits folder.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Splits { get; }

    /// <summary>Loads every gold article below <paramref name="root"/> (a corpus folder, or any folder of ID.txt + ID.gold.json).</summary>
    /// <exception cref="InvalidDataException">A gold file is malformed or its text file is missing.</exception>
    public static GoldCorpus Load(string root, string? sharedData = null)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"The gold folder '{root}' does not exist.");
        sharedData ??= DefaultSharedData(root);
        var articles = new List<GoldArticle>();
        var unavailable = new List<GoldArticle>();
        foreach (var goldPath in Directory.EnumerateFiles(root, "*.gold.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var article = LoadArticle(goldPath, sharedData);
            (article.IsReal && article.TextPath.Length == 0 ? unavailable : articles).Add(article);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles.Concat(unavailable))
            if (!ids.Add(a.Id))
                throw new InvalidDataException($"{a.GoldPath}: the id '{a.Id}' is used by another gold file too.");
        var splits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string splitDir = Path.Combine(root, "splits");
        if (Directory.Exists(splitDir))
            foreach (var name in AllSplitNames)
            {
                string file = Path.Combine(splitDir, name + ".txt");
                if (File.Exists(file))
                    splits[name] = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToArray();
            }
        return new GoldCorpus(root, articles, unavailable, sharedData, splits);
    }

    /// <summary><c>NEWSEXTRACT_SHARED_DATA</c> when set, else <c>shared/data</c> beside the repository that holds the corpus folder.</summary>
    public static string DefaultSharedData(string corpusRoot)
    {
        string? env = Environment.GetEnvironmentVariable(SharedDataVariable);
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        string repository = Path.GetDirectoryName(Path.GetFullPath(corpusRoot).TrimEnd(Path.DirectorySeparatorChar)) ?? corpusRoot;
        return Path.GetFullPath(Path.Combine(repository, "..", "shared", "data"));
    }

    public static GoldArticle LoadArticle(string goldPath, string? sharedData = null)
    {
        GoldArticle gold = ReadGold(goldPath);
        if (gold.TextRef is { } reference)
            return WithSharedText(gold, goldPath, reference, sharedData ?? DefaultSharedData(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(goldPath)))!));
        string textPath = goldPath[..^".gold.json".Length] + ".txt";
        if (!File.Exists(textPath))
            throw new InvalidDataException($"{goldPath}: the article text {textPath} is missing.");
        return gold with { Text = File.ReadAllText(textPath), GoldPath = goldPath, TextPath = textPath };
    }

    /// <summary>
    /// A real article's text from the shared data, checked against its SHA-256; when the dataset folder is absent the
    /// article comes back without text (and without <see cref="GoldArticle.TextPath"/>), to be reported as unavailable.
    /// </summary>
    private static GoldArticle WithSharedText(GoldArticle gold, string goldPath, GoldTextReference reference, string sharedData)
    {
        if (reference.Id != gold.Id)
            throw new InvalidDataException($"{goldPath}: textRef.id '{reference.Id}' differs from the article id '{gold.Id}'.");
        if (reference.Dataset.Length == 0 || reference.Dataset.IndexOfAny(['/', '\\', '.']) >= 0)
            throw new InvalidDataException($"{goldPath}: textRef.dataset '{reference.Dataset}' is not a dataset folder name.");
        string datasetDir = Path.Combine(sharedData, reference.Dataset);
        if (!Directory.Exists(datasetDir))
            return gold with { GoldPath = goldPath };
        string textPath = Path.Combine(datasetDir, "articles", reference.Id + ".json");
        if (!File.Exists(textPath))
            throw new InvalidDataException($"{goldPath}: the shared data {datasetDir} has no article {reference.Id}.json.");
        string text;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(textPath));
            text = doc.RootElement.GetProperty("text").GetString()
                ?? throw new InvalidDataException($"{textPath}: \"text\" is null.");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{textPath}: not an article file with a \"text\" string ({ex.Message}).", ex);
        }
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        if (!string.Equals(hash, reference.Sha256, StringComparison.Ordinal))
            throw new InvalidDataException($"{goldPath}: the text of {textPath} is not the one annotated (sha256 {hash[..12]}, gold names {reference.Sha256[..Math.Min(12, reference.Sha256.Length)]}).");
        return gold with { Text = text, GoldPath = goldPath, TextPath = textPath };
    }

    private static GoldArticle ReadGold(string goldPath)
    {
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
        return gold;
    }

    /// <summary>The articles of one split, in the order the split lists them.</summary>
    public IReadOnlyList<GoldArticle> Split(string name)
    {
        if (!Splits.TryGetValue(name, out var ids))
            throw new InvalidDataException($"The corpus at '{Root}' has no split '{name}' (expected splits/{name}.txt).");
        var byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var missing = Unavailable.Where(a => ids.Contains(a.Id, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
            throw new GoldTextUnavailableException(name, missing.Length, SharedData, missing.Select(a => a.TextRef!.Dataset).Distinct().ToArray());
        return ids.Select(id => byId.TryGetValue(id, out var a) ? a
            : throw new InvalidDataException($"splits/{name}.txt lists '{id}', which has no gold file.")).ToArray();
    }
}

/// <summary>
/// A split holds real articles whose text is in the shared benchmark data, which this machine does not have (a fresh
/// clone): the split cannot be scored here. Callers skip it with this message rather than fail.
/// </summary>
internal sealed class GoldTextUnavailableException(string split, int articles, string sharedData, IReadOnlyList<string> datasets)
    : Exception($"the {split} split needs the text of {articles} real article(s) from {string.Join(", ", datasets.Select(d => Path.Combine(sharedData, d)))}, which is absent here; " +
                $"set {GoldCorpus.SharedDataVariable} to the shared data folder to score it. Skipped.")
{
    public string Split { get; } = split;
}
