using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsExtract.Cli.ParquetOutput;

namespace NewsExtract.Cli.Races;

/// <summary>Writes the race table as JSON (an array), JSON Lines (one race per line), CSV (one row per race × pair) or Parquet.</summary>
internal static class RaceOutput
{
    private static readonly RaceJsonContext Indented = new(new JsonSerializerOptions(RaceJsonContext.Default.Options) { WriteIndented = true });

    public static string ToJsonLine(Race race) => JsonSerializer.Serialize(race, RaceJsonContext.Default.Race);

    public static void Write(IReadOnlyList<Race> races, OutputFormat format, string? output, TextWriter stdout)
    {
        if (format == OutputFormat.Parquet)
        {
            WriteParquet(races, output!);
            return;
        }
        // As extract does: links written through, devices in place, a temporary file renamed when complete.
        WholeOutput.Write(output, stdout, writer => WriteText(races, format, writer));
    }

    private static void WriteText(IReadOnlyList<Race> races, OutputFormat format, TextWriter w)
    {
        switch (format)
        {
            case OutputFormat.Jsonl:
                foreach (var r in races) { w.Write(ToJsonLine(r)); w.Write('\n'); }
                break;
            case OutputFormat.Json:
                w.Write(JsonSerializer.Serialize(races.ToList(), Indented.ListRace));
                w.Write('\n');
                break;
            case OutputFormat.Csv:
                WriteCsv(races, w);
                break;
        }
    }

    internal static readonly string[] CsvHeader =
    [
        "race_id", "type", "region", "region_code", "province", "year", "race_articles", "race_confidence",
        "head", "head_aliases", "deputy", "deputy_aliases", "number", "number_articles", "number_disagree",
        "parties", "incumbent", "votes", "votes_articles", "votes_disagree", "vote_share",
        "pair_articles", "pair_confidence", "sources", "conflicts",
    ];

    /// <summary>One row per race × pair (a race without pairs gives one row); lists are joined with "; ".</summary>
    internal static IEnumerable<string?[]> CsvRows(Race r)
    {
        string? conflicts = r.Conflicts.Count == 0 ? null : string.Join("; ", r.Conflicts.Select(c => c.Message));
        string?[] Row(RacePair? p) =>
        [
            r.Id, r.Type, r.RegionName, r.RegionCode, r.Province, Num(r.Year), Num(r.Articles), Num(r.Confidence),
            p?.Head.Name, Join(p?.Head.Aliases), p?.Deputy?.Name, Join(p?.Deputy?.Aliases),
            Num(p?.Number?.Value), Num(p?.Number?.Support.Count), Says(p?.Number),
            Join(p?.Parties.Select(x => x.Value).ToList()), p?.Incumbent is null ? null : "true",
            Num(p?.Votes?.Value), Num(p?.Votes?.Support.Count), Says(p?.Votes), Num(p?.VoteShare?.Value),
            Num(p?.Articles.Count), Num(p?.Confidence), Join(p?.Articles.Select(a => a.Id).ToList()), conflicts,
        ];
        if (r.Pairs.Count == 0) yield return Row(null);
        foreach (var p in r.Pairs) yield return Row(p);
    }

    private static string? Says<T>(Sourced<T>? v) =>
        v is null || v.Disagree.Count == 0 ? null : string.Join("; ", v.Disagree.Select(d => $"{d.Says} ({d.Id})"));

    private static void WriteCsv(IReadOnlyList<Race> races, TextWriter w)
    {
        void Line(string?[] fields)
        {
            w.Write(string.Join(',', fields.Select(RecordWriter.CsvField)));
            w.Write("\r\n"); // RFC 4180, as extract's CSV
        }
        Line(CsvHeader);
        foreach (var r in races)
            foreach (var row in CsvRows(r)) Line(row);
    }

    private static string? Num(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? Num(long? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? Num(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture);
    private static string? Join(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join("; ", items);

    // ---- Parquet: races.parquet (one row per race × pair, like the CSV), race_sources.parquet, race_conflicts.parquet.

    internal sealed class RacePairRow
    {
        [JsonPropertyName("race_id")] public string RaceId { get; set; } = "";
        [JsonPropertyName("type")] public string Type { get; set; } = "";
        [JsonPropertyName("region_name")] public string? RegionName { get; set; }
        [JsonPropertyName("region_code")] public string? RegionCode { get; set; }
        [JsonPropertyName("province")] public string? Province { get; set; }
        [JsonPropertyName("year")] public int? Year { get; set; }
        [JsonPropertyName("race_articles")] public int RaceArticles { get; set; }
        [JsonPropertyName("race_confidence")] public double RaceConfidence { get; set; }
        [JsonPropertyName("pair_index")] public int? PairIndex { get; set; }
        [JsonPropertyName("head")] public string? Head { get; set; }
        [JsonPropertyName("head_aliases")] public List<string> HeadAliases { get; set; } = [];
        [JsonPropertyName("deputy")] public string? Deputy { get; set; }
        [JsonPropertyName("deputy_aliases")] public List<string> DeputyAliases { get; set; } = [];
        [JsonPropertyName("number")] public int? Number { get; set; }
        [JsonPropertyName("parties")] public List<string> Parties { get; set; } = [];
        [JsonPropertyName("incumbent")] public bool? Incumbent { get; set; }
        [JsonPropertyName("votes")] public long? Votes { get; set; }
        [JsonPropertyName("vote_share")] public double? VoteShare { get; set; }
        [JsonPropertyName("pair_articles")] public int? PairArticles { get; set; }
        [JsonPropertyName("pair_confidence")] public double? PairConfidence { get; set; }
    }

    /// <summary>One article behind (or against) one value of one pair.</summary>
    internal sealed class RaceSourceRow
    {
        [JsonPropertyName("race_id")] public string RaceId { get; set; } = "";
        [JsonPropertyName("pair_index")] public int PairIndex { get; set; }
        [JsonPropertyName("field")] public string Field { get; set; } = "";
        [JsonPropertyName("value")] public string Value { get; set; } = "";
        [JsonPropertyName("agrees")] public bool Agrees { get; set; }
        [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("outlet")] public string? Outlet { get; set; }
        [JsonPropertyName("published")] public DateOnly? Published { get; set; }
        [JsonPropertyName("evidence")] public string? Evidence { get; set; }
    }

    internal sealed class RaceConflictRow
    {
        [JsonPropertyName("race_id")] public string RaceId { get; set; } = "";
        [JsonPropertyName("kind")] public string Kind { get; set; } = "";
        [JsonPropertyName("message")] public string Message { get; set; } = "";
        [JsonPropertyName("values")] public List<string> Values { get; set; } = [];
        [JsonPropertyName("record_ids")] public List<string> RecordIds { get; set; } = [];
    }

    private static void WriteParquet(IReadOnlyList<Race> races, string folder)
    {
        using var tables = new ParquetFolder(folder);
        var pairs = tables.Table<RacePairRow>("races");
        var sources = tables.Table<RaceSourceRow>("race_sources");
        var conflicts = tables.Table<RaceConflictRow>("race_conflicts");
        foreach (var r in races)
        {
            RacePairRow Row() => new()
            {
                RaceId = r.Id, Type = r.Type, RegionName = r.RegionName, RegionCode = r.RegionCode, Province = r.Province,
                Year = r.Year, RaceArticles = r.Articles, RaceConfidence = r.Confidence,
            };
            if (r.Pairs.Count == 0) pairs.Add(Row());
            for (int i = 0; i < r.Pairs.Count; i++)
            {
                var p = r.Pairs[i];
                var row = Row();
                row.PairIndex = i; row.Head = p.Head.Name; row.HeadAliases = [.. p.Head.Aliases];
                row.Deputy = p.Deputy?.Name; row.DeputyAliases = [.. p.Deputy?.Aliases ?? []];
                row.Number = p.Number?.Value; row.Parties = [.. p.Parties.Select(x => x.Value)];
                row.Incumbent = p.Incumbent?.Value; row.Votes = p.Votes?.Value; row.VoteShare = p.VoteShare?.Value;
                row.PairArticles = p.Articles.Count; row.PairConfidence = p.Confidence;
                pairs.Add(row);

                void Add(string field, string value, IEnumerable<SourceRef> refs, bool agrees)
                {
                    foreach (var s in refs)
                        sources.Add(new RaceSourceRow
                        {
                            RaceId = r.Id, PairIndex = i, Field = field, Value = agrees ? value : s.Says ?? "", Agrees = agrees,
                            RecordId = s.Id, Url = s.Url, Outlet = s.Outlet, Published = s.Published, Evidence = s.Evidence,
                        });
                }
                void AddValue<T>(string field, Sourced<T>? v)
                {
                    if (v is null) return;
                    string value = Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "";
                    Add(field, value, v.Support, true);
                    Add(field, value, v.Disagree, false);
                }
                Add("pair", RaceBuilder.PairName(p), p.Articles, true);
                AddValue("number", p.Number);
                foreach (var party in p.Parties) AddValue("party", party);
                AddValue("incumbent", p.Incumbent);
                AddValue("votes", p.Votes);
                AddValue("vote_share", p.VoteShare);
            }
            foreach (var c in r.Conflicts)
                conflicts.Add(new RaceConflictRow
                {
                    RaceId = r.Id, Kind = c.Kind, Message = c.Message, Values = [.. c.Values],
                    RecordIds = [.. c.Sources.Select(s => s.Id).Distinct(StringComparer.Ordinal)],
                });
        }
        tables.Complete();
    }
}
