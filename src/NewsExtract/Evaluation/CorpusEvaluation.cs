using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsExtract.Evaluation;

/// <summary>The field scores of the extractor on one split of a gold corpus, with the errors of every article.</summary>
internal sealed record EvaluationReport(string Split, int Articles, string GoldHash, Scorer Scores, IReadOnlyList<ArticleEvaluation> PerArticle)
{
    /// <summary>A plain-text table, one row per field; with <paramref name="errors"/> the missed and spurious items per article follow.</summary>
    public string Render(bool errors = false)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Evaluation on the {Split} split: {Articles} articles, gold sha256 {GoldHash[..12]}.");
        sb.AppendLine("Micro-averaged over articles; matching rules in the README, section \"Evaluation\".");
        sb.AppendLine();
        sb.AppendLine(inv, $"{"field",-20} {"P",6} {"R",6} {"F1",6} {"gold",6} {"pred",6} {"tp",6}");
        foreach (var field in FieldEvaluator.Fields)
        {
            var c = Scores[field];
            sb.AppendLine(inv, $"{field,-20} {c.Precision,6:0.000} {c.Recall,6:0.000} {c.F1,6:0.000} {c.Gold,6} {c.Predicted,6} {c.TruePositives,6}");
        }
        sb.AppendLine("(officials.role is scored on the officials found: P = R = F1 = role accuracy.)");
        sb.AppendLine(inv, $"macro-F1 over the main fields ({string.Join(", ", MainFields)}): {MacroF1:0.000}");
        if (!errors) return sb.ToString();
        foreach (var article in PerArticle.Where(a => a.Errors.Count > 0))
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"== {article.Id}");
            foreach (var field in article.Errors)
            {
                foreach (var m in field.Missed) sb.AppendLine(inv, $"  {field.Field,-20} missed   {m}");
                foreach (var s in field.Spurious) sb.AppendLine(inv, $"  {field.Field,-20} spurious {s}");
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The eight fields a user of the records looks at first (the real-news issue's measure): the race's region and
    /// type, the pairs, numbered pairs, parties, officials, dates and persons.
    /// </summary>
    public static readonly string[] MainFields =
        ["election.region", "election.type", "candidates", "candidates.number", "candidates.parties", "officials", "dates", "entities.PER"];

    /// <summary>The unweighted mean F1 of <see cref="MainFields"/>.</summary>
    public double MacroF1 => MainFields.Average(f => Scores[f].F1);

    /// <summary>The report as JSON: split, gold hash, per-field counts and scores, and per-article errors.</summary>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("split", Split);
        json.WriteNumber("articles", Articles);
        json.WriteString("goldSha256", GoldHash);
        json.WriteNumber("macroF1", Math.Round(MacroF1, 4));
        json.WriteStartObject("fields");
        foreach (var field in FieldEvaluator.Fields) WriteCounts(json, field, Scores[field]);
        json.WriteEndObject();
        json.WriteStartArray("perArticle");
        foreach (var article in PerArticle)
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id);
            json.WriteStartObject("fields");
            foreach (var field in FieldEvaluator.Fields)
                if (article.Scores.Fields.ContainsKey(field)) WriteCounts(json, field, article.Scores[field]);
            json.WriteEndObject();
            json.WriteStartObject("errors");
            foreach (var field in article.Errors)
            {
                json.WriteStartObject(field.Field);
                json.WriteStartArray("missed");
                foreach (var m in field.Missed) json.WriteStringValue(m);
                json.WriteEndArray();
                json.WriteStartArray("spurious");
                foreach (var s in field.Spurious) json.WriteStringValue(s);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string field, Counts c)
    {
        json.WriteStartObject(field);
        json.WriteNumber("tp", c.TruePositives);
        json.WriteNumber("fp", c.FalsePositives);
        json.WriteNumber("fn", c.FalseNegatives);
        json.WriteNumber("precision", Math.Round(c.Precision, 4));
        json.WriteNumber("recall", Math.Round(c.Recall, 4));
        json.WriteNumber("f1", Math.Round(c.F1, 4));
        json.WriteEndObject();
    }
}

/// <summary>
/// Runs the extractor over gold articles and scores the records with <see cref="FieldEvaluator"/>. Each article is
/// extracted from its .txt as a crawler would hand it over, with the gold <c>source.published</c> as its date; the
/// record's offsets index that text, as the gold offsets do.
/// </summary>
internal static class CorpusEvaluation
{
    /// <summary>The split name that stands for every article of the corpus.</summary>
    public const string AllArticles = "all";

    public static IReadOnlyList<GoldArticle> Articles(GoldCorpus corpus, string split) =>
        split == AllArticles ? corpus.Articles : corpus.Split(split);

    public static EvaluationReport Run(GoldCorpus corpus, string split, NewsExtractor? extractor = null, int threads = 1, CancellationToken cancellationToken = default)
    {
        var articles = Articles(corpus, split);
        extractor ??= NewsExtractor.CreateDefault();
        var evaluator = new FieldEvaluator();
        var perArticle = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, threads)).WithCancellation(cancellationToken)
            .Select(a => Evaluate(extractor, evaluator, a, cancellationToken))
            .ToArray();
        var total = new Scorer();
        foreach (var a in perArticle) total.Merge(a.Scores);
        return new EvaluationReport(split, articles.Count, GoldHash(articles), total, perArticle);
    }

    public static ArticleEvaluation Evaluate(NewsExtractor extractor, FieldEvaluator evaluator, GoldArticle article, CancellationToken cancellationToken = default)
    {
        var options = new ExtractionOptions
        {
            Source = new Records.SourceInfo { Path = article.TextPath },
            Published = article.Source?.Published,
        };
        var result = extractor.Analyze(article.Text, options, cancellationToken);
        if (result.Record.Error is not null)
            throw new InvalidDataException($"{article.TextPath}: the extractor refused the gold article: {result.Record.Error.Message}");
        return evaluator.Evaluate(article, result.Record);
    }

    /// <summary>
    /// SHA-256 (hex) of the gold data of some articles: for each article in ordinal id order, its id and a line break,
    /// then the byte length (8 bytes, little endian) and bytes of its .txt file (of a real article: the UTF-8 of its
    /// text, which its gold names by SHA-256) and of its .gold.json file.
    /// </summary>
    public static string GoldHash(IEnumerable<GoldArticle> articles)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var article in articles.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(article.Id + "\n"));
            foreach (var path in (string[])[article.TextPath, article.GoldPath])
            {
                byte[] bytes = article.IsReal && path == article.TextPath ? Encoding.UTF8.GetBytes(article.Text) : File.ReadAllBytes(path);
                BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
                sha.AppendData(length);
                sha.AppendData(bytes);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
