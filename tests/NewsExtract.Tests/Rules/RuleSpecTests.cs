using System.Globalization;
using NewsExtract.Records;

namespace NewsExtract.Tests.Rules;

/// <summary>
/// One spec file per rule family (tests/NewsExtract.Tests/Specs/*.tsv): examples that must match, with the
/// value they must give, and examples that must not match. Each row runs the whole extractor.
/// </summary>
public class RuleSpecTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    public static TheoryData<string, int> Rows(string family)
    {
        var data = new TheoryData<string, int>();
        var rows = Read(family);
        for (int i = 0; i < rows.Count; i++) data.Add(family, i);
        return data;
    }

    private static List<string[]> Read(string family)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", family + ".tsv");
        return File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t')).ToList();
    }

    private static (string[] Row, ArticleRecord Record) Run(string family, int index, int textColumn, int? publishedColumn = null)
    {
        var row = Read(family)[index];
        DateOnly? published = publishedColumn is int pc && row[pc] != "-" && row[pc].Length > 0
            ? DateOnly.ParseExact(row[pc], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return (row, Extractor.Extract(row[textColumn], new ExtractionOptions { Published = published }));
    }

    [Fact]
    public void Every_family_has_15_examples_that_match_and_5_that_do_not()
    {
        foreach (var family in new[] { "dates", "figures", "ballots", "coalitions", "officials", "elections", "pairs" })
        {
            var rows = Read(family);
            Assert.True(rows.Count(r => r[0] == "match") >= 15, $"{family}: fewer than 15 match examples");
            Assert.True(rows.Count(r => r[0] == "nomatch") >= 5, $"{family}: fewer than 5 nomatch examples");
            Assert.All(rows, r => Assert.Contains(r[0], new[] { "match", "nomatch" }));
        }
    }

    [Theory]
    [MemberData(nameof(Rows), "dates")]
    public void Dates(string family, int index)
    {
        var (row, r) = Run(family, index, 2, 1);
        if (row[0] == "nomatch") { Assert.Empty(r.Dates); return; }
        var date = DateOnly.ParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(r.Dates, d => d.Date == date && d.Text == row[4]);
    }

    [Theory]
    [MemberData(nameof(Rows), "figures")]
    public void Figures(string family, int index)
    {
        var (row, r) = Run(family, index, 1);
        if (row[0] == "nomatch") { Assert.Empty(r.Figures); return; }
        double value = double.Parse(row[3], CultureInfo.InvariantCulture);
        Assert.Contains(r.Figures, f => KindName(f.Kind) == row[2] && Math.Abs(f.Value - value) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(Rows), "ballots")]
    public void Ballot_numbers(string family, int index)
    {
        var (row, r) = Run(family, index, 1);
        if (row[0] == "nomatch") { Assert.All(r.Candidates, c => Assert.Null(c.Number)); return; }
        Assert.Contains(r.Candidates, c => c.Head.Name == row[2] && c.Number == int.Parse(row[3], CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Rows), "coalitions")]
    public void Coalitions(string family, int index)
    {
        var (row, r) = Run(family, index, 1);
        if (row[0] == "nomatch") { Assert.All(r.Candidates, c => Assert.Empty(c.Parties)); return; }
        var pair = Assert.Single(r.Candidates, c => c.Head.Name == row[2]);
        Assert.Equal(row[3].Split(';'), pair.Parties);
    }

    [Theory]
    [MemberData(nameof(Rows), "officials")]
    public void Officials(string family, int index)
    {
        var (row, r) = Run(family, index, 1);
        if (row[0] == "nomatch") { Assert.Empty(r.Officials); return; }
        Assert.Contains(r.Officials, o => o.Name == row[2] && o.Role == row[3] && o.Institution == row[4]);
    }

    [Theory]
    [MemberData(nameof(Rows), "elections")]
    public void Elections(string family, int index)
    {
        var (row, r) = Run(family, index, 2, 1);
        if (row[0] == "nomatch") { Assert.Empty(r.Elections); return; }
        Assert.Contains(r.Elections, e => TypeName(e.Type) == row[3]
            && (row[4] == "-" ? e.Region is null : e.Region?.Name == row[4])
            && (row[5] == "-" || e.Year == int.Parse(row[5], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Rows), "pairs")]
    public void Pairs(string family, int index)
    {
        var (row, r) = Run(family, index, 1);
        if (row[0] == "nomatch") { Assert.Empty(r.Candidates); return; }
        // A deputy of "-" is a single candidate: the record names no running mate.
        Assert.Contains(r.Candidates, c => c.Head.Name == row[2] && (row[3] == "-" ? c.Deputy is null : c.Deputy?.Name == row[3]));
    }

    private static string KindName(FigureKind k) => System.Text.Json.JsonSerializer.Serialize(k).Trim('"');

    private static string TypeName(ElectionType t) => System.Text.Json.JsonSerializer.Serialize(t).Trim('"');
}
