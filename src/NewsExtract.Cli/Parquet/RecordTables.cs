using System.Text.Json.Serialization;
using NewsExtract.Cli.Races;
using NewsExtract.Records;

namespace NewsExtract.Cli.ParquetOutput;

// `extract --format parquet -o DIR`: the records as a set of Parquet tables joined by record_id (README "Parquet
// output" lists every column). The row classes are mutable because Parquet.Net's serializer fills properties; they
// never leave this folder.

internal sealed class ArticleRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("outlet")] public string? Outlet { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("published")] public DateOnly? Published { get; set; }
    [JsonPropertyName("dateline")] public string? Dateline { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("warnings")] public List<string> Warnings { get; set; } = [];
    [JsonPropertyName("error")] public string? Error { get; set; }
}

internal sealed class ElectionRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("election_index")] public int ElectionIndex { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("region_name")] public string? RegionName { get; set; }
    [JsonPropertyName("region_code")] public string? RegionCode { get; set; }
    [JsonPropertyName("province")] public string? Province { get; set; }
    [JsonPropertyName("year")] public int? Year { get; set; }
    [JsonPropertyName("evidence")] public string? Evidence { get; set; }
}

internal sealed class CandidateRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("candidate_index")] public int CandidateIndex { get; set; }
    [JsonPropertyName("election_index")] public int? ElectionIndex { get; set; }
    [JsonPropertyName("number")] public int? Number { get; set; }
    [JsonPropertyName("head")] public string Head { get; set; } = "";
    [JsonPropertyName("head_aliases")] public List<string> HeadAliases { get; set; } = [];
    [JsonPropertyName("head_titles")] public List<string> HeadTitles { get; set; } = [];
    [JsonPropertyName("head_key")] public string HeadKey { get; set; } = "";
    [JsonPropertyName("deputy")] public string? Deputy { get; set; }
    [JsonPropertyName("deputy_aliases")] public List<string> DeputyAliases { get; set; } = [];
    [JsonPropertyName("deputy_titles")] public List<string> DeputyTitles { get; set; } = [];
    [JsonPropertyName("deputy_key")] public string DeputyKey { get; set; } = "";
    [JsonPropertyName("head_tokens")] public int HeadTokens { get; set; }
    [JsonPropertyName("deputy_tokens")] public int DeputyTokens { get; set; }
    [JsonPropertyName("head_name_tokens")] public int HeadNameTokens { get; set; }
    [JsonPropertyName("deputy_name_tokens")] public int DeputyNameTokens { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("parties")] public List<string> Parties { get; set; } = [];
    [JsonPropertyName("seats")] public int? Seats { get; set; }
    [JsonPropertyName("seat_share")] public double? SeatShare { get; set; }
    [JsonPropertyName("incumbent")] public bool? Incumbent { get; set; }
    [JsonPropertyName("votes")] public long? Votes { get; set; }
    [JsonPropertyName("vote_percent")] public double? VotePercent { get; set; }
    [JsonPropertyName("evidence")] public string? Evidence { get; set; }
}

internal sealed class CandidatePartyRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("candidate_index")] public int CandidateIndex { get; set; }
    [JsonPropertyName("party")] public string Party { get; set; } = "";
}

/// <summary>The name tokens of <see cref="NameKeys"/>, one row each: what <c>sql/races.sql</c> matches names on.</summary>
internal sealed class CandidateNameRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("candidate_index")] public int CandidateIndex { get; set; }
    [JsonPropertyName("role")] public string Role { get; set; } = "";
    [JsonPropertyName("person_key")] public string PersonKey { get; set; } = "";
    [JsonPropertyName("token")] public string Token { get; set; } = "";
}

internal sealed class OfficialRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("institution")] public string? Institution { get; set; }
    [JsonPropertyName("sector")] public string? Sector { get; set; }
    [JsonPropertyName("titles")] public List<string> Titles { get; set; } = [];
}

internal sealed class DateRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("date")] public DateOnly Date { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("event")] public string? Event { get; set; }
}

internal sealed class FigureRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("value")] public double Value { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
}

internal sealed class EntityRow
{
    [JsonPropertyName("record_id")] public string RecordId { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("score")] public double Score { get; set; }
}

/// <summary>Writes records into the Parquet tables of an output folder, each table a row group at a time.</summary>
internal sealed class RecordTables : IDisposable
{
    public static readonly string[] Names =
        ["articles", "elections", "candidates", "candidate_parties", "candidate_names", "officials", "dates", "figures", "entities"];

    private readonly ParquetFolder _folder;
    private readonly ParquetTable<ArticleRow> _articles;
    private readonly ParquetTable<ElectionRow> _elections;
    private readonly ParquetTable<CandidateRow> _candidates;
    private readonly ParquetTable<CandidatePartyRow> _parties;
    private readonly ParquetTable<CandidateNameRow> _names;
    private readonly ParquetTable<OfficialRow> _officials;
    private readonly ParquetTable<DateRow> _dates;
    private readonly ParquetTable<FigureRow> _figures;
    private readonly ParquetTable<EntityRow> _entities;
    private long _ordinal;

    public RecordTables(string folder)
    {
        _folder = new ParquetFolder(folder);
        // An article row holds the whole text: 2,000 of them (about 10 MB) make a row group.
        _articles = _folder.Table<ArticleRow>("articles", rowGroupRows: 2_000);
        _elections = _folder.Table<ElectionRow>("elections");
        _candidates = _folder.Table<CandidateRow>("candidates");
        _parties = _folder.Table<CandidatePartyRow>("candidate_parties");
        _names = _folder.Table<CandidateNameRow>("candidate_names");
        _officials = _folder.Table<OfficialRow>("officials");
        _dates = _folder.Table<DateRow>("dates");
        _figures = _folder.Table<FigureRow>("figures");
        _entities = _folder.Table<EntityRow>("entities");
    }

    public void Write(ArticleRecord r)
    {
        string id = RaceBuilder.RecordId(r, ++_ordinal);
        var s = r.Source;
        _articles.Add(new ArticleRow
        {
            RecordId = id, Path = s.Path, Url = s.Url, Title = s.Title, Outlet = s.Outlet, Author = s.Author,
            Published = s.Published, Dateline = s.Dateline, Text = r.Text, Warnings = [.. r.Warnings], Error = r.Error?.Message,
        });
        for (int i = 0; i < r.Elections.Count; i++)
        {
            var e = r.Elections[i];
            _elections.Add(new ElectionRow
            {
                RecordId = id, ElectionIndex = i, Type = RecordWriter.ElectionTypeName(e.Type), RegionName = e.Region?.Name,
                RegionCode = e.Region?.Code, Province = e.Region?.Province, Year = e.Year,
                Evidence = e.Evidence.Count > 0 ? e.Evidence[0].Text : null,
            });
        }
        for (int i = 0; i < r.Candidates.Count; i++)
        {
            var c = r.Candidates[i];
            var head = NameKeys.Tokens(c.Head);
            var deputy = NameKeys.Tokens(c.Deputy);
            string headKey = NameKeys.Key(head), deputyKey = NameKeys.Key(deputy);
            _candidates.Add(new CandidateRow
            {
                RecordId = id, CandidateIndex = i, ElectionIndex = c.Election, Number = c.Number,
                Head = c.Head.Name, HeadAliases = [.. c.Head.Aliases], HeadTitles = [.. c.Head.Titles], HeadKey = headKey,
                Deputy = c.Deputy?.Name, DeputyAliases = [.. c.Deputy?.Aliases ?? []], DeputyTitles = [.. c.Deputy?.Titles ?? []],
                DeputyKey = deputyKey, HeadTokens = head.Length, DeputyTokens = deputy.Length,
                HeadNameTokens = NameKeys.NameTokenCount(c.Head.Name), DeputyNameTokens = c.Deputy is null ? 0 : NameKeys.NameTokenCount(c.Deputy.Name),
                Label = c.Label, Parties = [.. c.Parties], Seats = c.Seats, SeatShare = c.SeatShare, Incumbent = c.Incumbent,
                Votes = c.Votes?.Count, VotePercent = c.Votes?.Percent, Evidence = c.Evidence.Count > 0 ? c.Evidence[0].Text : null,
            });
            foreach (var p in c.Parties) _parties.Add(new CandidatePartyRow { RecordId = id, CandidateIndex = i, Party = p });
            foreach (var t in head) _names.Add(new CandidateNameRow { RecordId = id, CandidateIndex = i, Role = "head", PersonKey = headKey, Token = t });
            foreach (var t in deputy) _names.Add(new CandidateNameRow { RecordId = id, CandidateIndex = i, Role = "deputy", PersonKey = deputyKey, Token = t });
        }
        foreach (var o in r.Officials)
            _officials.Add(new OfficialRow
            {
                RecordId = id, Name = o.Name, Role = o.Role, Institution = o.Institution,
                Sector = o.Sector?.ToString().ToLowerInvariant(), Titles = [.. o.Titles ?? []],
            });
        foreach (var d in r.Dates)
            _dates.Add(new DateRow { RecordId = id, Date = d.Date, Text = d.Text, Start = d.Start, End = d.End, Event = d.Event });
        foreach (var f in r.Figures)
            _figures.Add(new FigureRow { RecordId = id, Kind = FigureKindName(f.Kind), Value = f.Value, Text = f.Text, Start = f.Start, End = f.End });
        foreach (var e in r.Entities)
            _entities.Add(new EntityRow
            {
                RecordId = id, Type = e.Type.ToString(), Text = e.Text, Start = e.Start, End = e.End,
                Source = e.Source.ToString().ToLowerInvariant(), Score = e.Score,
            });
    }

    private static string FigureKindName(FigureKind kind) => kind switch
    {
        FigureKind.VoteShare => "vote_share",
        FigureKind.SeatShare => "seat_share",
        FigureKind.PollingStations => "polling_stations",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Finishes every table and moves the complete files into the folder.</summary>
    public void Complete() => _folder.Complete();

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// An output folder of Parquet tables. Each table is written under a temporary name and renamed when every table is
/// complete, so an interrupted run leaves the folder as it was.
/// </summary>
internal sealed class ParquetFolder : IDisposable
{
    private readonly string _folder;
    private readonly List<(IDisposable Table, Action Complete, string Temp, string Target)> _tables = [];
    private bool _committed;

    public ParquetFolder(string folder)
    {
        _folder = System.IO.Path.GetFullPath(folder);
        if (File.Exists(_folder))
            throw new IOException($"{folder} is a file; Parquet output is a folder of tables (give a folder name with --output).");
        Directory.CreateDirectory(_folder);
    }

    public ParquetTable<TRow> Table<TRow>(string name, int rowGroupRows = ParquetTable<TRow>.RowGroupRows) where TRow : new()
    {
        string target = System.IO.Path.Combine(_folder, name + ".parquet");
        string temp = System.IO.Path.Combine(_folder, $".{name}.parquet.{Environment.ProcessId}.tmp");
        var table = new ParquetTable<TRow>(temp, rowGroupRows);
        _tables.Add((table, table.Complete, temp, target));
        return table;
    }

    public void Complete()
    {
        foreach (var t in _tables) t.Complete();
        foreach (var t in _tables) File.Move(t.Temp, t.Target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        foreach (var t in _tables)
        {
            t.Table.Dispose();
            if (!_committed && File.Exists(t.Temp)) File.Delete(t.Temp);
        }
    }
}
