using System.Globalization;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Cli;

internal enum OutputFormat { Jsonl, Json, Csv, Summary, Parquet }

/// <summary>How the chosen format is laid out: the CSV table, and indented JSON.</summary>
internal sealed record OutputLayout(CsvTable Table = CsvTable.Pairs, bool Pretty = false)
{
    public static OutputLayout Default { get; } = new();
}

/// <summary>
/// Where --output goes, checked before any work starts. A link is written through (the file it points to is
/// replaced, the link stays); a device or FIFO (/dev/null, /dev/stdout) is written in place; anything else is written
/// under a temporary name beside the final file and renamed at the end.
/// </summary>
internal sealed record OutputTarget(string Path, bool Direct)
{
    /// <summary>The target of <paramref name="outputPath"/>, or null with a message a person can act on.</summary>
    public static OutputTarget? Resolve(string outputPath, out string? problem)
    {
        problem = null;
        string full = System.IO.Path.GetFullPath(outputPath);
        string resolved = full;
        try
        {
            if (new FileInfo(full).LinkTarget is not null)
                resolved = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException ex)
        {
            problem = $"--output '{outputPath}' is a link that cannot be followed ({ex.Message}).";
            return null;
        }
        switch (FileKinds.Of(resolved))
        {
            case FileKind.Directory:
                problem = $"--output '{outputPath}' is a folder; give the name of a file to write.";
                return null;
            case FileKind.Regular or FileKind.Missing:
                string dir = System.IO.Path.GetDirectoryName(resolved) ?? ".";
                if (!Directory.Exists(dir))
                {
                    problem = $"the folder of --output '{outputPath}' ({dir}) does not exist; create it first.";
                    return null;
                }
                return new OutputTarget(resolved, Direct: false);
            default:
                return new OutputTarget(resolved, Direct: true);
        }
    }
}

/// <summary>
/// Writes a whole document (a races table, a report page) to --output with the guarantees extract gives its records:
/// a link is written through, a device or FIFO in place, anything else under a temporary name renamed when complete
/// (removed on failure); without --output, to standard output.
/// </summary>
internal static class WholeOutput
{
    /// <exception cref="IOException">--output names a folder, a file in a missing folder, or cannot be written.</exception>
    public static void Write(string? output, TextWriter stdout, Action<TextWriter> write)
    {
        if (output is null)
        {
            write(stdout);
            stdout.Flush();
            return;
        }
        var target = OutputTarget.Resolve(output, out var problem) ?? throw new IOException(problem);
        if (target.Direct)
        {
            using var direct = new StreamWriter(new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1), new UTF8Encoding(false)) { NewLine = "\n" };
            write(direct);
            return;
        }
        string temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target.Path)!, $".{System.IO.Path.GetFileName(target.Path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)) { NewLine = "\n" })
                write(writer);
            File.Move(temp, target.Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

/// <summary>
/// Writes records as they come: JSON Lines (one record per line, flushed per record so a reader never sees a
/// partial line), a JSON array (indented with --pretty), CSV (RFC 4180) with one row per candidate pair, official,
/// date, figure or entity (<see cref="CsvTables"/>), one human-readable line per article, or Parquet tables in a
/// folder. With --output a regular file is written under a temporary name and renamed at the end, so an interrupted or
/// failed run never leaves a truncated file, nor the temporary one.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly OutputFormat _format;
    private readonly OutputLayout _layout;
    private readonly ParquetOutput.RecordTables? _tables;
    private readonly TextWriter _writer;
    private readonly bool _owned;
    private readonly string? _target;
    private readonly string? _temp;
    private readonly Lock _gate = new();
    private bool _first = true;
    private bool _committed;
    private bool _aborted;

    public RecordWriter(OutputFormat format, string? outputPath, TextWriter stdout, OutputLayout? layout = null)
        : this(format, outputPath is null ? null : OutputTarget.Resolve(outputPath, out var problem) ?? throw new IOException(problem), stdout, layout)
    {
    }

    /// <summary>Parquet is a folder of typed tables (Parquet/RecordTables.cs); the command checks that --output names one.</summary>
    public static RecordWriter ForParquet(string folder) => new(folder);

    private RecordWriter(string parquetFolder)
    {
        _format = OutputFormat.Parquet;
        _layout = OutputLayout.Default;
        _tables = new ParquetOutput.RecordTables(parquetFolder);
        _writer = TextWriter.Null;
    }

    /// <exception cref="IOException">The temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or device is not writable.</exception>
    public RecordWriter(OutputFormat format, OutputTarget? target, TextWriter stdout, OutputLayout? layout = null)
    {
        _format = format;
        _layout = layout ?? OutputLayout.Default;
        if (format == OutputFormat.Parquet)
            throw new ArgumentException("Parquet output is a folder: use RecordWriter.ForParquet.", nameof(format));
        if (target is null)
        {
            _writer = stdout;
        }
        else if (target.Direct)
        {
            _owned = true;
            _writer = new StreamWriter(new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1), new UTF8Encoding(false)) { NewLine = "\n" };
        }
        else
        {
            _owned = true;
            _target = target.Path;
            _temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_target)!, $".{System.IO.Path.GetFileName(_target)}.{Environment.ProcessId}.tmp");
            _writer = new StreamWriter(new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
        }
        if (_format == OutputFormat.Json) Emit("[");
        if (_format == OutputFormat.Csv) Emit(CsvRow(CsvTables.Header(_layout.Table)));
    }

    public void Write(ArticleRecord record)
    {
        switch (_format)
        {
            case OutputFormat.Jsonl:
                Emit(RecordJson.ToJsonLine(record) + "\n");
                break;
            case OutputFormat.Json:
                Emit((_first ? "\n" : ",\n") + (_layout.Pretty ? "  " + RecordJson.ToIndentedJson(record).ReplaceLineEndings("\n  ") : RecordJson.ToJsonLine(record)));
                break;
            case OutputFormat.Csv:
                Emit(string.Concat(CsvTables.Rows(_layout.Table, record).Select(CsvRow)));
                break;
            case OutputFormat.Summary:
                Emit(ArticleSummary.Line(record) + "\n");
                break;
            case OutputFormat.Parquet:
                _tables!.Write(record);
                break;
        }
        _first = false;
        Emit(null);
    }

    /// <summary>
    /// Writes <paramref name="text"/> (flushes for null). A failed write is an <see cref="IOException"/>: .NET reports
    /// a file past the size limit (EFBIG) as ArgumentOutOfRangeException, which here can only come from the stream.
    /// </summary>
    private void Emit(string? text)
    {
        try
        {
            if (text is null) _writer.Flush();
            else _writer.Write(text);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new IOException($"the file grew past the size this system allows ({ex.Message})", ex);
        }
    }

    /// <summary>Finishes the output; with --output, moves the complete file into place.</summary>
    public void Complete()
    {
        if (_tables is not null)
        {
            _tables.Complete();
            _committed = true;
            return;
        }
        if (_format == OutputFormat.Json) Emit(_first ? "]\n" : "\n]\n");
        Emit(null);
        lock (_gate)
        {
            if (_aborted) return;
            if (_temp is not null)
            {
                _writer.Dispose();
                File.Move(_temp, _target!, overwrite: true);
            }
            _committed = true;
        }
    }

    /// <summary>
    /// Gives up the output from another thread (a signal): removes the temporary file, so the old output stays as it
    /// was. The writing thread may go on writing into the removed file until the process ends; nothing is renamed.
    /// </summary>
    public void Abort()
    {
        lock (_gate)
        {
            if (_committed || _aborted) return;
            _aborted = true;
            if (_temp is not null) File.Delete(_temp);
        }
    }

    public void Dispose()
    {
        _tables?.Dispose();
        if (!_owned) return;
        lock (_gate)
        {
            try
            {
                _writer.Dispose(); // on a full disk this flush fails again
            }
            catch (Exception ex) when (!_committed && ex is IOException or ArgumentOutOfRangeException)
            {
                // The write that failed first is what the caller reports; this one repeats it.
            }
            finally
            {
                if (!_committed && _temp is not null) File.Delete(_temp);
            }
        }
    }

    internal static readonly string[] CsvHeader =
    [
        "path", "url", "title", "published", "election_type", "region", "region_code", "province", "year",
        "number", "head", "head_titles", "head_aliases", "deputy", "deputy_titles", "deputy_aliases", "label", "parties",
        "seats", "seat_share", "incumbent", "votes", "vote_percent", "error",
    ];

    /// <summary>One row per candidate pair; an article without pairs gives one row per election (or one bare row).</summary>
    internal static IEnumerable<string?[]> CsvRows(ArticleRecord r)
    {
        string?[] Row(Election? e, CandidatePair? c) =>
        [
            r.Source.Path, r.Source.Url, r.Source.Title, r.Source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e is null ? null : ElectionTypeName(e.Type), e?.Region?.Name, e?.Region?.Code, e?.Region?.Province, Num(e?.Year),
            Num(c?.Number), c?.Head.Name, Join(c?.Head.Titles), Join(c?.Head.Aliases),
            c?.Deputy?.Name, Join(c?.Deputy?.Titles), Join(c?.Deputy?.Aliases), c?.Label, Join(c?.Parties),
            Num(c?.Seats), Num(c?.SeatShare), c?.Incumbent is null ? null : c.Incumbent.Value ? "true" : "false",
            Num(c?.Votes?.Count), Num(c?.Votes?.Percent), r.Error?.Message,
        ];
        if (r.Candidates.Count > 0)
        {
            foreach (var c in r.Candidates)
                yield return Row(c.Election is int i && i >= 0 && i < r.Elections.Count ? r.Elections[i] : null, c);
        }
        else if (r.Elections.Count > 0)
        {
            foreach (var e in r.Elections) yield return Row(e, null);
        }
        else
        {
            yield return Row(null, null);
        }
    }

    internal static string ElectionTypeName(ElectionType type) => type switch
    {
        ElectionType.Walikota => "walikota",
        ElectionType.Bupati => "bupati",
        ElectionType.Gubernur => "gubernur",
        ElectionType.Presiden => "presiden",
        ElectionType.Dpr => "dpr",
        ElectionType.Dprd => "dprd",
        ElectionType.Dpd => "dpd",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string? Num(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? Num(long? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? Num(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture);
    private static string? Join(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join("; ", items);

    private static string CsvRow(string?[] fields) =>
        string.Join(',', fields.Select(CsvField)) + "\r\n"; // RFC 4180 line break

    internal static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell that starts with = + - @ (or tab, CR) is a formula to a spreadsheet: "=HYPERLINK(...)" in a scraped
        // title would run when the CSV is opened. As OWASP advises, a leading ' makes it text, and the cell is quoted.
        bool formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber(value);
        if (formula) value = "'" + value;
        bool quote = formula || value.AsSpan().IndexOfAny("\",\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>"-3" or "+1.5": a number, which no spreadsheet runs, so it stays as written.</summary>
    private static bool PlainNumber(string value) =>
        value.Length > 1 && value.AsSpan(1).IndexOfAnyExcept("0123456789.") < 0 && char.IsAsciiDigit(value[1]);
}
