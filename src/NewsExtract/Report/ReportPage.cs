using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NewsExtract.Records;

namespace NewsExtract.Report;

/// <summary>
/// Writes a report as one self-contained HTML file: inline style sheet and script (embedded in the library), the page
/// data as a JSON data block, no network. Untrusted strings (article text, titles, urls, authors) only ever reach the
/// page inside that JSON, where System.Text.Json escapes &lt;, &gt;, &amp; and quotes, so "&lt;/script&gt;" cannot end the
/// block; the script puts them into the page with textContent. A Content-Security-Policy meta allows the page's own
/// script and style (by SHA-256) and nothing else: no other script, no network, no forms, no frames.
/// </summary>
internal static class ReportPage
{
    private static readonly Lazy<string> Script = new(() => Resource("report/report.js"));
    private static readonly Lazy<string> Style = new(() => Resource("report/report.css"));

    /// <summary>The page's Content-Security-Policy: only the inline script and style whose hashes it names.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; script-src '{Hash(Script.Value)}'; style-src '{Hash(Style.Value)}'; img-src data:; " +
        "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'; connect-src 'none'";

    public static void Write(ReportModel model, TextWriter writer)
    {
        string title = WebUtility.HtmlEncode(model.Title);
        writer.Write("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        writer.Write($"<title>{title}</title>\n<style>{Style.Value}</style>\n</head>\n<body>\n");
        int articles = model.Articles.Count;
        int items = model.Articles.Sum(a => a.Items.Count);
        writer.Write($"<header>\n<h1>{title}</h1>\n<div class=\"summary\">{articles.ToString(CultureInfo.InvariantCulture)} articles, " +
                     $"{items.ToString(CultureInfo.InvariantCulture)} highlighted items, {model.Races.Count.ToString(CultureInfo.InvariantCulture)} race rows" +
                     (model.IsEvaluation ? "; gold against prediction" : "") + ". Click a highlight for its field, value and evidence.</div>\n");
        writer.Write("<div id=\"legend\"><input id=\"search\" type=\"search\" placeholder=\"search articles\" aria-label=\"search articles\">" +
                     (model.IsEvaluation ? "<label class=\"legend-item\"><input id=\"only-errors\" type=\"checkbox\"> only articles with errors</label>" : "") +
                     "</div>\n</header>\n");
        if (model.Scores is { } scores)
        {
            writer.Write("<section id=\"scores\"><h3>Scores</h3><table><thead><tr><th>field</th><th>P</th><th>R</th><th>F1</th><th>gold</th><th>pred</th><th>tp</th></tr></thead><tbody>\n");
            foreach (var (field, tp, fp, fn) in scores)
            {
                double p = tp + fp == 0 ? (fn == 0 ? 1 : 0) : (double)tp / (tp + fp);
                double r = tp + fn == 0 ? (fp == 0 ? 1 : 0) : (double)tp / (tp + fn);
                double f = 2 * tp + fp + fn == 0 ? 1 : 2.0 * tp / (2 * tp + fp + fn);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"<tr><td>{WebUtility.HtmlEncode(field)}</td><td>{p:0.000}</td><td>{r:0.000}</td><td>{f:0.000}</td><td>{tp + fn}</td><td>{tp + fp}</td><td>{tp}</td></tr>\n"));
            }
            writer.Write("</tbody></table></section>\n");
        }
        writer.Write("<section id=\"races\"><h3>Races</h3><table><thead><tr><th>race</th><th>region</th><th>province</th><th>year</th><th>pairs</th><th>articles</th></tr></thead>" +
                     "<tbody id=\"races-body\"></tbody></table><button id=\"races-more\" type=\"button\" hidden></button></section>\n");
        const string pager = "<nav class=\"pager\"><button class=\"prev\" type=\"button\">&larr; previous</button><span class=\"pos\"></span><button class=\"next\" type=\"button\">next &rarr;</button></nav>\n";
        writer.Write(pager);
        writer.Write("<main id=\"articles\"></main>\n");
        writer.Write(pager);
        writer.Write("<aside id=\"details\" hidden></aside>\n");
        writer.Write("<script id=\"report-data\" type=\"application/json\">");
        writer.Write(Json(model));
        writer.Write("</script>\n<script>");
        writer.Write(Script.Value);
        writer.Write("</script>\n</body>\n</html>\n");
    }

    /// <summary>The page data. Every string goes through the JSON writer's encoder, which escapes the HTML-sensitive characters.</summary>
    internal static string Json(ReportModel model)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteBoolean("evaluation", model.IsEvaluation);
            json.WriteStartArray("kinds");
            foreach (var k in HighlightKind.All) json.WriteStringValue(k);
            json.WriteEndArray();
            json.WriteStartObject("kindLabels");
            foreach (var k in HighlightKind.All) json.WriteString(k, HighlightKind.Label(k));
            json.WriteEndObject();
            json.WriteStartObject("counts");
            foreach (var k in HighlightKind.All) json.WriteNumber(k, model.Articles.Sum(a => a.Items.Count(i => i.Kind == k)));
            json.WriteEndObject();
            json.WriteStartArray("races");
            foreach (var row in model.Races) WriteRace(json, row, model.Articles.Count);
            json.WriteEndArray();
            json.WriteStartArray("articles");
            foreach (var article in model.Articles) WriteArticle(json, article);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteRace(Utf8JsonWriter json, RaceRow row, int articles)
    {
        json.WriteStartObject();
        json.WriteString("type", row.Type);
        json.WriteString("region", row.Region);
        json.WriteString("code", row.Code);
        json.WriteString("province", row.Province);
        WriteNumber(json, "year", row.Year);
        json.WriteString("status", row.Status);
        json.WriteStartArray("pairs");
        foreach (var p in row.Pairs.Where(p => p.Article >= 0 && p.Article < articles))
        {
            json.WriteStartObject();
            WriteNumber(json, "number", p.Number);
            json.WriteString("head", p.Head);
            json.WriteString("deputy", p.Deputy);
            json.WriteStartArray("parties");
            foreach (var party in p.Parties) json.WriteStringValue(party);
            json.WriteEndArray();
            if (p.Votes is long v) json.WriteNumber("votes", v); else json.WriteNull("votes");
            if (p.Percent is double pc) json.WriteNumber("percent", Math.Round(pc, 3)); else json.WriteNull("percent");
            json.WriteBoolean("incumbent", p.Incumbent == true);
            json.WriteNumber("article", p.Article);
            json.WriteString("status", p.Status);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("articles");
        foreach (int a in row.Articles.Where(a => a >= 0 && a < articles)) json.WriteNumberValue(a);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteArticle(Utf8JsonWriter json, ReportArticle a)
    {
        json.WriteStartObject();
        json.WriteString("id", a.Id);
        json.WriteString("title", a.Source.Title);
        json.WriteString("url", a.Source.Url);
        json.WriteString("path", a.Source.Path);
        json.WriteString("outlet", a.Source.Outlet);
        json.WriteString("author", a.Source.Author);
        json.WriteString("published", a.Source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("dateline", a.Source.Dateline);
        json.WriteString("text", a.Text);
        json.WriteString("error", a.Error);
        json.WriteStartArray("warnings");
        foreach (var w in a.Warnings) json.WriteStringValue(w);
        json.WriteEndArray();
        json.WriteStartArray("items");
        foreach (var item in a.Items)
        {
            json.WriteStartObject();
            json.WriteString("k", item.Kind);
            json.WriteString("f", item.Field);
            json.WriteString("v", item.Value);
            json.WriteStartArray("s");
            // A span outside the text (a record read from elsewhere) is left out rather than trusted.
            var spans = item.Spans.Where(s => s.Start >= 0 && s.Start < s.End && s.End <= a.Text.Length).ToArray();
            foreach (var (start, end) in spans)
            {
                json.WriteStartArray();
                json.WriteNumberValue(start);
                json.WriteNumberValue(end);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            // Evidence that is just the highlighted text is left for the script to read from the text: a page of
            // 1,000 articles is a fifth smaller for it.
            if (!item.Evidence.SequenceEqual(spans.Select(s => a.Text[s.Start..s.End]), StringComparer.Ordinal))
            {
                json.WriteStartArray("e");
                foreach (var e in item.Evidence) json.WriteStringValue(e);
                json.WriteEndArray();
            }
            if (item.Status is not null) json.WriteString("st", item.Status);
            if (item.Note is not null) json.WriteString("n", item.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (a.Scores is { } scores)
        {
            json.WriteBoolean("errors", scores.Any(s => s.Fp + s.Fn > 0));
            json.WriteStartArray("scores");
            foreach (var (field, tp, fp, fn) in scores)
            {
                json.WriteStartArray();
                json.WriteStringValue(field);
                json.WriteNumberValue(tp);
                json.WriteNumberValue(fp);
                json.WriteNumberValue(fn);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v) json.WriteNumber(name, v); else json.WriteNull(name);
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Resource(string relativePath)
    {
        string name = "NewsExtract.Resources." + relativePath;
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the NewsExtract assembly; the build did not embed Resources/{relativePath}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line ends as one character, so the hash in the policy is the hash of what the browser reads.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>A page of plain records: items of each record highlighted, races from <paramref name="races"/> or per article.</summary>
    public static ReportModel FromRecords(IReadOnlyList<ArticleRecord> records, string title, IReadOnlyList<RaceRow>? races = null)
    {
        var builder = new ReportItems();
        var articles = records.Select((r, i) => new ReportArticle(
            ArticleId(r.Source, i), r.Source, r.Text, r.Error is null ? builder.For(r) : [], r.Warnings, r.Error?.Message)).ToArray();
        return new ReportModel(title, races ?? RaceTable.PerArticle(records), articles);
    }

    internal static string ArticleId(SourceInfo source, int index) =>
        source.Path is { Length: > 0 } path ? Path.GetFileName(path) is { Length: > 0 } name ? name : path
        : source.Url ?? $"article {index + 1}";
}
