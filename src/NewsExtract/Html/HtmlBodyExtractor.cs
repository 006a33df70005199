using System.Text;
using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>
/// Finds the article body of a page the way readability and trafilatura do: cut the page into text
/// blocks, score containers by the paragraphs they hold (length, commas, link density, class/id hints),
/// take the best container together with sibling containers that look like its continuation
/// (articles split by ads), then prune related-link blocks, widgets and link lists inside it.
/// Every walk is iterative and every pass is linear in the number of nodes.
/// </summary>
internal static class HtmlBodyExtractor
{
    // Below this many characters a strict pass probably cut the article with its class hints; retry leniently.
    private const int ShortBody = 250;

    public static string Extract(HtmlDocument document, string? title, List<string> warnings)
    {
        var strict = Run(document, title, strict: true);
        var body = strict;
        if (strict.Length < ShortBody)
        {
            var lenient = Run(document, title, strict: false);
            if (lenient.Length > strict.Length * 2 && lenient.Length >= ShortBody) body = lenient;
        }
        if (body.Length == 0)
            warnings.Add("No article text found on the page (no block of running text outside navigation and link lists); the body is empty.");
        else if (body.Length < 150)
            warnings.Add($"Very little article text found ({body.Length} characters); the page may not be an article.");
        return body;
    }

    private static string Run(HtmlDocument document, string? title, bool strict)
    {
        var page = PageModel.Build(document.DocumentNode, strict);
        if (page.Blocks.Count == 0) return "";
        int top = ChooseTopCandidate(page);
        if (top < 0) return "";
        var selected = SelectWithSiblings(page, top);
        return Render(page, selected, title);
    }

    private static int ChooseTopCandidate(PageModel page)
    {
        var score = new double[page.Count];
        var scored = new bool[page.Count];
        foreach (var block in page.Blocks)
        {
            int length = block.Length;
            if (length < 25 || block.LinkDensity > 0.5) continue;
            double contribution = 1 + block.Commas + Math.Min(length / 100, 3);
            int owner = block.Owner;
            int node = HtmlHints.ParagraphTags.Contains(page.Tag(owner)) || !page.HasBlockChild[owner] ? page.Parent[owner] : owner;
            for (int level = 0; level < 3 && node >= 0; level++, node = page.Parent[node])
            {
                if (!scored[node]) { scored[node] = true; score[node] += page.InitialScore(node); }
                score[node] += level switch { 0 => contribution, 1 => contribution / 2, _ => contribution / (level * 3) };
            }
        }
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < page.Count; i++)
        {
            if (!scored[i]) continue;
            score[i] *= 1 - page.LinkDensity(i);
            if (score[i] > bestScore) { bestScore = score[i]; best = i; }
        }
        page.Score = score;
        if (best < 0) return -1;

        // A candidate that is the only child of its parent tells nothing its parent would not: climb, so
        // that sibling containers (the second half of an article split by an ad) become visible.
        while (page.Parent[best] >= 0 && page.ElementChildCount[page.Parent[best]] == 1 && page.Tag(page.Parent[best]) is not ("body" or "html"))
            best = page.Parent[best];
        return best;
    }

    private static List<int> SelectWithSiblings(PageModel page, int top)
    {
        var selected = new List<int>();
        int parent = page.Parent[top];
        if (parent < 0) { selected.Add(top); return selected; }
        double topScore = page.Score[top];
        double threshold = Math.Max(10, topScore * 0.2);
        string topClass = page.Node(top).GetAttributeValue("class", "");
        foreach (int sibling in page.Children(parent))
        {
            if (sibling == top) { selected.Add(sibling); continue; }
            double bonus = topClass.Length > 0 && page.Node(sibling).GetAttributeValue("class", "") == topClass ? topScore * 0.2 : 0;
            if (page.Score[sibling] + bonus >= threshold) { selected.Add(sibling); continue; }
            if (!HtmlHints.ParagraphTags.Contains(page.Tag(sibling)) && page.Tag(sibling) is not "div") continue;
            int length = page.TextLength[sibling];
            double density = page.LinkDensity(sibling);
            if (length > 80 && density < 0.25) selected.Add(sibling);
            else if (length is > 0 and <= 80 && density == 0 && page.EndsSentence(sibling)) selected.Add(sibling);
        }
        return selected;
    }

    private static string Render(PageModel page, List<int> selected, string? title)
    {
        var kept = new List<string>();
        bool inRelatedList = false;
        foreach (var block in page.Blocks)
        {
            if (!IsInside(page, block.Owner, selected)) continue;
            string text = block.Text;
            string tag = page.Tag(block.Owner);
            if (HtmlHints.RelatedLine().IsMatch(text))
            {
                // "Baca juga:" alone heads a list of links; "Baca juga: <title>" is the link itself.
                inRelatedList = true;
                continue;
            }
            bool listLike = tag is "li" or "dd" or "dt" || block.LinkDensity > 0.3;
            if (inRelatedList && listLike) continue;
            inRelatedList = false;
            if (block.LinkDensity > 0.5) continue;
            if (tag == "h1") continue;
            if (text.Length <= 60 && HtmlHints.WidgetLine().IsMatch(text)) continue;
            if (title is not null && text.Length < 300 && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add(text);
        }
        // Bylines, date lines and labels sit at the edges of the article container ("Andi Saputra -
        // detikNews", "Kamis, 24 Sep 2020 14:05 WIB"): short, and not sentences.
        // A longer run of short lines is content laid out as a list or table (a calendar, tour dates): keep it.
        int first = 0, last = kept.Count - 1;
        while (first < last && IsEdgeLabel(kept[first])) first++;
        if (first > MaxEdgeLabels || first * 3 > kept.Count) first = 0;
        int end = last;
        while (last > first && IsEdgeLabel(kept[last])) last--;
        if (end - last > MaxEdgeLabels || (end - last) * 3 > kept.Count) last = end;
        return string.Join('\n', kept.Skip(first).Take(last - first + 1));
    }

    private static bool IsEdgeLabel(string text) =>
        text.Length < EdgeLabelLength && text[^1] is not ('.' or '!' or '?' or '"' or '\u201D' or ':' or ')');

    private const int EdgeLabelLength = 80;
    private const int MaxEdgeLabels = 3;

    private static bool IsInside(PageModel page, int node, List<int> roots)
    {
        foreach (int root in roots)
            if (node >= root && node <= page.SubtreeEnd[root]) return true;
        return false;
    }
}
