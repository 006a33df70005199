using System.Globalization;
using System.Text;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The article-body score of the Zyte article-extraction benchmark: 4-gram token shingles counted as a
/// multiset, per-page precision and recall, macro-averaged over pages, F1 of the two averages. Tokens
/// are maximal runs of letters, digits and underscore (Python's Unicode <c>\w+</c>), case kept.
/// </summary>
internal static class HtmlShingleScorer
{
    /// <summary>TP/FP/FN of one page.</summary>
    internal readonly record struct PageCounts(int TruePositives, int FalsePositives, int FalseNegatives, bool PredictionEmpty, bool GoldEmpty, bool ExactTokens);

    /// <summary>Corpus figures: macro precision, macro recall, their harmonic mean, and exact-match accuracy.</summary>
    internal readonly record struct Figures(double Precision, double Recall, double F1, double Accuracy, int Pages)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"F1 {F1:0.000}  P {Precision:0.000}  R {Recall:0.000}  acc {Accuracy:0.000}  ({Pages} pages)");
    }

    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            bool word = rune.Value == '_' || category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
            if (word) current.Append(rune.ToString());
            else if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        int n = Math.Min(4, tokens.Count);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.GetRange(i, n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static PageCounts Compare(string? gold, string? predicted)
    {
        var goldTokens = Tokenize(gold);
        var predictedTokens = Tokenize(predicted);
        var g = Shingles(goldTokens);
        var p = Shingles(predictedTokens);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (key, gc) in g)
        {
            int pc = p.GetValueOrDefault(key);
            tp += Math.Min(gc, pc);
            fn += Math.Max(0, gc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - g.GetValueOrDefault(key));
        return new PageCounts(tp, fp, fn, predictedTokens.Count == 0, goldTokens.Count == 0, goldTokens.SequenceEqual(predictedTokens));
    }

    public static Figures Score(IReadOnlyList<PageCounts> pages)
    {
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0, exact = 0;
        foreach (var page in pages)
        {
            bool perfect = page.FalsePositives == 0 && page.FalseNegatives == 0;
            if (!page.PredictionEmpty)
            {
                precisionSum += perfect ? 1 : page.TruePositives == 0 ? 0 : (double)page.TruePositives / (page.TruePositives + page.FalsePositives);
                precisionPages++;
            }
            if (!page.GoldEmpty)
            {
                recallSum += perfect ? 1 : page.TruePositives == 0 ? 0 : (double)page.TruePositives / (page.TruePositives + page.FalseNegatives);
                recallPages++;
            }
            if (page.ExactTokens) exact++;
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Figures(precision, recall, f1, pages.Count == 0 ? 0 : (double)exact / pages.Count, pages.Count);
    }
}
