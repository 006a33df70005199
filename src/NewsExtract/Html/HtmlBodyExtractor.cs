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
        // The lenient pass reads the page again without skipping boilerplate classes, because a strict
        // pass can lose the whole page to a layout class on its wrapper ("header-style-1", "penci-wrap").
        // Inside the article container the classes still mean what they say: a share bar, an author box
        // or a comment form there is not article text.
        int[]? boilerplate = strict ? null : page.NearestBoilerplate();
        var selected = SelectWithSiblings(page, top, boilerplate);
        return Render(page, selected, title, boilerplate);
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

    private static List<int> SelectWithSiblings(PageModel page, int top, int[]? boilerplate)
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
            if (boilerplate is not null && boilerplate[sibling] == sibling) continue;
            if (sibling > top && HoldsAnotherArticle(page, sibling)) continue;
            double bonus = topClass.Length > 0 && page.Node(sibling).GetAttributeValue("class", "") == topClass ? topScore * 0.2 : 0;
            if (page.Score[sibling] + bonus >= threshold) { selected.Add(sibling); continue; }
            if (!HtmlHints.ParagraphTags.Contains(page.Tag(sibling)) && page.Tag(sibling) is not "div") continue;
            int length = page.TextLength[sibling];
            double density = page.LinkDensity(sibling);
            if (length > 80 && density < 0.25) selected.Add(sibling);
            else if (length is > 0 and <= 80 && density == 0 && page.EndsSentence(sibling)) selected.Add(sibling);
        }
        AddChunks(page, top, selected, boilerplate);
        return selected;
    }

    /// <summary>
    /// Whether a container after the article begins other articles: it holds an h1 (the next story of an endless
    /// page has its own headline) or a heading that is a link to another story ("More in Sport": teasers with a
    /// linked headline and a long excerpt, whose text passes for paragraphs). A continuation of the article after
    /// an ad may hold subheadings, but they are not links.
    /// </summary>
    private static bool HoldsAnotherArticle(PageModel page, int container)
    {
        // On the page itself, not the model: a teaser's headline often sits in a <header>, which the model drops.
        foreach (var node in HtmlTree.Elements(page.Node(container)))
        {
            if (node.Name is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6")) continue;
            int text = LetterCount(HtmlTree.Text(node, 500));
            if (text == 0) continue;
            if (node.Name == "h1") return true;
            int linked = 0;
            foreach (var link in HtmlTree.Elements(node))
                if (link.Name == "a" && link.Attributes["href"] is not null) linked += LetterCount(HtmlTree.Text(link, 500));
            if (linked >= LinkedHeadlineLength && linked * 5 >= text * 4) return true;
        }
        return false;
    }

    private static int LetterCount(string text)
    {
        int count = 0;
        foreach (char c in text)
            if (char.IsLetterOrDigit(c)) count++;
        return count;
    }

    /// <summary>Letters of a linked heading that make it a story's headline rather than "Sport" or "Video".</summary>
    private const int LinkedHeadlineLength = 15;

    /// <summary>
    /// An article cut into chunks between ads (<c>div.chunks &gt; div.grid &gt; div.body</c>, repeated): the best
    /// chunk's wrapper has siblings with the same class, each holding a container with the best chunk's
    /// class. Those containers are the rest of the article, before and after it.
    /// </summary>
    private static void AddChunks(PageModel page, int top, List<int> selected, int[]? boilerplate)
    {
        int wrapper = page.Parent[top];
        if (wrapper < 0 || page.Parent[wrapper] < 0) return;
        string topClass = page.Node(top).GetAttributeValue("class", "");
        string wrapperClass = page.Node(wrapper).GetAttributeValue("class", "");
        if (topClass.Length == 0 || wrapperClass.Length == 0) return;
        foreach (int other in page.Children(page.Parent[wrapper]))
        {
            if (other == wrapper || page.Node(other).GetAttributeValue("class", "") != wrapperClass) continue;
            foreach (int chunk in page.Children(other))
            {
                if (page.Node(chunk).GetAttributeValue("class", "") != topClass || page.TextLength[chunk] == 0 || page.LinkDensity(chunk) >= 0.25) continue;
                if (boilerplate is not null && boilerplate[chunk] == chunk) continue;
                selected.Add(chunk);
            }
        }
    }

    private static string Render(PageModel page, List<int> selected, string? title, int[]? boilerplate)
    {
        var kept = new List<string>();
        bool inRelatedList = false;
        var captions = FindCaptions(page, selected);
        foreach (var block in page.Blocks)
        {
            if (!IsInside(page, block.Owner, selected)) continue;
            if (captions.Count > 0 && IsInside(page, block.Owner, captions)) continue;
            if (boilerplate is not null && InsideBoilerplate(page, block.Owner, selected, boilerplate)) continue;
            string text = block.Text;
            string tag = page.Tag(block.Owner);
            // A long unlinked sentence that starts like one ("Berita terkait pemilu itu menyebar cepat ...") is text.
            if ((text.Length <= RelatedLineLength || block.LinkDensity >= 0.3) && HtmlHints.RelatedLine().IsMatch(text))
            {
                // "Baca juga:" alone heads a list of links; "Baca juga: <title>" is the link itself.
                inRelatedList = true;
                continue;
            }
            bool listLike = tag is "li" or "dd" or "dt" || block.LinkDensity > 0.3;
            if (inRelatedList && listLike) continue;
            inRelatedList = false;
            if (block.LinkDensity > 0.5 && !IsListItemWithText(page, block)) continue;
            if (tag == "h1") continue;
            if (text.Length <= 60 && HtmlHints.WidgetLine().IsMatch(text)) continue;
            if (title is not null && text.Length < 300 && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add(text);
        }
        DropRepeats(kept);
        // Bylines, date lines and labels sit at the edges of the article container ("Andi Saputra -
        // detikNews", "Kamis, 24 Sep 2020 14:05 WIB"): short, and not sentences.
        // A longer run of short lines is content laid out as a list or table (a calendar, tour dates): keep it.
        // On a photo or video page the article is one or two sentences under a date and a rubric label
        // ("Selasa, 23/02/2016 15:32 WIB", "FotoBisnis"): the labels are few blocks but little text.
        int first = 0, last = kept.Count - 1;
        while (first < last && IsEdgeLabel(kept[first]) && !ReadsLikeProse(kept[first])) first++;
        if (!AreEdgeLabels(kept, 0, first)) first = 0;
        int end = last;
        while (last > first && IsEdgeLabel(kept[last])) last--;
        if (!AreEdgeLabels(kept, last + 1, end - last)) last = end;
        return string.Join('\n', kept.Skip(first).Take(last - first + 1));
    }

    /// <summary>
    /// A list item that leads with a link to the full story and goes on with a sentence of its own, in a list that is
    /// not mostly links: <c>&lt;li&gt;&lt;a&gt;Ousted CEO can still name directors to the board&lt;/a&gt;. He can still
    /// influence the company, a report says.&lt;/li&gt;</c>, an item of a list-style article ("10 things you need to
    /// know"). A related-links list has no such sentences.
    /// </summary>
    private static bool IsListItemWithText(PageModel page, TextBlock block) =>
        page.Tag(block.Owner) == "li" && block.Length - block.LinkLength >= ListItemOwnText
        && HtmlHints.EndsLikeSentence(block.Text[^1])
        && page.Parent[block.Owner] is var list and >= 0 && page.LinkDensity(list) <= ListLinkDensity;

    // Characters of unlinked text that make a sentence ("He said so." is too short to tell).
    private const int ListItemOwnText = 30;
    private const double ListLinkDensity = 0.75;

    // A caption is short: a sentence or two and a credit ("Musisi dunia ... Grammy Awards ke-58. (Grammy)").
    private const int CaptionLength = 200;

    /// <summary>
    /// Elements inside the article that hold an image caption, found by layout rather than by class name:
    /// a container that holds an image and a little text (<c>&lt;div class="photo"&gt;&lt;img&gt;&lt;span&gt;Foto: ...</c>),
    /// or a short container right after an element that holds only an image
    /// (<c>&lt;div class="thumb"&gt;&lt;img&gt;&lt;/div&gt;&lt;div class="desc"&gt;Caption&lt;/div&gt;</c>). Paragraph
    /// and heading elements never count: a paragraph may start with an inline picture.
    /// </summary>
    private static List<int> FindCaptions(PageModel page, List<int> selected)
    {
        var captions = new List<int>();
        // Pre-order visits the children of a node in order, so the last child seen is the previous sibling.
        var previousSibling = new int[page.Count];
        var lastChild = new int[page.Count];
        Array.Fill(lastChild, -1);
        for (int i = 0; i < page.Count; i++)
        {
            int p = page.Parent[i];
            previousSibling[i] = p < 0 ? -1 : lastChild[p];
            if (p >= 0) lastChild[p] = i;
        }
        foreach (int root in selected)
        {
            for (int i = root + 1; i <= page.SubtreeEnd[root]; i++)
            {
                if (!MayBeCaption(page, i)) continue;
                if (page.ImageCount[i] > 0 || FollowsImage(page, i, previousSibling[i]))
                {
                    captions.Add(i);
                    i = page.SubtreeEnd[i];
                }
            }
        }
        return captions;
    }

    // Only plain containers: an icon inside a list item, a table cell or a run of inline text is no caption.
    private static bool MayBeCaption(PageModel page, int i) =>
        page.TextLength[i] is > 0 and <= CaptionLength && page.Tag(i) is "div" or "section" or "center";

    /// <summary>Whether the element just before <paramref name="i"/> (skipping blank text) is an image or holds only images.</summary>
    private static bool FollowsImage(PageModel page, int i, int before)
    {
        if (page.ImageCount[i] > 0) return false;
        var previous = page.Node(i).PreviousSibling;
        while (previous is not null && (previous.NodeType == HtmlNodeType.Comment
               || (previous.NodeType == HtmlNodeType.Text && string.IsNullOrWhiteSpace(previous.InnerText))))
            previous = previous.PreviousSibling;
        if (previous is null || previous.NodeType != HtmlNodeType.Element) return false;
        if (previous.Name is "img" or "picture" or "figure") return true;
        // Otherwise the previous element must be the previous visible sibling and hold images and no text.
        return before >= 0 && page.Node(before) == previous && page.ImageCount[before] > 0
               && page.TextLength[before] == page.LinkLength[before];
    }

    /// <summary>
    /// Drops a short block whose text is part of a longer block kept elsewhere in the body: a pull quote
    /// ("... korban ... masih di bawah umur...") or a teaser line repeated from a paragraph. Equal blocks
    /// stay: a questionnaire or a meal plan repeats its lines on purpose.
    /// </summary>
    private static void DropRepeats(List<string> kept)
    {
        if (kept.Count < 2) return;
        var keys = kept.Select(RepeatKey).ToList();
        var drop = new bool[kept.Count];
        for (int a = 0; a < kept.Count; a++)
        {
            if (keys[a].Length < MinRepeatLength || keys[a].Length > MaxRepeatLength) continue;
            // A pull quote sits near the paragraph it repeats; the window keeps the pass linear.
            for (int b = Math.Max(0, a - RepeatWindow); b < Math.Min(kept.Count, a + RepeatWindow + 1) && !drop[a]; b++)
            {
                if (a == b) continue;
                if (keys[b].Length > keys[a].Length && keys[b].Contains(keys[a], StringComparison.Ordinal))
                    drop[a] = true;
            }
        }
        int w = 0;
        for (int r = 0; r < kept.Count; r++)
            if (!drop[r]) kept[w++] = kept[r];
        kept.RemoveRange(w, kept.Count - w);
    }

    private const int MinRepeatLength = 60;
    private const int MaxRepeatLength = 400;
    private const int RepeatWindow = 20;

    // Letters and digits only, lowercased: the pull quote loses its quotes and ellipses.
    private static string RepeatKey(string text)
    {
        char[] key = new char[text.Length];
        int length = 0;
        foreach (char c in text)
        {
            // ASCII first: ToLowerInvariant of other letters goes through ICU and cost more than the rest of the pass.
            if (char.IsAsciiLetterOrDigit(c)) key[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            else if (c >= 128 && char.IsLetterOrDigit(c)) key[length++] = char.ToLowerInvariant(c);
            else if (length > 0 && key[length - 1] != ' ') key[length++] = ' ';
        }
        while (length > 0 && key[length - 1] == ' ') length--;
        return new string(key, 0, length);
    }

    private static bool AreEdgeLabels(List<string> kept, int start, int count)
    {
        if (count == 0) return true;
        if (count > MaxEdgeLabels) return false;
        if (count * 3 <= kept.Count) return true;
        int labels = 0, total = 0;
        for (int i = 0; i < kept.Count; i++)
        {
            total += kept[i].Length;
            if (i >= start && i < start + count) labels += kept[i].Length;
        }
        return labels * 4 < total;
    }

    private static bool IsEdgeLabel(string text) =>
        text.Length < EdgeLabelLength && text[^1] != ':' && !HtmlHints.EndsLikeSentence(text[^1]);

    /// <summary>
    /// Whether a short line without a full stop is a clause rather than a label: five or more words, at least two
    /// thirds of the words after the first in lower case, and no digit (a date line in Portuguese, "sexta-feira, 22
    /// de outubro de 2010 às 20:13", has lower-case words too). A lead that introduces a list ("Характеристики
    /// бега можно увеличить за счет кодов", then the codes) reads so; a byline ("Laporan wartawan Tribunnews.com,
    /// Andi Saputra"), a date line or a rubric has capitalised names, digits and few words. Scripts without case
    /// (Japanese, Chinese) never read so here: their leads end in "。".
    /// </summary>
    private static bool ReadsLikeProse(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return false;
        int words = 0, lower = 0;
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int letter = 0;
            while (letter < token.Length && !char.IsLetter(token[letter])) letter++;
            if (letter == token.Length) continue;
            if (words++ > 0 && char.IsLower(token[letter])) lower++;
        }
        return words >= ProseWords && lower * 3 >= (words - 1) * 2;
    }

    private const int ProseWords = 5;

    private const int EdgeLabelLength = 80;
    private const int RelatedLineLength = 150;
    private const int MaxEdgeLabels = 3;

    /// <summary>
    /// Whether a boilerplate-classed element lies between <paramref name="node"/> (inclusive) and the selected
    /// root holding it, and holds less than half of the root's text: one that holds most of it is the
    /// article under a misleading class ("js_post-content-wrapper ad-..."), not a box inside it.
    /// </summary>
    private static bool InsideBoilerplate(PageModel page, int node, List<int> roots, int[] boilerplate)
    {
        foreach (int root in roots)
            if (node >= root && node <= page.SubtreeEnd[root])
                return boilerplate[node] > root && page.TextLength[boilerplate[node]] * 2 < page.TextLength[root];
        return false;
    }

    private static bool IsInside(PageModel page, int node, List<int> roots)
    {
        foreach (int root in roots)
            if (node >= root && node <= page.SubtreeEnd[root]) return true;
        return false;
    }
}
