using System.Globalization;
using DuckDB.NET.Data;
using NewsExtract.Cli;
using NewsExtract.Cli.Races;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Races;

/// <summary>
/// The races step exists twice: `newsextract races` and <c>src/NewsExtract.Cli/sql/races.sql</c> over the Parquet
/// tables of `extract --format parquet`, for DuckDB, Spark SQL or Trino. DuckDB runs the SQL here over the Parquet
/// output of the seed corpus and of the race set, and every race × pair row must equal the command's.
/// </summary>
public sealed class RacesSqlTests
{
    private static string SqlPath => Path.Combine(RepositoryPaths.Root, "src", "NewsExtract.Cli", "sql", "races.sql");

    [Theory]
    [InlineData("seed")]
    [InlineData("races")]
    public void Sql_over_the_parquet_tables_gives_the_same_race_table_as_the_command(string corpusFolder)
    {
        using var tmp = new TempFolder();
        string input = Path.Combine(RepositoryPaths.Corpus, corpusFolder);
        var extracted = CliRunner.Run("extract", input, "-o", tmp.File("records.jsonl"));
        Assert.True(extracted.Exit == 0, extracted.Err);
        var parquet = CliRunner.Run("extract", input, "--format", "parquet", "-o", tmp.File("tables"));
        Assert.True(parquet.Exit == 0, parquet.Err);
        var races = CliRunner.Run("races", tmp.File("records.jsonl"), "--format", "jsonl");
        Assert.True(races.Exit == 0, races.Err);

        var expected = races.Lines.Select(l => System.Text.Json.JsonSerializer.Deserialize(l, RaceJsonContext.Default.Race)!)
            .SelectMany(r => r.Pairs.Select(p => Row(r.Type, r.RegionCode, r.Year, p.Head.Name, p.Deputy?.Name, p.Number?.Value,
                p.Number is { Disagree.Count: > 0 }, string.Join(';', p.Parties.Select(x => x.Value).Order(StringComparer.Ordinal)),
                p.Parties.Any(x => x.Disagree.Count > 0),
                p.Incumbent is not null, p.Votes?.Value, p.Votes is { Disagree.Count: > 0 }, p.VoteShare?.Value, p.Articles.Count)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var actual = new List<string>();
        using (var db = Open(tmp.File("tables")))
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = File.ReadAllText(SqlPath);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                T? Get<T>(string column) where T : struct
                {
                    int i = reader.GetOrdinal(column);
                    return reader.IsDBNull(i) ? null : (T)Convert.ChangeType(reader.GetValue(i), typeof(T), CultureInfo.InvariantCulture);
                }
                string? Str(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
                actual.Add(Row(Str("type")!, Str("region_code"), Get<int>("year"), Str("head")!, Str("deputy"), Get<int>("number"),
                    Get<bool>("number_conflict") == true, Str("parties") ?? "", Get<bool>("party_conflict") == true, Get<bool>("incumbent") == true, Get<long>("votes"),
                    Get<bool>("votes_conflict") == true, Get<double>("vote_share"), Get<int>("pair_articles")!.Value));
            }
        }
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_cluster_mapper_step_stdin_jsonl_to_parquet_feeds_the_same_sql()
    {
        // What each Spark partition runs: crawl lines on standard input, Parquet tables out (README "Scaling out").
        using var tmp = new TempFolder();
        var lines = Directory.GetFiles(Path.Combine(RepositoryPaths.Corpus, "races"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["url"] = "https://example.test/" + Path.GetFileNameWithoutExtension(f),
                ["text"] = File.ReadAllText(f),
            }));
        string crawl = string.Join('\n', lines) + "\n";
        var parquet = CliRunner.RunWithInput(crawl, "extract", "-", "--format", "parquet", "-o", tmp.File("tables"));
        Assert.True(parquet.Exit == 0, parquet.Err);
        var races = CliRunner.RunWithInput(crawl, "races", "-", "--format", "jsonl");
        Assert.True(races.Exit == 0, races.Err);
        var expected = races.Lines.Select(l => System.Text.Json.JsonSerializer.Deserialize(l, RaceJsonContext.Default.Race)!)
            .SelectMany(r => r.Pairs.Select(p => $"{r.RegionCode} | {p.Head.Name} | {p.Deputy?.Name} | {p.Number?.Value} | {p.Votes?.Value} | {p.Articles.Count}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, expected.Count);
        var actual = new List<string>();
        using (var db = Open(tmp.File("tables")))
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = File.ReadAllText(SqlPath);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                actual.Add($"{reader["region_code"]} | {reader["head"]} | {(reader["deputy"] is DBNull ? "" : reader["deputy"])} | " +
                    $"{(reader["number"] is DBNull ? "" : reader["number"])} | {(reader["votes"] is DBNull ? "" : reader["votes"])} | {reader["pair_articles"]}");
        }
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Parquet_columns_are_typed()
    {
        using var tmp = new TempFolder();
        var run = CliRunner.Run("extract", Path.Combine(RepositoryPaths.Corpus, "seed"), "--format", "parquet", "-o", tmp.File("tables"));
        Assert.True(run.Exit == 0, run.Err);
        foreach (var table in RecordTablesNames)
            Assert.True(File.Exists(Path.Combine(tmp.Path, "tables", table + ".parquet")), table);
        using var db = Open(tmp.File("tables"));
        var types = new Dictionary<string, string>();
        foreach (var table in new[] { "articles", "elections", "candidates", "dates" })
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"DESCRIBE SELECT * FROM {table}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) types[$"{table}.{reader.GetString(0)}"] = reader.GetString(1);
        }
        Assert.Equal("DATE", types["articles.published"]);
        Assert.Equal("VARCHAR", types["elections.region_code"]);
        Assert.Equal("INTEGER", types["elections.year"]);
        Assert.Equal("INTEGER", types["candidates.number"]);
        Assert.Equal("BIGINT", types["candidates.votes"]);
        Assert.Equal("DOUBLE", types["candidates.vote_percent"]);
        Assert.Equal("BOOLEAN", types["candidates.incumbent"]);
        Assert.Equal("VARCHAR[]", types["candidates.parties"]);
        Assert.Equal("DATE", types["dates.date"]);

        // The same rows as the JSONL: five seed articles, and the seed's region codes kept as text ("35.72").
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM articles";
        Assert.Equal(5L, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture));
        count.CommandText = "SELECT COUNT(*) FROM elections WHERE region_code LIKE '__.__'";
        Assert.True(Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void A_table_is_written_a_row_group_at_a_time_and_reads_back_whole()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("parties.parquet");
        var table = new NewsExtract.Cli.ParquetOutput.ParquetTable<NewsExtract.Cli.ParquetOutput.CandidatePartyRow>(path, rowGroupRows: 3);
        for (int i = 0; i < 10; i++)
            table.Add(new NewsExtract.Cli.ParquetOutput.CandidatePartyRow { RecordId = $"r{i}", CandidateIndex = i, Party = i % 2 == 0 ? "PKB" : "PDIP" });
        table.Complete();
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT (SELECT COUNT(*) FROM read_parquet('{path}')), (SELECT CAST(SUM(candidate_index) AS BIGINT) FROM read_parquet('{path}')), " +
                          $"(SELECT COUNT(DISTINCT row_group_id) FROM parquet_metadata('{path}'))";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(10L, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        Assert.Equal(45L, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        Assert.Equal(4L, Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)); // 3 + 3 + 3 + 1 rows
    }

    private static readonly string[] RecordTablesNames = NewsExtract.Cli.ParquetOutput.RecordTables.Names;

    private static DuckDBConnection Open(string tables)
    {
        var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        foreach (var name in RecordTablesNames)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"CREATE VIEW {name} AS SELECT * FROM read_parquet('{Path.Combine(tables, name + ".parquet").Replace("'", "''")}')";
            cmd.ExecuteNonQuery();
        }
        return db;
    }

    private static string Row(string type, string? code, int? year, string head, string? deputy, int? number, bool numberConflict,
        string parties, bool partyConflict, bool incumbent, long? votes, bool votesConflict, double? share, int articles) =>
        string.Join(" | ", type, code, year, head, deputy, number, numberConflict, parties, partyConflict, incumbent, votes, votesConflict,
            share?.ToString("0.###", CultureInfo.InvariantCulture), articles);
}
