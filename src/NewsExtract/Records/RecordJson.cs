using System.Text.Encodings.Web;
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

/// <summary>
/// Reads and writes records in the contract's JSON form: UTF-8 text as people write it ("André", quotes and
/// apostrophes as they are), except that "&lt;" is written \u003C so that no string can close a &lt;script&gt; element
/// ("&lt;/script&gt;") when the JSON is embedded in an HTML page. Control characters are escaped as JSON requires.
/// </summary>
public static class RecordJson
{
    private static readonly RecordJsonContext Compact = new(new JsonSerializerOptions(RecordJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly RecordJsonContext Indented = new(new JsonSerializerOptions(RecordJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    /// <summary>One record as a single JSON line (no line breaks inside).</summary>
    public static string ToJsonLine(ArticleRecord record) =>
        HtmlSafe(JsonSerializer.Serialize(record, Compact.ArticleRecord));

    /// <summary>One record as indented JSON.</summary>
    public static string ToIndentedJson(ArticleRecord record) =>
        HtmlSafe(JsonSerializer.Serialize(record, Indented.ArticleRecord));

    /// <summary>Reads a record from JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static ArticleRecord Parse(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.ArticleRecord)
        ?? throw new JsonException("JSON 'null' is not an article record.");

    // Outside strings JSON has no '<', so every '<' of the output is inside a string, where \u003C means the same.
    private static string HtmlSafe(string json) => json.Contains('<') ? json.Replace("<", "\\u003C", StringComparison.Ordinal) : json;
}
