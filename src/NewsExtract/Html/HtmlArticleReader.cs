using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>
/// Reads a saved news page: decodes the bytes, parses the markup, reads the metadata and extracts the
/// article body. Malformed markup, missing metadata or a page without an article degrade to warnings;
/// only input that is not text at all is refused.
/// </summary>
internal static class HtmlArticleReader
{
    /// <summary>Reads a page from its bytes. <paramref name="url"/> (where the page was fetched) helps with the date and canonical URL.</summary>
    /// <exception cref="InvalidDataException">The bytes are binary (image, PDF, archive, compressed), not HTML or text.</exception>
    public static HtmlArticle Read(ReadOnlySpan<byte> bytes, string? url = null)
    {
        var warnings = new List<string>();
        var html = HtmlDecoder.Decode(bytes, warnings);
        return ReadDecoded(html, url, warnings);
    }

    /// <summary>Reads a page from a stream (read to the end, not disposed).</summary>
    /// <exception cref="InvalidDataException">The bytes are binary, not HTML or text.</exception>
    public static HtmlArticle Read(Stream stream, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), url);
    }

    /// <summary>Reads an already decoded page.</summary>
    public static HtmlArticle ReadText(string html, string? url = null) => ReadDecoded(html, url, []);

    private static HtmlArticle ReadDecoded(string html, string? url, List<string> warnings)
    {
        // Default parser options: OptionAutoCloseOnEnd re-nests unclosed elements at the end of the
        // document and empties the body of some real pages (nytimes.com).
        // The bytes are already decoded: the parser must not act on <meta charset> itself (for "utf-7" it throws).
        var document = new HtmlDocument { OptionEmptyCollection = true, OptionReadEncoding = false };
        document.LoadHtml(HtmlNestingGuard.Flatten(html, warnings));
        if (document.DocumentNode.ChildNodes.Count == 0 || html.AsSpan().Trim().IsEmpty)
            warnings.Add("The page is empty.");
        var metadata = HtmlMetadataReader.Read(document, url, warnings);
        var body = HtmlBodyExtractor.Extract(document, metadata.Title, warnings);
        if (metadata.Published is null)
            warnings.Add("No publication date found on the page; relative dates in the text cannot be resolved.");
        return new HtmlArticle(body, metadata.Title, metadata.Published, metadata.Outlet, metadata.Author, metadata.CanonicalUrl, warnings);
    }
}
