using System.Globalization;
using NewsExtract.Common;
using NewsExtract.Documents;

namespace NewsExtract.Pipeline;

/// <summary>The thresholds of <see cref="ArticleCheckStage"/>, from Resources/language/article-checks.tsv.</summary>
internal sealed record ArticleCheckSettings(int IndonesianTopWords, double IndonesianMinShare, int ElectionMinWords, int MinWords)
{
    private static readonly Lazy<ArticleCheckSettings> DefaultLazy = new(Load);

    public static ArticleCheckSettings Default => DefaultLazy.Value;

    private static ArticleCheckSettings Load()
    {
        var values = new Dictionary<string, (double Value, TsvRow Row)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("language/article-checks.tsv", 2, 2))
        {
            if (!double.TryParse(row[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0)
                throw row.Error($"'{row[1]}' is not a number of 0 or more.");
            if (!values.TryAdd(row[0], (v, row))) throw row.Error($"'{row[0]}' is set twice.");
        }
        double Get(string name) => values.Remove(name, out var v) ? v.Value
            : throw new InvalidDataException($"Resources/language/article-checks.tsv: '{name}' is missing.");
        var settings = new ArticleCheckSettings((int)Get("indonesian_top_words"), Get("indonesian_min_share"), (int)Get("election_min_words"), (int)Get("min_words"));
        foreach (var (name, (_, row)) in values) throw row.Error($"unknown setting '{name}'.");
        if (settings.IndonesianMinShare > 1) throw new InvalidDataException("Resources/language/article-checks.tsv: indonesian_min_share is a share, at most 1.");
        return settings;
    }
}

/// <summary>
/// Warns about articles a crawl should drop: text that is not Indonesian (an English page about bread, whose
/// "Feed" and "Celsius" the entity model would take for persons), and Indonesian text with no election content.
/// General measures, thresholds as data: the share of words among the most common Indonesian words
/// (language/common-words.txt), and the count of election words (language/election-words.txt) together with the
/// races and pairs the rules found. Runs last; it only adds warnings.
/// </summary>
internal sealed class ArticleCheckStage : IStage
{
    public const string NotIndonesian = "not Indonesian";
    public const string NoElectionContent = "no election content";

    private readonly ArticleCheckSettings _settings;
    private readonly HashSet<string> _indonesian;
    private readonly HashSet<string> _election;

    public ArticleCheckStage(ArticleCheckSettings? settings = null)
    {
        _settings = settings ?? ArticleCheckSettings.Default;
        _indonesian = EmbeddedTsv.Read("language/common-words.txt", 1, 1).Take(_settings.IndonesianTopWords).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        _election = [];
        foreach (var row in EmbeddedTsv.Read("language/election-words.txt", 1, 1))
        {
            if (row[0] != row[0].ToLowerInvariant()) throw row.Error($"'{row[0]}' is not lowercase.");
            if (!_election.Add(row[0])) throw row.Error($"'{row[0]}' is listed twice.");
        }
    }

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        int words = 0, indonesian = 0, election = 0;
        string text = a.Text;
        foreach (var token in a.Document.Tokens)
        {
            if (token.Kind != TokenKind.Word) continue;
            words++;
            string lower = token.Text(text).ToLowerInvariant();
            if (_indonesian.Contains(lower)) indonesian++;
            if (_election.Contains(lower)) election++;
        }
        if (words < _settings.MinWords) return;
        double share = (double)indonesian / words;
        if (share < _settings.IndonesianMinShare)
            a.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{NotIndonesian}: {share:P0} of the {words} words are common Indonesian words (at least {_settings.IndonesianMinShare:P0} expected); the records of this text are likely noise."));
        if (election < _settings.ElectionMinWords && a.Elections.Count == 0 && a.Candidates.Count == 0)
            a.Warnings.Add($"{NoElectionContent}: no election words (pemilu, pilkada, KPU, paslon, ...) and no race or candidate pair in {words} words.");
    }
}
