namespace NewsExtract.Html;

/// <summary>
/// What a saved news page says: the article body without boilerplate (one paragraph per line) and
/// the page metadata. <see cref="Body"/> is the text every record offset refers to.
/// </summary>
/// <param name="Body">Article paragraphs in page order, separated by <c>\n</c>; empty when no article was found.</param>
/// <param name="Title">Headline (og:title, JSON-LD headline, h1 or &lt;title&gt; without the site suffix).</param>
/// <param name="Published">Publication day; relative dates in the body resolve against it.</param>
/// <param name="Outlet">Site or publisher name.</param>
/// <param name="Author">Author or reporter as the page names them.</param>
/// <param name="CanonicalUrl">rel=canonical, og:url, or the URL the caller gave.</param>
/// <param name="Warnings">Things a reader should check (encoding fallback, no article found, ...).</param>
internal sealed record HtmlArticle(
    string Body,
    string? Title,
    DateOnly? Published,
    string? Outlet,
    string? Author,
    string? CanonicalUrl,
    IReadOnlyList<string> Warnings);
