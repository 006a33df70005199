using Parquet;
using Parquet.Serialization;

namespace NewsExtract.Cli.ParquetOutput;

/// <summary>
/// One Parquet file written a row group at a time (Parquet.Net, managed code): rows are buffered up to the table's
/// row-group size (<see cref="RowGroupRows"/> by default) and then appended as a row group, so memory stays flat
/// however many records pass.
/// The row type's public properties are the columns (names from <c>[JsonPropertyName]</c>): strings, integers,
/// doubles, booleans, DateOnly (Parquet DATE) and lists of strings (a nested LIST column).
/// </summary>
internal sealed class ParquetTable<TRow> : IDisposable where TRow : new()
{
    public const int RowGroupRows = 50_000;

    private static readonly ParquetOptions FirstGroup = new() { UseDateOnlyTypeForDates = true };
    private static readonly ParquetOptions NextGroups = new() { UseDateOnlyTypeForDates = true, Append = true };

    private readonly FileStream _stream;
    private readonly List<TRow> _rows = [];
    private bool _wroteGroup;

    private readonly int _rowGroupRows;

    public ParquetTable(string path, int rowGroupRows = RowGroupRows)
    {
        Path = path;
        _rowGroupRows = rowGroupRows;
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    public string Path { get; }

    public void Add(TRow row)
    {
        _rows.Add(row);
        if (_rows.Count >= _rowGroupRows) Flush();
    }

    private void Flush()
    {
        // The serializer is async only; the CLI writes one table at a time, so waiting here blocks nothing else.
        ParquetSerializer.SerializeAsync(_rows, _stream, _wroteGroup ? NextGroups : FirstGroup).GetAwaiter().GetResult();
        _wroteGroup = true;
        _rows.Clear();
    }

    /// <summary>Writes the last rows (or, for an empty table, the schema alone) and closes the file.</summary>
    public void Complete()
    {
        if (_rows.Count > 0 || !_wroteGroup) Flush();
        _stream.Flush();
        _stream.Dispose();
    }

    public void Dispose() => _stream.Dispose();
}
