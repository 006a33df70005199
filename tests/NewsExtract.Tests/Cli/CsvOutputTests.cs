using NewsExtract.Cli;
using NewsExtract.Records;

namespace NewsExtract.Tests.Cli;

public class CsvOutputTests
{
    private static readonly Election Blitar = new(ElectionType.Walikota, new Region("Kota Blitar", "35.72", "Jawa Timur"), 2020, []);

    private static ArticleRecord Record(IReadOnlyList<Election> elections, IReadOnlyList<CandidatePair> pairs) =>
        new(new SourceInfo { Path = "a.txt", Published = new DateOnly(2020, 9, 24) }, "text", elections, pairs, [], [], [], [], []);

    private static CandidatePair Pair(int number, string head, string? deputy, params string[] parties) =>
        new(number, new PersonName(head, ["Aaf"], ["Drs.", "M.Pd"]), deputy is null ? null : new PersonName(deputy, [], []),
            $"{head}-{deputy}", parties, 16, 64.5, true, 0, new VoteResult(12345, 51.2), []);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    public void Fields_are_quoted_as_rfc_4180_says(string? value, string field) =>
        Assert.Equal(field, RecordWriter.CsvField(value));

    [Fact]
    public void One_row_per_candidate_pair_with_its_race()
    {
        var rows = RecordWriter.CsvRows(Record([Blitar], [Pair(1, "Santoso", "Tjutjuk Soenario", "PDIP", "Gerindra"), Pair(2, "Bambang", null)])).ToArray();
        Assert.Equal(2, rows.Length);
        var row = Columns(rows[0]);
        Assert.Equal("a.txt", row["path"]);
        Assert.Equal("2020-09-24", row["published"]);
        Assert.Equal("walikota", row["election_type"]);
        Assert.Equal("Kota Blitar", row["region"]);
        Assert.Equal("35.72", row["region_code"]);
        Assert.Equal("2020", row["year"]);
        Assert.Equal("1", row["number"]);
        Assert.Equal("Santoso", row["head"]);
        Assert.Equal("Drs.; M.Pd", row["head_titles"]);
        Assert.Equal("Tjutjuk Soenario", row["deputy"]);
        Assert.Equal("PDIP; Gerindra", row["parties"]);
        Assert.Equal("64.5", row["seat_share"]);
        Assert.Equal("true", row["incumbent"]);
        Assert.Equal("12345", row["votes"]);
        Assert.Equal("51.2", row["vote_percent"]);
        Assert.Null(Columns(rows[1])["deputy"]);
    }

    [Fact]
    public void Without_pairs_a_row_per_race_or_one_bare_row()
    {
        Assert.Equal("walikota", Columns(Assert.Single(RecordWriter.CsvRows(Record([Blitar], []))))["election_type"]);
        var bare = Columns(Assert.Single(RecordWriter.CsvRows(Record([], []))));
        Assert.Equal("a.txt", bare["path"]);
        Assert.Null(bare["head"]);
        var error = Columns(Assert.Single(RecordWriter.CsvRows(ArticleRecord.ForError(new SourceInfo { Path = "b.txt" }, "b.txt: the file is empty."))));
        Assert.Equal("b.txt: the file is empty.", error["error"]);
    }

    [Fact]
    public void Written_csv_parses_back_to_the_same_cells()
    {
        var record = Record([Blitar], [Pair(1, "Santoso, \"Aaf\"", "Tjutjuk\nSoenario", "PDIP")]);
        var text = new StringWriter();
        using (var writer = new RecordWriter(OutputFormat.Csv, (OutputTarget?)null, text))
        {
            writer.Write(record);
            writer.Complete();
        }
        var parsed = CsvReader.Parse(text.ToString());
        Assert.Equal(2, parsed.Count);
        Assert.Equal(RecordWriter.CsvHeader, parsed[0]);
        Assert.Equal(RecordWriter.CsvRows(record).Single().Select(v => v ?? ""), parsed[1]);
    }

    private static Dictionary<string, string?> Columns(string?[] row)
    {
        Assert.Equal(RecordWriter.CsvHeader.Length, row.Length);
        return RecordWriter.CsvHeader.Zip(row).ToDictionary(x => x.First, x => x.Second);
    }
}
