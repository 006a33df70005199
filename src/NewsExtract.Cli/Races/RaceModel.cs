using System.Text.Json.Serialization;

namespace NewsExtract.Cli.Races;

// The race table written by `newsextract races`: one row per race, agreed across articles. Field names are part of
// the output contract (README "Races across articles"): extend, never rename.

/// <summary>An article behind a value: where it is, who published it when, and the words the value was read from.</summary>
/// <param name="Id">The record's id: its URL, else its path.</param>
/// <param name="Url">The article's URL.</param>
/// <param name="Outlet">Publishing outlet.</param>
/// <param name="Published">Publication day.</param>
/// <param name="Evidence">The text the value was read from.</param>
/// <param name="Says">For an article that disagrees: the value it gives instead.</param>
internal sealed record SourceRef(
    string Id,
    string? Url,
    string? Outlet,
    DateOnly? Published,
    string? Evidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Says = null);

/// <summary>A value with the articles that give it and the articles that give another one.</summary>
internal sealed record Sourced<T>(T Value, IReadOnlyList<SourceRef> Support, IReadOnlyList<SourceRef> Disagree, double Agreement);

/// <summary>A candidate as agreed across articles: the fullest name seen, every other name form as an alias.</summary>
internal sealed record RacePerson(string Name, IReadOnlyList<string> Aliases);

/// <summary>One candidate pair of a race, merged over every article that names it.</summary>
internal sealed record RacePair(
    RacePerson Head,
    RacePerson? Deputy,
    Sourced<int>? Number,
    IReadOnlyList<Sourced<string>> Parties,
    Sourced<bool>? Incumbent,
    Sourced<long>? Votes,
    Sourced<double>? VoteShare,
    IReadOnlyList<SourceRef> Articles,
    double Confidence);

/// <summary>Something the articles disagree on, for a person to check.</summary>
/// <param name="Kind"><c>number</c> (two ballot numbers for one pair), <c>votes</c> (two vote counts),
/// <c>shared_number</c> (one ballot number for two pairs), <c>party</c> (a party backing two pairs),
/// <c>two_races</c> (a pair in two races of one year).</param>
/// <param name="Message">What disagrees, in words.</param>
/// <param name="Values">The competing values.</param>
/// <param name="Sources">The articles on every side.</param>
internal sealed record RaceConflict(string Kind, string Message, IReadOnlyList<string> Values, IReadOnlyList<SourceRef> Sources);

/// <summary>One race: type, region and year, its pairs, and what the articles disagree on.</summary>
internal sealed record Race(
    string Id,
    string Type,
    string? RegionName,
    string? RegionCode,
    string? Province,
    int? Year,
    int Articles,
    IReadOnlyList<RacePair> Pairs,
    IReadOnlyList<RaceConflict> Conflicts,
    double Confidence);

/// <summary>What the races step read and skipped.</summary>
internal sealed record RaceStats(int Records, int NotElection, int Errors, int PairsWithoutRace, int Races, int Pairs, int Conflicts);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(Race))]
[JsonSerializable(typeof(List<Race>))]
internal sealed partial class RaceJsonContext : JsonSerializerContext
{
}
