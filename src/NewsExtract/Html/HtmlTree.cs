using System.Text;
using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>
/// Depth-safe walks over an HtmlAgilityPack tree. HtmlAgilityPack's own Descendants/InnerText recurse
/// once per nesting level, which overflows the stack on a page with 100,000 nested elements; these
/// helpers use an explicit stack instead.
/// </summary>
internal static class HtmlTree
{
    /// <summary>Elements under <paramref name="root"/> (root excluded) in document order.</summary>
    public static IEnumerable<HtmlNode> Elements(HtmlNode root)
    {
        var stack = new Stack<HtmlNode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element) continue;
            yield return node;
            PushChildren(stack, node);
        }
    }

    /// <summary>Like <see cref="Elements"/>, as a list built in one loop (the whole page is walked once per read, and the iterator cost more than the walk).</summary>
    public static List<HtmlNode> ElementList(HtmlNode root)
    {
        var elements = new List<HtmlNode>();
        var stack = new Stack<HtmlNode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element) continue;
            elements.Add(node);
            var children = node.ChildNodes;
            for (int i = children.Count - 1; i >= 0; i--)
                if (children[i].NodeType == HtmlNodeType.Element) stack.Push(children[i]);
        }
        return elements;
    }

    /// <summary>The visible text of <paramref name="root"/>, entities decoded and whitespace collapsed.</summary>
    public static string Text(HtmlNode root, int maxLength = int.MaxValue)
    {
        var text = new StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0 && text.Length < maxLength)
        {
            var node = stack.Pop();
            switch (node.NodeType)
            {
                case HtmlNodeType.Text:
                    AppendCollapsed(text, HtmlEntity.DeEntitize(((HtmlTextNode)node).Text));
                    break;
                case HtmlNodeType.Element when node != root && HtmlHints.IsInvisible(node.Name):
                    break;
                case HtmlNodeType.Element when node.Name is "br" or "p" or "div" or "li":
                    AppendCollapsed(text, " ");
                    PushChildren(stack, node);
                    break;
                case HtmlNodeType.Element or HtmlNodeType.Document:
                    PushChildren(stack, node);
                    break;
            }
        }
        return text.ToString().Trim();
    }

    /// <summary>Appends <paramref name="raw"/> with every whitespace run as one space (no double spaces at the seam).</summary>
    public static void AppendCollapsed(StringBuilder target, string raw)
    {
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                if (target.Length > 0 && target[^1] != ' ') target.Append(' ');
            }
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                // zero-width and soft-hyphen characters carry no text
            }
            else
            {
                target.Append(c);
            }
        }
    }

    public static string Collapse(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        AppendCollapsed(sb, raw);
        return sb.ToString().Trim();
    }

    private static void PushChildren(Stack<HtmlNode> stack, HtmlNode node)
    {
        var children = node.ChildNodes;
        for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
    }
}
