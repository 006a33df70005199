using System.Text.Json.Serialization;

namespace NewsExtract.Records;

// The record contract. Field names are fixed: extend, never rename (other tools read them).
// Every type here is immutable; collections are read-only lists.

/// <summary>A piece of the article text: character offsets into <see cref="ArticleRecord.Text"/> (end exclusive) and the text itself.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Text">The characters between <paramref name="Start"/> and <paramref name="End"/>.</param>
public sealed record Span(int Start, int End, string Text);

/// <summary>One extracted article: where it came from, its text, and everything found in it.</summary>
/// <param name="Source">Provenance and page metadata.</param>
/// <param name="Text">The article text that every offset in this record refers to: the input itself for plain text, the article body for an HTML page.</param>
/// <param name="Elections">The races the article is about.</param>
/// <param name="Candidates">Candidate pairs (paslon) named in the article.</param>
/// <param name="Officials">Officials of election bodies, police, military and government.</param>
/// <param name="Dates">Dated events, resolved to calendar days.</param>
/// <param name="Figures">Numbers: voters, votes, polling stations, seats and the like.</param>
/// <param name="Entities">Named entities (persons, organisations, locations).</param>
/// <param name="Warnings">Things a reader should check: ambiguities, contradictions, unreadable parts.</param>
/// <param name="Error">Set when the input could not be read; all other fields are then empty.</param>
public sealed record ArticleRecord(
    SourceInfo Source,
    string Text,
    IReadOnlyList<Election> Elections,
    IReadOnlyList<CandidatePair> Candidates,
    IReadOnlyList<Official> Officials,
    IReadOnlyList<DatedEvent> Dates,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<string> Warnings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExtractionError? Error = null)
{
    /// <summary>An error record for an input that could not be read.</summary>
    public static ArticleRecord ForError(SourceInfo source, string message) =>
        new(source, "", [], [], [], [], [], [], [], new ExtractionError(message));
}

/// <summary>Why an input produced no record.</summary>
/// <param name="Message">What was wrong with which input, and what to do.</param>
public sealed record ExtractionError(string Message);

/// <summary>
/// Where the article came from and what its page said about itself. Set what you know:
/// <c>new SourceInfo { Path = "crawl-0042", Url = "https://..." }</c>; the rest stays null.
/// </summary>
public sealed record SourceInfo
{
    /// <summary>File path of the input when read from a file, or any id the caller gives it (error messages name it).</summary>
    public string? Path { get; init; }

    /// <summary>Canonical or given URL.</summary>
    public string? Url { get; init; }

    /// <summary>Headline.</summary>
    public string? Title { get; init; }

    /// <summary>Publishing outlet (site name or wire agency).</summary>
    public string? Outlet { get; init; }

    /// <summary>Author or reporter.</summary>
    public string? Author { get; init; }

    /// <summary>Publication day; relative dates in the text resolve against it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Place named in the dateline ("Kupang (ANTARA) -" gives "Kupang").</summary>
    public string? Dateline { get; init; }
}

/// <summary>Kind of race.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ElectionType>))]
public enum ElectionType
{
    /// <summary>Mayor (Pilwali, Pilwalkot).</summary>
    [JsonStringEnumMemberName("walikota")] Walikota,
    /// <summary>Regent (Pilbup).</summary>
    [JsonStringEnumMemberName("bupati")] Bupati,
    /// <summary>Governor (Pilgub).</summary>
    [JsonStringEnumMemberName("gubernur")] Gubernur,
    /// <summary>President (Pilpres).</summary>
    [JsonStringEnumMemberName("presiden")] Presiden,
    /// <summary>National parliament (DPR RI).</summary>
    [JsonStringEnumMemberName("dpr")] Dpr,
    /// <summary>Regional parliament (DPRD provinsi / kabupaten / kota).</summary>
    [JsonStringEnumMemberName("dprd")] Dprd,
    /// <summary>Regional representatives council (DPD).</summary>
    [JsonStringEnumMemberName("dpd")] Dpd,
}

/// <summary>An administrative region with its Kemendagri code.</summary>
/// <param name="Name">Canonical name: "Kota Blitar", "Kabupaten Ngada", "Provinsi Nusa Tenggara Timur".</param>
/// <param name="Code">Kemendagri code: "35.72" for a regency or city, "35" for a province.</param>
/// <param name="Province">Name of the province the region lies in ("Jawa Timur").</param>
public sealed record Region(string Name, string? Code, string? Province);

/// <summary>A race the article is about.</summary>
/// <param name="Type">Kind of race.</param>
/// <param name="Region">Where; null for a national race.</param>
/// <param name="Year">Election year (a 2020 race for the "periode 2021-2025").</param>
/// <param name="Evidence">Spans the type, region and year were read from.</param>
public sealed record Election(ElectionType Type, Region? Region, int? Year, IReadOnlyList<Span> Evidence);

/// <summary>A person's name as a record holds it.</summary>
/// <param name="Name">Full name without titles ("Santoso").</param>
/// <param name="Aliases">Nicknames and short forms used in the article ("Aaf", "Ji Tarom").</param>
/// <param name="Titles">Honorifics, degrees and ranks taken off the name ("Drs.", "M.Pd").</param>
public sealed record PersonName(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Titles);

/// <summary>Votes won by a pair.</summary>
/// <param name="Count">Number of votes.</param>
/// <param name="Percent">Share of valid votes, in percent.</param>
public sealed record VoteResult(long? Count, double? Percent);

/// <summary>A candidate pair (pasangan calon, paslon): head and deputy.</summary>
/// <param name="Number">Ballot number (nomor urut).</param>
/// <param name="Head">Candidate for head of region (or president).</param>
/// <param name="Deputy">Candidate for deputy; null when the article names only the head.</param>
/// <param name="Label">Short label used in the article ("Santoso-Tjutjuk").</param>
/// <param name="Parties">Backing parties, canonical short names.</param>
/// <param name="Seats">Seats the coalition holds in the regional parliament.</param>
/// <param name="SeatShare">Share of seats, in percent.</param>
/// <param name="Incumbent">True for a petahana / incumbent pair; null when the article does not say.</param>
/// <param name="Election">Index into <see cref="ArticleRecord.Elections"/>.</param>
/// <param name="Votes">Votes won, when the article reports them.</param>
/// <param name="Evidence">Spans every value was read from.</param>
public sealed record CandidatePair(
    int? Number,
    PersonName Head,
    PersonName? Deputy,
    string? Label,
    IReadOnlyList<string> Parties,
    int? Seats,
    double? SeatShare,
    bool? Incumbent,
    int? Election,
    VoteResult? Votes,
    IReadOnlyList<Span> Evidence);

/// <summary>Sector an official belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfficialSector>))]
public enum OfficialSector
{
    /// <summary>Election commission (KPU, KIP, PPK, PPS, KPPS).</summary>
    [JsonStringEnumMemberName("kpu")] Kpu,
    /// <summary>Election supervisors (Bawaslu, Panwaslih, Panwascam, DKPP).</summary>
    [JsonStringEnumMemberName("bawaslu")] Bawaslu,
    /// <summary>Police (Polri, Polda, Polres).</summary>
    [JsonStringEnumMemberName("police")] Police,
    /// <summary>Military (TNI, Kodam, Korem, Kodim).</summary>
    [JsonStringEnumMemberName("military")] Military,
    /// <summary>Government (ministries, Pemprov, Pemkab, Pemkot, regional heads).</summary>
    [JsonStringEnumMemberName("government")] Government,
    /// <summary>Courts (MK, courts).</summary>
    [JsonStringEnumMemberName("court")] Court,
    /// <summary>Parliament (DPR, DPRD).</summary>
    [JsonStringEnumMemberName("parliament")] Parliament,
    /// <summary>Political party offices.</summary>
    [JsonStringEnumMemberName("party")] Party,
    /// <summary>Anything else (civil and religious bodies).</summary>
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>A named official.</summary>
/// <param name="Name">Name without titles or ranks.</param>
/// <param name="Role">Position without the institution ("Ketua", "Kapolresta", "Komisioner Divisi Perencanaan Data dan Informasi").</param>
/// <param name="Institution">Institution with its region ("KPU Kota Blitar", "Polresta Blitar").</param>
/// <param name="Evidence">Spans the name, role and institution were read from.</param>
/// <param name="Titles">Ranks, honorifics and degrees taken off the name ("AKBP", "Drs."); null gives an empty list.</param>
/// <param name="Sector">Kind of institution.</param>
public sealed record Official(
    string Name,
    string? Role,
    string? Institution,
    IReadOnlyList<Span> Evidence,
    IReadOnlyList<string>? Titles = null,
    OfficialSector? Sector = null)
{
    /// <summary>Ranks, honorifics and degrees taken off the name ("AKBP", "Drs."); empty when there are none, never null (as <see cref="PersonName.Titles"/>).</summary>
    public IReadOnlyList<string> Titles { get; init; } = Titles ?? [];
}

/// <summary>A date in the text, resolved to a calendar day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Text">The words it was read from.</param>
/// <param name="Start">Start offset of <paramref name="Text"/>.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Event">What happens on that day, when the sentence says ("pengundian nomor urut", "pemungutan suara").</param>
public sealed record DatedEvent(DateOnly Date, string Text, int Start, int End, string? Event);

/// <summary>Kind of number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureKind>))]
public enum FigureKind
{
    /// <summary>Registered voters (pemilih, DPT).</summary>
    [JsonStringEnumMemberName("voters")] Voters,
    /// <summary>Votes (suara).</summary>
    [JsonStringEnumMemberName("votes")] Votes,
    /// <summary>Share of votes, in percent.</summary>
    [JsonStringEnumMemberName("vote_share")] VoteShare,
    /// <summary>Turnout (partisipasi pemilih), in percent.</summary>
    [JsonStringEnumMemberName("turnout")] Turnout,
    /// <summary>Parliament seats (kursi).</summary>
    [JsonStringEnumMemberName("seats")] Seats,
    /// <summary>Share of parliament seats, in percent.</summary>
    [JsonStringEnumMemberName("seat_share")] SeatShare,
    /// <summary>Polling stations (TPS).</summary>
    [JsonStringEnumMemberName("polling_stations")] PollingStations,
    /// <summary>Election workers (pantarlih, KPPS, PPS, PPK members).</summary>
    [JsonStringEnumMemberName("officers")] Officers,
    /// <summary>Ballot papers (surat suara).</summary>
    [JsonStringEnumMemberName("ballots")] Ballots,
    /// <summary>Money in rupiah (anggaran, dana hibah).</summary>
    [JsonStringEnumMemberName("budget")] Budget,
}

/// <summary>A number in the text with what it counts.</summary>
/// <param name="Kind">What the number counts.</param>
/// <param name="Value">The value ("222.451" gives 222451; "53,33%" gives 53.33; "1,2 juta" gives 1200000).</param>
/// <param name="Text">The words it was read from.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset (exclusive).</param>
public sealed record Figure(FigureKind Kind, double Value, string Text, int Start, int End);

/// <summary>Named-entity type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityType>))]
public enum EntityType
{
    /// <summary>Person.</summary>
    PER,
    /// <summary>Organisation: institutions, parties, companies, outlets.</summary>
    ORG,
    /// <summary>Location: regions, places, buildings.</summary>
    LOC,
}

/// <summary>Which part of NewsExtract found an entity.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntitySource>))]
public enum EntitySource
{
    /// <summary>The trained named-entity model.</summary>
    [JsonStringEnumMemberName("model")] Model,
    /// <summary>A rule pattern.</summary>
    [JsonStringEnumMemberName("rule")] Rule,
    /// <summary>A vocabulary (gazetteer) entry.</summary>
    [JsonStringEnumMemberName("gazetteer")] Gazetteer,
}

/// <summary>A named entity.</summary>
/// <param name="Type">PER, ORG or LOC.</param>
/// <param name="Text">The entity's words.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Source">What found it.</param>
/// <param name="Score">Confidence between 0 and 1.</param>
public sealed record Entity(EntityType Type, string Text, int Start, int End, EntitySource Source, double Score);
