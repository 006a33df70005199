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
/// Writes records as they come: JSON Lines (one record per line, flushed per record so a reader never sees a
/// partial line), a JSON array (indented with --pretty), CSV (RFC 4180) with one row per candidate pair, official,
/// date, figure or entity (<see cref="CsvTables"/>), or one human-readable line per article. With --output the file
/// is written under a temporary name and renamed at the end, so an interrupted run never leaves a truncated file.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly OutputFormat _format;
    private readonly OutputLayout _layout;
    private readonly TextWriter _writer;
    private readonly string? _target;
    private readonly string? _temp;
    private readonly ParquetOutput.RecordTables? _tables;
    private bool _first = true;
    private bool _committed;

    public RecordWriter(OutputFormat format, string? outputPath, TextWriter stdout, OutputLayout? layout = null)
    {
        _format = format;
        _layout = layout ?? OutputLayout.Default;
        if (format == OutputFormat.Parquet)
        {
            // Parquet is a folder of tables (Parquet/RecordTables.cs); the command checks that --output names it.
            _tables = new ParquetOutput.RecordTables(outputPath ?? throw new ArgumentException("Parquet output needs a folder.", nameof(outputPath)));
            _writer = TextWriter.Null;
            return;
        }
        if (outputPath is null)
        {
            _writer = stdout;
        }
        else
        {
            _target = Path.GetFullPath(outputPath);
            string dir = Path.GetDirectoryName(_target) ?? ".";
            Directory.CreateDirectory(dir);
            _temp = Path.Combine(dir, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.tmp");
            _writer = new StreamWriter(_temp, false, new UTF8Encoding(false)) { NewLine = "\n" };
        }
        if (_format == OutputFormat.Json) _writer.Write('[');
        if (_format == OutputFormat.Csv) WriteCsvRow(CsvTables.Header(_layout.Table));
    }

    public void Write(ArticleRecord record)
    {
        switch (_format)
        {
            case OutputFormat.Jsonl:
                _writer.Write(RecordJson.ToJsonLine(record));
                _writer.Write('\n');
                break;
            case OutputFormat.Json:
                _writer.Write(_first ? "\n" : ",\n");
                _writer.Write(_layout.Pretty ? "  " + RecordJson.ToIndentedJson(record).ReplaceLineEndings("\n  ") : RecordJson.ToJsonLine(record));
                break;
            case OutputFormat.Csv:
                foreach (var row in CsvTables.Rows(_layout.Table, record)) WriteCsvRow(row);
                break;
            case OutputFormat.Summary:
                _writer.Write(ArticleSummary.Line(record));
                _writer.Write('\n');
                break;
            case OutputFormat.Parquet:
                _tables!.Write(record);
                break;
        }
        _first = false;
        _writer.Flush();
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
        if (_format == OutputFormat.Json) _writer.Write(_first ? "]\n" : "\n]\n");
        _writer.Flush();
        if (_temp is not null)
        {
            _writer.Dispose();
            File.Move(_temp, _target!, overwrite: true);
        }
        _committed = true;
    }

    public void Dispose()
    {
        _tables?.Dispose();
        if (_temp is null) return;
        _writer.Dispose();
        if (!_committed && File.Exists(_temp)) File.Delete(_temp);
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

    private void WriteCsvRow(string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(CsvField(fields[i]));
        }
        _writer.Write("\r\n"); // RFC 4180 line break
    }

    internal static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        bool quote = value.AsSpan().IndexOfAny("\",\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
