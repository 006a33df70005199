using System.Text;
using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>One run of inline text between block boundaries, owned by its nearest block element.</summary>
internal sealed record TextBlock(int Owner, string Text, int Length, int LinkLength, int Commas)
{
    public double LinkDensity => Length == 0 ? 0 : (double)LinkLength / Length;
}

/// <summary>
/// A flat view of the visible elements of a page: pre-order index, parent, subtree end, aggregated
/// text and link lengths, and the text blocks in document order. Building it is one iterative walk plus
/// one reverse pass, so it costs time linear in the page and no stack depth.
/// </summary>
internal sealed class PageModel
{
    private readonly List<HtmlNode> nodes = [];
    private readonly List<int> parents = [];
    private readonly List<int> subtreeEnd = [];
    private readonly List<bool> hasBlockChild = [];
    private readonly List<int> elementChildCount = [];
    private readonly List<string> tags = [];
    private readonly List<string> hints = [];

    public List<TextBlock> Blocks { get; } = [];
    public int Count => nodes.Count;
    public IReadOnlyList<int> Parent => parents;
    public IReadOnlyList<int> SubtreeEnd => subtreeEnd;
    public IReadOnlyList<bool> HasBlockChild => hasBlockChild;
    public IReadOnlyList<int> ElementChildCount => elementChildCount;
    public int[] TextLength { get; private set; } = [];
    public int[] LinkLength { get; private set; } = [];
    /// <summary>Images (img, picture, figure) in the subtree of each element.</summary>
    public int[] ImageCount { get; private set; } = [];
    public double[] Score { get; set; } = [];

    public HtmlNode Node(int i) => nodes[i];
    public string Tag(int i) => tags[i];
    public double LinkDensity(int i) => TextLength[i] == 0 ? 0 : (double)LinkLength[i] / TextLength[i];

    public double InitialScore(int i)
    {
        double score = HtmlHints.TagWeight(tags[i]);
        if (hints[i].Length > 0)
        {
            if (HtmlHints.NegativeHint().IsMatch(hints[i])) score -= 25;
            // A class saying "content" vouches for the text a container holds, not for a container that
            // holds a line or two: a "content-wrapper title" box with the byline must not outscore the
            // article whose paragraphs are dense with links to people pages.
            if (HtmlHints.PositiveHint().IsMatch(hints[i])) score += TextLength[i] >= HintedTextNeeded ? 25 : 25.0 * TextLength[i] / HintedTextNeeded;
        }
        return score;
    }

    /// <summary>Characters a container must hold before its content class hint counts in full.</summary>
    private const int HintedTextNeeded = 500;

    /// <summary>
    /// Whether the class/id of element <paramref name="i"/> says boilerplate (comments, share bar, author box)
    /// and not content; the page's outer elements (html, body, article, main) never do.
    /// </summary>
    public bool IsBoilerplate(int i) =>
        hints[i].Length > 0 && tags[i] is not ("html" or "body" or "article" or "main")
        && HtmlHints.NegativeHint().IsMatch(hints[i]) && !HtmlHints.PositiveHint().IsMatch(hints[i]);

    /// <summary>For each element, the nearest element at or above it whose class says boilerplate (-1 when none).</summary>
    public int[] NearestBoilerplate()
    {
        var nearest = new int[Count];
        for (int i = 0; i < Count; i++)
            nearest[i] = IsBoilerplate(i) ? i : parents[i] >= 0 ? nearest[parents[i]] : -1;
        return nearest;
    }

    public IEnumerable<int> Children(int parent)
    {
        for (int i = parent + 1; i <= subtreeEnd[parent]; i = subtreeEnd[i] + 1)
            yield return i;
    }

    public bool EndsSentence(int i)
    {
        for (int b = 0; b < Blocks.Count; b++)
        {
            var block = Blocks[b];
            if (block.Owner >= i && block.Owner <= subtreeEnd[i] && (b + 1 == Blocks.Count || Blocks[b + 1].Owner > subtreeEnd[i]))
                return block.Text.Length > 0 && HtmlHints.EndsLikeSentence(block.Text[^1]);
        }
        return false;
    }

    /// <summary>
    /// Walks the page. In <paramref name="strict"/> mode containers whose class/id says boilerplate
    /// (comments, share bars, related links) are skipped whole, unless they also say content.
    /// </summary>
    public static PageModel Build(HtmlNode root, bool strict)
    {
        var page = new PageModel();
        var stack = new Stack<(HtmlNode Node, int Parent, int ExitOf)>();
        var inline = new StringBuilder();
        int inlineLength = 0, inlineLinkLength = 0, inlineCommas = 0, linkDepth = 0;
        var owners = new Stack<int>();
        var imagesIn = new List<int>();

        void Flush()
        {
            if (owners.Count == 0 || inlineLength == 0) { inline.Clear(); inlineLength = inlineLinkLength = inlineCommas = 0; return; }
            var text = inline.ToString().Trim();
            if (text.Length > 0)
                page.Blocks.Add(new TextBlock(owners.Peek(), text, inlineLength, inlineLinkLength, inlineCommas));
            inline.Clear();
            inlineLength = inlineLinkLength = inlineCommas = 0;
        }

        stack.Push((root, -1, -1));
        while (stack.Count > 0)
        {
            var (node, parent, exitOf) = stack.Pop();
            if (exitOf >= 0)
            {
                // leaving element exitOf
                page.subtreeEnd[exitOf] = page.nodes.Count - 1;
                string exitTag = page.tags[exitOf];
                if (exitTag == "a") linkDepth--;
                if (HtmlHints.BlockTags.Contains(exitTag)) { Flush(); owners.Pop(); }
                continue;
            }
            switch (node.NodeType)
            {
                case HtmlNodeType.Text:
                {
                    if (owners.Count == 0) break;
                    var raw = ((HtmlTextNode)node).Text;
                    var text = raw.Contains('&') ? HtmlEntity.DeEntitize(raw) : raw;
                    int before = inline.Length;
                    HtmlTree.AppendCollapsed(inline, text);
                    int added = 0, commas = 0;
                    for (int k = before; k < inline.Length; k++)
                    {
                        char c = inline[k];
                        if (c != ' ') added++;
                        if (c is ',' or '，' or '、' or '،') commas++;
                    }
                    inlineLength += added;
                    inlineCommas += commas;
                    if (linkDepth > 0) inlineLinkLength += added;
                    break;
                }
                case HtmlNodeType.Document:
                    PushChildren(stack, node, parent);
                    break;
                case HtmlNodeType.Element:
                {
                    string tag = node.Name;
                    if (HtmlHints.DroppedTags.Contains(tag) || IsHidden(node))
                    {
                        if (parent >= 0 && tag is "img" or "picture" or "figure") imagesIn[parent]++;
                        break;
                    }
                    string hint = HintOf(node);
                    if (strict && hint.Length > 0 && tag is not ("html" or "body" or "article" or "main")
                        && HtmlHints.NegativeHint().IsMatch(hint) && !HtmlHints.PositiveHint().IsMatch(hint))
                        break;
                    if (tag == "br")
                    {
                        Flush();
                        break;
                    }
                    int index = page.nodes.Count;
                    page.nodes.Add(node);
                    page.parents.Add(parent);
                    page.subtreeEnd.Add(index);
                    page.hasBlockChild.Add(false);
                    page.elementChildCount.Add(0);
                    page.tags.Add(tag);
                    page.hints.Add(hint);
                    imagesIn.Add(0);
                    if (parent >= 0) page.elementChildCount[parent]++;
                    bool block = HtmlHints.BlockTags.Contains(tag);
                    if (block)
                    {
                        Flush();
                        if (parent >= 0) page.hasBlockChild[parent] = true;
                        owners.Push(index);
                    }
                    if (tag == "a") linkDepth++;
                    stack.Push((node, parent, index));
                    PushChildren(stack, node, index);
                    break;
                }
            }
        }
        Flush();

        page.TextLength = new int[page.Count];
        page.LinkLength = new int[page.Count];
        page.ImageCount = [.. imagesIn];
        foreach (var block in page.Blocks)
        {
            page.TextLength[block.Owner] += block.Length;
            page.LinkLength[block.Owner] += block.LinkLength;
        }
        for (int i = page.Count - 1; i > 0; i--)
        {
            int p = page.parents[i];
            if (p < 0) continue;
            page.TextLength[p] += page.TextLength[i];
            page.LinkLength[p] += page.LinkLength[i];
            page.ImageCount[p] += page.ImageCount[i];
        }
        page.Score = new double[page.Count];
        return page;
    }

    private static void PushChildren(Stack<(HtmlNode, int, int)> stack, HtmlNode node, int parent)
    {
        var children = node.ChildNodes;
        for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], parent, -1));
    }

    private static string HintOf(HtmlNode node)
    {
        string cls = node.GetAttributeValue("class", "");
        string id = node.GetAttributeValue("id", "");
        if (cls.Length == 0 && id.Length == 0) return "";
        return id.Length == 0 ? cls : cls.Length == 0 ? id : cls + " " + id;
    }

    private static bool IsHidden(HtmlNode node)
    {
        if (node.Attributes.Count == 0) return false;
        if (node.Attributes["hidden"] is not null) return true;
        if (node.GetAttributeValue("aria-hidden", "") == "true" && node.Name is not ("p" or "article" or "main" or "body")) return true;
        var style = node.GetAttributeValue("style", "");
        if (style.Length == 0) return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }
}
