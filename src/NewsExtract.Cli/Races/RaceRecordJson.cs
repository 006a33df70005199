using System.Text.Json;
using System.Text.Json.Serialization;
using NewsExtract.Records;

namespace NewsExtract.Cli.Races;

/// <summary>
/// Reads a record line for the races step: only source, elections, candidates, figures (the words behind a vote
/// count) and error. The text, entities and dates (most of a record's bytes) are skipped unread, which keeps 100,000 records within seconds.
/// </summary>
internal static class RaceRecordJson
{
    internal sealed record RaceInputRecord(
        SourceInfo? Source,
        IReadOnlyList<Election>? Elections,
        IReadOnlyList<CandidatePair>? Candidates,
        IReadOnlyList<Figure>? Figures,
        ExtractionError? Error);

    public static ArticleRecord Parse(string json)
    {
        var r = JsonSerializer.Deserialize(json, RaceInputJsonContext.Default.RaceInputRecord)
            ?? throw new JsonException("JSON 'null' is not an article record.");
        return new ArticleRecord(r.Source ?? new SourceInfo(), "", r.Elections ?? [], r.Candidates ?? [], [], [], r.Figures ?? [], [], [], r.Error);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RaceRecordJson.RaceInputRecord))]
internal sealed partial class RaceInputJsonContext : JsonSerializerContext
{
}
