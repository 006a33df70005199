using System.Text;
using System.Text.Json;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>One unit of work for the batch: an article input, or a failure to read one.</summary>
internal sealed record BatchItem(string Name, ArticleInput? Input, string? ReadError, string? ReadWarning = null);

/// <summary>
/// Turns the command line's PATH arguments into articles: files (.txt, .html, .htm, .jsonl), folders
/// (recursively, in ordinal path order) and "-" for standard input. A JSONL file holds one scraped page
/// per line: {"url", "html"} or {"url", "text"}, optionally "published" (yyyy-mm-dd) and "title".
/// </summary>
internal static class Inputs
{
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".jsonl"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Expands the PATH arguments. A path that does not exist stays in the list (it becomes an error record, and the
    /// batch goes on) and is also reported in <paramref name="missing"/>.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var path in paths)
        {
            if (path == "-") { files.Add("-"); continue; }
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(path)) files.Add(path);
            else { files.Add(path); missing.Add(path); }
        }
        return files;
    }

    public static IEnumerable<BatchItem> Read(IEnumerable<string> files, DateOnly? published, TextReader stdin)
    {
        foreach (var file in files)
        {
            if (Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in ReadJsonLines(file, published)) yield return item;
                continue;
            }
            if (file == "-")
            {
                // JSONL on standard input streams line by line (a mapper of Hadoop Streaming or Spark's RDD.pipe).
                if (StdinJsonLines.IsJsonLines(stdin))
                    foreach (var item in StdinJsonLines.Read(stdin, line => ParseJsonLine("-", line.Number, line.Text, published)))
                        yield return item;
                else yield return ReadFile(file, published, stdin);
                continue;
            }
            yield return ReadFile(file, published, stdin);
        }
    }

    private static BatchItem ReadFile(string file, DateOnly? published, TextReader stdin)
    {
        var options = new ExtractionOptions { Source = new SourceInfo { Path = file }, Published = published };
        if (file == "-")
        {
            string text = stdin.ReadToEnd();
            return LooksLikeHtml(text)
                ? new BatchItem("-", ArticleInput.FromHtml(Encoding.UTF8.GetBytes(text), options), null)
                : new BatchItem("-", ArticleInput.FromText(text, options), null);
        }
        if (!File.Exists(file))
            return new BatchItem(file, null, "no such file; check the path.");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BatchItem(file, null, $"cannot read the file: {ex.Message}");
        }
        string ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is ".html" or ".htm")
            return new BatchItem(file, ArticleInput.FromHtml(bytes, options), null);
        if (bytes.Length == 0)
            return new BatchItem(file, null, "the file is empty.");
        var decoded = DecodeText(bytes, out string? warning);
        if (decoded is null)
            return new BatchItem(file, null, "the file is not text (it holds NUL bytes or other binary data); give a .txt or .html article.");
        return new BatchItem(file, ArticleInput.FromText(decoded, options), null, warning);
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; other bytes are read as windows-1252. Null for binary data.</summary>
    internal static string? DecodeText(byte[] bytes, out string? warning)
    {
        warning = null;
        if (bytes.AsSpan().IndexOf((byte)0) >= 0 && !(bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return null;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Utf8OrNull(bytes.AsSpan(3)) ?? Latin(bytes.AsSpan(3), out warning);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        return Utf8OrNull(bytes) ?? Latin(bytes, out warning);
    }

    private static string? Utf8OrNull(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Latin(ReadOnlySpan<byte> bytes, out string? warning)
    {
        warning = "The text is not valid UTF-8; it was read as windows-1252.";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Streams a JSONL file line by line, so that a crawl file of any size keeps memory flat. A file that cannot be
    /// opened, or breaks off while read, gives an error item naming it; the lines read before still count.
    /// </summary>
    private static IEnumerable<BatchItem> ReadJsonLines(string file, DateOnly? published)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.ReadWrite, Options = FileOptions.SequentialScan });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BatchItem(file, null, $"cannot read the file: {ex.Message}")];
        }
        return ReadJsonLines(file, reader, published);
    }

    private static IEnumerable<BatchItem> ReadJsonLines(string file, StreamReader reader, DateOnly? published)
    {
        using (reader)
        {
            for (int lineNo = 1; ; lineNo++)
            {
                string? line;
                string? error = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (IOException ex)
                {
                    line = null;
                    error = $"cannot read the file past line {lineNo - 1}: {ex.Message}";
                }
                if (error is not null)
                {
                    yield return new BatchItem($"{file}:{lineNo}", null, error);
                    yield break;
                }
                if (line is null) yield break;
                if (!string.IsNullOrWhiteSpace(line))
                    yield return ParseJsonLine(file, lineNo, line, published);
            }
        }
    }

    internal static BatchItem ParseJsonLine(string file, int lineNo, string line, DateOnly? published)
    {
        string name = $"{file}:{lineNo}";
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new BatchItem(name, null, "the line is not a JSON object; expected {\"url\", \"html\"} or {\"url\", \"text\"}.");
            string? url = Str(root, "url");
            string? title = Str(root, "title");
            DateOnly? date = published;
            if (date is null && Str(root, "published") is { } p && DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", out var d)) date = d;
            var options = new ExtractionOptions { Source = new SourceInfo { Path = name, Url = url, Title = title }, Published = date };
            if (Str(root, "html") is { } html) return new BatchItem(name, ArticleInput.FromHtml(Encoding.UTF8.GetBytes(html), options), null);
            if (Str(root, "text") is { } text) return new BatchItem(name, ArticleInput.FromText(text, options), null);
            return new BatchItem(name, null, "the line has neither an \"html\" nor a \"text\" field.");
        }
        catch (JsonException ex)
        {
            return new BatchItem(name, null, $"the line is not valid JSON: {ex.Message}");
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
