using System.Reflection;

namespace NewsExtract.Common;

/// <summary>A data row of an embedded TSV resource, with its line number for error messages.</summary>
internal readonly record struct TsvRow(string File, int Line, string[] Fields)
{
    public string this[int index] => Fields[index];

    public InvalidDataException Error(string message) => new($"{File}:{Line}: {message}");
}

/// <summary>
/// Reads the library's embedded TSV resources: UTF-8, first non-comment line is the header, '#' starts a
/// comment line, blank lines are skipped. A row with the wrong number of fields or an empty required field
/// fails loudly with file and line, at load time.
/// </summary>
internal static class EmbeddedTsv
{
    private static readonly Assembly Assembly = typeof(EmbeddedTsv).Assembly;

    /// <summary>Resource path relative to the Resources folder, e.g. "language/abbreviations.tsv".</summary>
    public static IReadOnlyList<TsvRow> Read(string relativePath, int minFields, int? maxFields = null)
    {
        string name = "NewsExtract.Resources." + relativePath;
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the NewsExtract assembly; the build did not embed Resources/{relativePath}.");
        using var reader = new StreamReader(stream);
        var rows = new List<TsvRow>();
        bool headerSeen = false;
        int lineNo = 0;
        string? line;
        int max = maxFields ?? int.MaxValue;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            if (!headerSeen) { headerSeen = true; continue; }
            var fields = line.Split('\t');
            if (fields.Length < minFields || fields.Length > max)
                throw new InvalidDataException($"Resources/{relativePath}:{lineNo}: expected {minFields}{(maxFields is null ? "+" : maxFields == minFields ? "" : "-" + maxFields)} tab-separated fields, found {fields.Length}.");
            for (int i = 0; i < minFields; i++)
                if (fields[i].Length == 0 || fields[i] != fields[i].Trim())
                    throw new InvalidDataException($"Resources/{relativePath}:{lineNo}: field {i + 1} is empty or has surrounding spaces.");
            rows.Add(new TsvRow("Resources/" + relativePath, lineNo, fields));
        }
        if (rows.Count == 0)
            throw new InvalidDataException($"Resources/{relativePath} has no data rows.");
        return rows;
    }
}
