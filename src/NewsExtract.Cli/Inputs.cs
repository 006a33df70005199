using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsExtract.Records;

namespace NewsExtract.Cli;

/// <summary>One unit of work for the batch: an article input, or a failure to read one.</summary>
internal sealed record BatchItem(string Name, ArticleInput? Input, string? ReadError, string? ReadWarning = null);

/// <summary>
/// One input named by the command line or found in a folder: a file path, "-", or a folder that could not be read
/// (<paramref name="Problem"/> set), which is reported in its place in the batch.
/// </summary>
internal sealed record InputSource(string Path, string? Problem = null);

/// <summary>What an input is read as: by its name and first bytes (auto), or as the caller says (--input-format).</summary>
internal enum InputFormat { Auto, Text, Html, Jsonl }

/// <summary>How much of one input the batch reads (every file, page, JSONL line and standard input alike), and as what.</summary>
internal sealed record ReadLimits(long MaxBytes, InputFormat Format = InputFormat.Auto)
{
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    public static ReadLimits Default { get; } = new(DefaultMaxBytes);
}

/// <summary>
/// Turns the command line's PATH arguments into articles: files (.txt, .html, .htm, .jsonl), folders
/// (recursively, in ordinal path order) and "-" for standard input. A JSONL file holds one scraped page
/// per line: {"url", "html"} or {"url", "text"}, optionally "published" (yyyy-mm-dd) and "title".
/// Only regular files are read (a FIFO would block, /dev/zero never ends), each at most <see cref="ReadLimits.MaxBytes"/>,
/// counted while reading.
/// </summary>
internal static partial class Inputs
{
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".jsonl", ".ndjson"];

    /// <summary>The name without a final ".gz" ("page.html.gz" is an HTML page, gzipped).</summary>
    private static string InnerName(string file) =>
        file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;

    /// <summary>A name the folder walk takes: one of <see cref="Extensions"/>, possibly gzipped.</summary>
    public static bool IsArticleName(string file) =>
        Extensions.Contains(Path.GetExtension(InnerName(file)), StringComparer.OrdinalIgnoreCase);

    private static bool IsJsonLinesName(string file) =>
        Path.GetExtension(InnerName(file)).ToLowerInvariant() is ".jsonl" or ".ndjson";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Expands the PATH arguments. A path that does not exist stays in the list (it becomes an error record, and the
    /// batch goes on). Folders are walked without following links to folders (a link back up would repeat every file,
    /// forever with two of them); a folder that cannot be read becomes an error entry in its place. What was skipped
    /// goes to <paramref name="notes"/>.
    /// </summary>
    public static List<InputSource> Expand(IEnumerable<string> paths, out List<string> notes)
    {
        var sources = new List<InputSource>();
        notes = [];
        foreach (var path in paths)
        {
            if (path == "-") { sources.Add(new InputSource("-")); continue; }
            if (Directory.Exists(path))
            {
                var found = new List<InputSource>();
                var skipped = new List<string>();
                Walk(path, found, notes, skipped);
                sources.AddRange(found.OrderBy(s => s.Path, StringComparer.Ordinal));
                // Say what a folder held that is not read, so that nothing is dropped without a word.
                if (skipped.Count > 0)
                    notes.Add($"skipped {skipped.Count} file(s) in {path} that are not .txt, .html, .htm, .jsonl or .ndjson (gzipped or not): "
                              + string.Join(", ", skipped.Order(StringComparer.Ordinal).Take(5)) + (skipped.Count > 5 ? ", ..." : "") + ".");
            }
            else sources.Add(new InputSource(path));
        }
        return sources;
    }

    private static void Walk(string folder, List<InputSource> into, List<string> notes, List<string> skipped)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            into.Add(new InputSource(folder, $"cannot read the folder: {ex.Message} Check its permissions."));
            return;
        }
        foreach (var entry in entries)
        {
            bool isLink = entry.LinkTarget is not null;
            if (entry is DirectoryInfo || isLink && Directory.Exists(entry.FullName))
            {
                if (isLink) notes.Add($"skipped {Path.Combine(folder, entry.Name)}: a link to a folder is not followed (give the folder itself to read it).");
                else Walk(Path.Combine(folder, entry.Name), into, notes, skipped);
                continue;
            }
            if (IsArticleName(entry.Name)) into.Add(new InputSource(Path.Combine(folder, entry.Name)));
            else if (!entry.Name.StartsWith('.')) skipped.Add(Path.Combine(folder, entry.Name));
        }
    }

    public static IEnumerable<BatchItem> Read(IEnumerable<InputSource> sources, DateOnly? published, Stream stdin, ReadLimits limits)
    {
        foreach (var source in sources)
        {
            if (source.Problem is not null)
            {
                yield return new BatchItem(source.Path, null, source.Problem);
                continue;
            }
            string file = source.Path;
            if (file != "-" && (limits.Format == InputFormat.Jsonl || limits.Format == InputFormat.Auto && IsJsonLinesName(file)))
            {
                foreach (var item in ReadJsonLines(file, published, limits)) yield return item;
                continue;
            }
            if (file == "-")
            {
                // JSON lines on standard input (the first byte is '{') stream line by line: the mapper of Hadoop
                // Streaming or Spark's RDD.pipe. Anything else there is one article, read whole.
                int first;
                string? failure = null;
                try
                {
                    first = stdin.ReadByte();
                }
                catch (IOException ex)
                {
                    first = -1;
                    failure = $"cannot read standard input: {ex.Message}";
                }
                if (failure is not null)
                {
                    yield return new BatchItem(file, null, failure);
                    continue;
                }
                var whole = WithFirstByte(first, stdin);
                if (limits.Format == InputFormat.Jsonl || limits.Format == InputFormat.Auto && first == '{')
                {
                    foreach (var item in ReadJsonLines(file, whole, published, limits)) yield return item;
                    continue;
                }
                yield return ReadFile(file, published, whole, limits);
                continue;
            }
            yield return ReadFile(file, published, stdin, limits);
        }
    }

    /// <summary>Standard input again whole, after its first byte was read to tell JSON lines from an article (-1: it was empty).</summary>
    internal static Stream WithFirstByte(int first, Stream stdin) => first < 0 ? Stream.Null : new PrefixedStream((byte)first, stdin);

    /// <summary>Why <paramref name="file"/> cannot be read as an input, or null for a regular file.</summary>
    private static string? NotReadable(string file) => FileKinds.Of(file) switch
    {
        FileKind.Regular => null,
        FileKind.Missing => "no such file; check the path.",
        var kind => $"{FileKinds.Describe(kind)}, not a regular file; only regular files are read (use - and a pipe for streamed input).",
    };

    private static string TooLarge(string what, long maxBytes) =>
        $"{what} more than {maxBytes:N0} bytes, the limit of --max-bytes; raise --max-bytes (or split the input) to read it.";

    private static BatchItem ReadFile(string file, DateOnly? published, Stream stdin, ReadLimits limits)
    {
        var options = new ExtractionOptions { Source = new SourceInfo { Path = file }, Published = published };
        byte[]? bytes;
        if (file == "-")
        {
            try
            {
                bytes = ReadAtMost(stdin, limits.MaxBytes);
            }
            catch (IOException ex)
            {
                return new BatchItem(file, null, $"cannot read standard input: {ex.Message}");
            }
            if (bytes is null) return new BatchItem(file, null, TooLarge("standard input holds", limits.MaxBytes));
            if (bytes.Length == 0) return new BatchItem(file, null, "standard input is empty.");
            return FromBytes("standard input", file, "-", bytes, options, limits);
        }
        if (NotReadable(file) is { } why) return new BatchItem(file, null, why);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (stream.Length > limits.MaxBytes) return new BatchItem(file, null, TooLarge($"the file has {stream.Length:N0} bytes,", limits.MaxBytes));
            bytes = ReadAtMost(stream, limits.MaxBytes); // the file may grow while read
            if (bytes is null) return new BatchItem(file, null, TooLarge("the file holds", limits.MaxBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BatchItem(file, null, $"cannot read the file: {ex.Message}");
        }
        if (bytes.Length == 0)
            return new BatchItem(file, null, "the file is empty.");
        return FromBytes("the file", file, InnerName(file), bytes, options, limits);
    }

    /// <summary>
    /// An article from the bytes of one input: gunzipped when they are gzip (by their magic bytes, whatever the name),
    /// refused with a message when they are a PDF, then HTML or text by the forced format, the name, or the first bytes
    /// (a page starts with &lt;!doctype html&gt; or &lt;html&gt;).
    /// </summary>
    private static BatchItem FromBytes(string what, string file, string name, byte[] bytes, ExtractionOptions options, ReadLimits limits)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            try
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                bytes = ReadAtMost(gz, limits.MaxBytes)!;
            }
            catch (InvalidDataException ex)
            {
                return new BatchItem(file, null, $"{what} starts like gzip but cannot be unpacked ({ex.Message}); give the article unpacked.");
            }
            if (bytes is null) return new BatchItem(file, null, TooLarge($"{what} unpacks to", limits.MaxBytes));
            if (bytes.Length == 0) return new BatchItem(file, null, $"{what} is empty once unpacked.");
            name = InnerName(name);
        }
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
            return new BatchItem(file, null, $"{what} is a PDF; NewsExtract reads text and HTML: convert it to text first (for example with pdftotext) and give the .txt.");
        string ext = Path.GetExtension(name).ToLowerInvariant();
        bool html = limits.Format == InputFormat.Html || limits.Format == InputFormat.Auto && ext is ".html" or ".htm";
        if (html) return new BatchItem(file, ArticleInput.FromHtml(bytes, options), null);
        var decoded = DecodeText(bytes, out string? warning);
        if (decoded is null)
            return new BatchItem(file, null, $"{what} is not text (it holds NUL bytes or other binary data); give a .txt or .html article.");
        if (limits.Format == InputFormat.Auto && ext is not ".txt" && LooksLikeHtml(decoded))
            return new BatchItem(file, ArticleInput.FromHtml(bytes, options), null);
        return new BatchItem(file, ArticleInput.FromText(decoded, options), null, warning);
    }

    /// <summary>Reads the stream to its end, or returns null as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    internal static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
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
    private static IEnumerable<BatchItem> ReadJsonLines(string file, DateOnly? published, ReadLimits limits)
    {
        if (NotReadable(file) is { } why) return [new BatchItem(file, null, why)];
        Stream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            // A gzipped crawl (crawl.jsonl.gz) is read through gunzip, line by line as any other.
            if (stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B) { stream.Position = 0; stream = new GZipStream(stream, CompressionMode.Decompress); }
            else stream.Position = 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BatchItem(file, null, $"cannot read the file: {ex.Message}")];
        }
        return ReadJsonLines(file, stream, published, limits);
    }

    private static IEnumerable<BatchItem> ReadJsonLines(string file, Stream stream, DateOnly? published, ReadLimits limits)
    {
        using var lines = new LineReader(stream, limits.MaxBytes);
        for (int lineNo = 1; ; lineNo++)
        {
            LineReader.Line line;
            string? error = null;
            try
            {
                line = lines.Next();
            }
            catch (IOException ex)
            {
                line = default;
                error = $"cannot read the file past line {lineNo - 1}: {ex.Message}";
            }
            if (error is not null)
            {
                yield return new BatchItem($"{file}:{lineNo}", null, error);
                yield break;
            }
            if (line.End) yield break;
            if (line.TooLong)
            {
                yield return new BatchItem($"{file}:{lineNo}", null, TooLarge("the line holds", limits.MaxBytes));
                continue;
            }
            if (LineItem(file, lineNo, line.Bytes, published) is { } item) yield return item;
        }
    }

    /// <summary>The item of one JSONL line, or null for a blank line.</summary>
    private static BatchItem? LineItem(string file, int lineNo, ReadOnlyMemory<byte> memory, DateOnly? published)
    {
        var bytes = memory.Span;
        if (lineNo == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.Trim(" \t\r"u8).IsEmpty) return null;
        string? warning = null;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            warning = "The line holds bytes that are not valid UTF-8; they were read as U+FFFD (the replacement character).";
        return ParseJsonLine(file, lineNo, Encoding.UTF8.GetString(bytes), published, warning);
    }

    internal static BatchItem ParseJsonLine(string file, int lineNo, string line, DateOnly? published, string? warning = null)
    {
        string name = $"{file}:{lineNo}";
        try
        {
            // Depth is bounded by the line's length (itself bounded); fields the reader never looks at may nest deep.
            using var json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 100_000 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new BatchItem(name, null, "the line is not a JSON object; expected {\"url\", \"html\"} or {\"url\", \"text\"}.");
            var warnings = new List<string>();
            if (warning is not null) warnings.Add(warning);
            string? url = Str(root, "url", warnings);
            string? title = Str(root, "title", warnings);
            DateOnly? date = published;
            if (date is null && Str(root, "published", warnings) is { } p && DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", out var d)) date = d;
            var options = new ExtractionOptions { Source = new SourceInfo { Path = name, Url = url, Title = title }, Published = date };
            if (Str(root, "html", warnings) is { } html) return new BatchItem(name, ArticleInput.FromHtml(Encoding.UTF8.GetBytes(html), options), null, Joined(warnings));
            if (Str(root, "text", warnings) is { } text) return new BatchItem(name, ArticleInput.FromText(text, options), null, Joined(warnings));
            return new BatchItem(name, null, "the line has neither an \"html\" nor a \"text\" field.");
        }
        catch (JsonException ex)
        {
            // The parser's own "LineNumber: 0 | BytePositionInLine: 21" counts within the line; the file's line number is in the name.
            return new BatchItem(name, null, $"the line is not valid JSON: {JsonPosition().Replace(ex.Message, "").TrimEnd()}" + (ex.BytePositionInLine is long at ? $" (at byte {at + 1} of the line)" : ""));
        }
    }

    private static string? Joined(List<string> warnings) => warnings.Count == 0 ? null : string.Join(" ", warnings);

    private static string? Str(JsonElement root, string name, List<string> warnings)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return null;
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            // "\ud800" alone: valid JSON, but no UTF-16 string can hold it as text. Read it as U+FFFD, as invalid
            // UTF-8 bytes are, and say so.
            warnings.Add($"The \"{name}\" field holds an unpaired surrogate escape (such as \\ud800); it was read as U+FFFD.");
            string repaired = LoneSurrogateEscape().Replace(v.GetRawText(), @"\ufffd");
            using var fixedJson = JsonDocument.Parse(repaired);
            return fixedJson.RootElement.GetString();
        }
    }

    // " LineNumber: 0 | BytePositionInLine: 21." at the end of a JsonException message.
    [GeneratedRegex(@"\s*(?:Path: \S+ \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex JsonPosition();

    // A \uD800-\uDBFF escape not followed by a \uDC00-\uDFFF one, or a \uDC00-\uDFFF escape not after a high one;
    // the backslash must not itself be escaped ("\\ud800" is text).
    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex LoneSurrogateEscape();
}

/// <summary>
/// Reads a stream line by line as bytes (lines end at '\n'), never holding more than <c>maxBytes</c> of one line: a
/// longer line is skipped to its end and reported as too long, so one 2 GB line costs no memory.
/// </summary>
internal sealed class LineReader(Stream stream, long maxBytes) : IDisposable
{
    private readonly byte[] _chunk = new byte[65536];
    private int _pos, _len;
    private readonly MemoryStream _line = new();
    private bool _eof;

    public readonly record struct Line(ReadOnlyMemory<byte> Bytes, bool TooLong, bool End);

    public Line Next()
    {
        _line.SetLength(0);
        bool tooLong = false, any = false;
        while (true)
        {
            if (_pos == _len)
            {
                if (_eof) break;
                _len = stream.Read(_chunk, 0, _chunk.Length);
                _pos = 0;
                if (_len == 0) { _eof = true; break; }
            }
            any = true;
            int nl = _chunk.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n');
            int take = nl < 0 ? _len - _pos : nl;
            if (!tooLong)
            {
                if (_line.Length + take > maxBytes) { tooLong = true; _line.SetLength(0); }
                else _line.Write(_chunk, _pos, take);
            }
            _pos += take;
            if (nl >= 0) { _pos++; return new Line(_line.GetBuffer().AsMemory(0, (int)_line.Length), tooLong, false); }
        }
        return any ? new Line(_line.GetBuffer().AsMemory(0, (int)_line.Length), tooLong, false) : new Line(default, false, true);
    }

    public void Dispose()
    {
        stream.Dispose();
        _line.Dispose();
    }
}

/// <summary>A stream whose first byte was already read (to tell JSON lines from an article) put back in front.</summary>
internal sealed class PrefixedStream(byte first, Stream rest) : Stream
{
    private bool _firstRead;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (!_firstRead)
        {
            _firstRead = true;
            buffer[0] = first;
            return 1;
        }
        return rest.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
