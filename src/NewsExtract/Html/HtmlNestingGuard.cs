using System.Text;

namespace NewsExtract.Html;

/// <summary>
/// Flattens absurdly deep nesting, and caps the number of elements, before parsing. HtmlAgilityPack does work proportional to the depth
/// for every element it attaches, so 100,000 nested &lt;div&gt;s take minutes; no real page nests more than
/// a few hundred levels. Tags opened beyond <see cref="MaxDepth"/> (and the closing tags that match them)
/// are dropped; their text stays. Likewise every tag after the first <see cref="MaxElements"/>: the parser costs about
/// 1 kB per element, so a page of nothing but "&lt;b&gt;a&lt;/b&gt;" took 150 MB per MB of input; no real page comes near
/// the cap (large portal pages have a few thousand elements). One linear scan; the string is only copied when something
/// is dropped.
/// </summary>
internal static class HtmlNestingGuard
{
    public const int MaxDepth = 2_000;

    public const int MaxElements = 100_000;

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
        { "br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track", "keygen" };

    // Looked up by span: a substring per tag was most of what the scan allocated.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidTagNames = VoidTags.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Flatten(string html, List<string> warnings)
    {
        int depth = 0, dropped = 0, droppedTotal = 0, copiedUpTo = 0, elements = 0, droppedForCount = 0, droppedForDepth = 0;
        StringBuilder? output = null;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            int end = html.IndexOf('>', i + 1);
            if (end < 0) break;
            bool closing = i + 1 < html.Length && html[i + 1] == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == nameStart) { i = end + 1; continue; }
            bool drop;
            if (html[end - 1] == '/' || VoidTagNames.Contains(html.AsSpan(nameStart, nameEnd - nameStart)))
            {
                // An element without content (<br>, <img/>): kept while under the element cap.
                drop = !closing && ++elements > MaxElements;
                if (drop) droppedForCount++;
            }
            else if (!closing)
            {
                bool overCount = ++elements > MaxElements, tooDeep = depth >= MaxDepth;
                drop = overCount || tooDeep;
                if (overCount) droppedForCount++;
                else if (tooDeep) droppedForDepth++;
                if (drop) dropped++; else depth++;
            }
            else
            {
                drop = dropped > 0;
                if (drop) dropped--; else if (depth > 0) depth--;
            }
            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copiedUpTo, i - copiedUpTo);
                copiedUpTo = end + 1;
                droppedTotal++;
            }
            i = end + 1;
        }
        if (output is null) return html;
        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        if (droppedForCount > 0)
            warnings.Add($"The page has more than {MaxElements:N0} elements; the tags after that were ignored (their text is kept).");
        if (droppedForDepth > 0)
            warnings.Add($"The page nests elements deeper than {MaxDepth} levels; {droppedTotal} tags beyond that depth were ignored (their text is kept).");
        return output.ToString();
    }
}
