using System.Text.Json;
using NewsExtract.Cli.Races;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Races;

/// <summary>`newsextract races` end to end: inputs (articles, record JSONL, standard input), formats, usage errors.</summary>
public sealed class RacesCommandTests
{
    private static string Palu => Path.Combine(RepositoryPaths.Corpus, "races", "palu-2024");

    [Fact]
    public void Articles_and_the_record_jsonl_of_the_same_articles_give_the_same_table()
    {
        using var tmp = new TempFolder();
        var extract = CliRunner.Run("extract", Palu, "-o", tmp.File("records.jsonl"));
        Assert.True(extract.Exit == 0, extract.Err);
        var fromArticles = CliRunner.Run("races", Palu, "--format", "jsonl");
        var fromRecords = CliRunner.Run("races", tmp.File("records.jsonl"), "--format", "jsonl");
        var fromStdin = CliRunner.RunWithInput(File.ReadAllText(tmp.File("records.jsonl")), "races", "-", "--format", "jsonl");
        Assert.Equal(0, fromRecords.Exit);
        Assert.Equal(fromArticles.Out, fromRecords.Out);
        Assert.Equal(fromRecords.Out, fromStdin.Out);
        var race = JsonSerializer.Deserialize(Assert.Single(fromRecords.Lines), RaceJsonContext.Default.Race)!;
        Assert.Equal(("walikota", "72.71", 2024), (race.Type, race.RegionCode, race.Year));
        Assert.Equal(2, race.Pairs.Count);
        Assert.All(race.Pairs, p => Assert.All(p.Articles, a => Assert.NotNull(a.Outlet)));
        Assert.Contains("6 records, 0 not about elections", fromRecords.Err);
    }

    [Fact]
    public void Csv_has_one_row_per_race_and_pair()
    {
        var run = CliRunner.Run("races", Palu, "--format", "csv");
        Assert.Equal(0, run.Exit);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RaceOutput.CsvHeader), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[1..], l => Assert.StartsWith("walikota/72.71/2024,walikota,Kota Palu,72.71,Sulawesi Tengah,2024,", l));
    }

    [Fact]
    public void Json_is_an_array_of_races()
    {
        var run = CliRunner.Run("races", Palu);
        Assert.Equal(0, run.Exit);
        var races = JsonSerializer.Deserialize(run.Out, RaceJsonContext.Default.ListRace)!;
        Assert.Equal("walikota/72.71/2024", Assert.Single(races).Id);
    }

    [Fact]
    public void Records_not_about_elections_are_counted_and_skipped()
    {
        using var tmp = new TempFolder();
        tmp.File("in/weather.txt", "Hujan deras mengguyur Kota Bogor sejak Senin sore. Warga diminta waspada terhadap pohon tumbang.");
        var run = CliRunner.Run("races", Path.Combine(tmp.Path, "in"), "--format", "jsonl");
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("1 records, 1 not about elections (skipped)", run.Err);
    }

    [Fact]
    public void Parquet_needs_an_output_folder_and_writes_three_tables()
    {
        Assert.Equal(2, CliRunner.Run("races", Palu, "--format", "parquet").Exit);
        Assert.Equal(2, CliRunner.Run("extract", Palu, "--format", "parquet").Exit);
        using var tmp = new TempFolder();
        var onFile = CliRunner.Run("extract", Palu, "--format", "parquet", "-o", tmp.File("a-file.txt", "x"));
        Assert.Equal(2, onFile.Exit);
        Assert.Contains("is a file; --format parquet writes a folder of tables", onFile.Err);
        var run = CliRunner.Run("races", Palu, "--format", "parquet", "-o", tmp.File("out"));
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(["race_conflicts.parquet", "race_sources.parquet", "races.parquet"],
            Directory.GetFiles(tmp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unreadable_record_line_is_an_error_and_the_rest_goes_on()
    {
        using var tmp = new TempFolder();
        var extract = CliRunner.Run("extract", Path.Combine(Palu, "palu-01-pendaftaran.txt"));
        File.WriteAllText(tmp.File("records.jsonl"), extract.Out + "{\"elections\": 3, \"candidates\": []}\n");
        var run = CliRunner.Run("races", tmp.File("records.jsonl"), "--format", "jsonl");
        Assert.Equal(1, run.Exit);
        Assert.Contains("records.jsonl:2: the line looks like a record but is not one", run.Err);
        Assert.Single(run.Lines);
    }
}
