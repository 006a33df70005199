using System.Text.RegularExpressions;
using NewsExtract.Cli;
using NewsExtract.Records;

namespace NewsExtract.Tests.Cli;

/// <summary>`--format csv --table pairs|officials|dates|figures|entities`, and codes that stay text.</summary>
public class CsvTableTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-002.txt"));

    [Theory]
    [InlineData("pairs")]
    [InlineData("officials")]
    [InlineData("dates")]
    [InlineData("figures")]
    [InlineData("entities")]
    public void Each_table_has_its_header_and_a_row_per_item(string table)
    {
        using var tmp = new TempFolder();
        string path = tmp.File("a.txt", Seed);
        var record = RecordJson.Parse(CliRunner.Run("extract", "--quiet", path).Lines.Single());
        var r = CliRunner.Run("extract", path, "--format", "csv", "--table", table, "--quiet");
        Assert.Equal(0, r.Exit);
        var rows = CsvReader.Parse(r.Out);
        var header = CsvTables.Header(CsvTables.Parse(table));
        Assert.Equal(header, rows[0]);
        Assert.Equal(["path", "url", "title", "published"], header[..4]);
        Assert.Equal("error", header[^1]);
        int expected = table switch
        {
            "pairs" => Math.Max(1, record.Candidates.Count),
            "officials" => record.Officials.Count,
            "dates" => record.Dates.Count,
            "figures" => record.Figures.Count,
            _ => record.Entities.Count,
        };
        Assert.True(expected > 0, $"seed-002 has no {table}: the test checks nothing");
        Assert.Equal(expected, rows.Count - 1);
        Assert.All(rows.Skip(1), row => Assert.Equal(path, row[0]));
        // Offsets in the tables index the record's text.
        int start = Array.IndexOf(header, "start"), end = Array.IndexOf(header, "end"), text = Array.IndexOf(header, "text");
        if (start >= 0)
            foreach (var row in rows.Skip(1))
                Assert.Equal(row[text], record.Text[int.Parse(row[start])..int.Parse(row[end])]);
    }

    [Fact]
    public void Figure_and_entity_rows_use_the_json_names()
    {
        using var tmp = new TempFolder();
        var figures = CsvReader.Parse(CliRunner.Run("extract", tmp.File("a.txt", Seed), "-f", "csv", "--table", "figures", "-q").Out);
        Assert.Contains(figures.Skip(1), row => row[4] == "polling_stations" && row[5] == "13" && row[6] == "13 TPS");
        var entities = CsvReader.Parse(CliRunner.Run("extract", tmp.File("a.txt", Seed), "-f", "csv", "--table", "entities", "-q").Out);
        Assert.All(entities.Skip(1), row => Assert.Contains(row[4], (string[])["PER", "ORG", "LOC"]));
        Assert.All(entities.Skip(1), row => Assert.Contains(row[8], (string[])["model", "rule", "gazetteer"]));
    }

    [Fact]
    public void An_unreadable_input_gives_one_error_row_in_every_table()
    {
        foreach (var table in CsvTables.Names)
        {
            var record = ArticleRecord.ForError(new SourceInfo { Path = "b.txt" }, "b.txt: the file is empty.");
            var row = Assert.Single(CsvTables.Rows(CsvTables.Parse(table), record));
            Assert.Equal(CsvTables.Header(CsvTables.Parse(table)).Length, row.Length);
            Assert.Equal("b.txt", row[0]);
            Assert.Equal("b.txt: the file is empty.", row[^1]);
        }
    }

    [Fact]
    public void Table_without_csv_is_a_usage_error()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("a.txt", Seed), "--table", "dates");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--format csv", r.Err);
    }

    [Fact]
    public void Region_codes_are_written_as_the_text_they_are()
    {
        var record = new ArticleRecord(new SourceInfo { Path = "a.txt" }, "", [new Election(ElectionType.Bupati, new Region("Kabupaten Sidoarjo", "35.10", "Jawa Timur"), 2024, [])],
            [], [], [], [], [], []);
        var row = RecordWriter.CsvRows(record).Single();
        Assert.Equal("35.10", row[Array.IndexOf(RecordWriter.CsvHeader, "region_code")]);
    }

    [Fact]
    public void The_readme_pandas_line_names_columns_of_the_pairs_table()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var line = Regex.Match(readme, @"pd\.read_csv\(""pairs\.csv"", dtype=\{(?<cols>[^}]*)\}\)");
        Assert.True(line.Success, "the README lost its pandas dtype line");
        var columns = Regex.Matches(line.Groups["cols"].Value, @"""(\w+)"":").Select(m => m.Groups[1].Value).ToArray();
        Assert.Contains("region_code", columns);
        Assert.Contains("year", columns);
        Assert.Contains("number", columns);
        Assert.All(columns, c => Assert.Contains(c, RecordWriter.CsvHeader));
        Assert.Matches(@"""region_code"": str", line.Value);
    }
}

/// <summary>A strict RFC 4180 reader: CRLF between records, quotes doubled inside quoted fields.</summary>
internal static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else if (text[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (text[i] == '\r' && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i += 2; }
            else field.Append(text[i++]);
        }
        Assert.Empty(row);
        return rows;
    }
}
