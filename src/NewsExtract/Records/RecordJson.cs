using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsExtract.Records;

/// <summary>System.Text.Json source-generated metadata for the record contract (camelCase, nulls written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(List<ArticleRecord>))]
public sealed partial class RecordJsonContext : JsonSerializerContext
{
}

/// <summary>Reads and writes records in the contract's JSON form.</summary>
public static class RecordJson
{
    private static readonly RecordJsonContext Indented = new(new JsonSerializerOptions(RecordJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>One record as a single JSON line (no line breaks inside).</summary>
    public static string ToJsonLine(ArticleRecord record) =>
        JsonSerializer.Serialize(record, RecordJsonContext.Default.ArticleRecord);

    /// <summary>One record as indented JSON.</summary>
    public static string ToIndentedJson(ArticleRecord record) =>
        JsonSerializer.Serialize(record, Indented.ArticleRecord);

    /// <summary>Reads a record from JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static ArticleRecord Parse(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.ArticleRecord)
        ?? throw new JsonException("JSON 'null' is not an article record.");
}
