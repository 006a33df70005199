using System.Text;
using NewsExtract.Records;
using NewsExtract.Tests.Reliability;

namespace NewsExtract.Tests.Records;

/// <summary>Every offset of a record indexes the caller's text: the plain-text input itself, or the body read from a page.</summary>
public class RecordOffsetTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    private static IEnumerable<(string Path, string Text)> CorpusFiles() =>
        new[] { "seed", "articles" }
            .Select(d => Path.Combine(RepositoryPaths.Corpus, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal))
            .Select(f => (f, File.ReadAllText(f, Encoding.UTF8)));

    /// <summary>Every span of the record (evidence, dates, figures, entities) as (what, start, end, text).</summary>
    internal static IEnumerable<(string What, int Start, int End, string Text)> AllSpans(ArticleRecord r) =>
        r.Elections.SelectMany(e => e.Evidence).Select(s => ("election evidence", s.Start, s.End, s.Text))
            .Concat(r.Candidates.SelectMany(c => c.Evidence).Select(s => ("candidate evidence", s.Start, s.End, s.Text)))
            .Concat(r.Officials.SelectMany(o => o.Evidence).Select(s => ("official evidence", s.Start, s.End, s.Text)))
            .Concat(r.Dates.Select(d => ("date", d.Start, d.End, d.Text)))
            .Concat(r.Figures.Select(f => ("figure", f.Start, f.End, f.Text)))
            .Concat(r.Entities.Select(e => ("entity", e.Start, e.End, e.Text)));

    [Fact]
    public void Every_span_of_every_corpus_record_indexes_the_input_text()
    {
        int files = 0, spans = 0;
        foreach (var (path, text) in CorpusFiles())
        {
            files++;
            var record = Extractor.Extract(text, new ExtractionOptions { Source = new SourceInfo { Path = path } });
            Assert.Null(record.Error);
            Assert.True(record.Text == text, $"{path}: the record's text is not the input");
            foreach (var (what, start, end, value) in AllSpans(record))
            {
                spans++;
                Assert.True(start >= 0 && start <= end && end <= text.Length, $"{path}: {what} [{start}, {end}) lies outside the input");
                Assert.True(text[start..end] == value, $"{path}: {what} [{start}, {end}) says '{value}' but the input there is '{text[start..end]}'");
            }
        }
        Assert.True(files >= 5, "the corpus texts were not found");
        Assert.True(spans > files * 10, $"only {spans} spans in {files} articles: the walk saw nothing");
    }

    [Fact]
    public void Offsets_survive_collapsed_whitespace_curly_quotes_and_crlf()
    {
        // The normaliser collapses "  ", NBSP and CR LF and straightens quotes; offsets still index this string.
        const string input = "Kupang (ANTARA) -  KPU Kota\u00A0Kupang menetapkan\r\n\r\n\r\n\u201CSantoso\u201D dan  Tjutjuk Sunario sebagai pasangan calon nomor urut 2 pada Senin (23/9/2024).";
        var record = Extractor.Extract(input, new ExtractionOptions { Published = new DateOnly(2024, 9, 23) });
        Assert.Equal(input, record.Text);
        var spans = AllSpans(record).ToArray();
        Assert.NotEmpty(spans);
        foreach (var (what, start, end, value) in spans)
            Assert.True(input[start..end] == value, $"{what} [{start}, {end}) says '{value}', the input has '{input[start..end]}'");
        // The span of the KPU names the caller's characters (the no-break space included).
        Assert.Contains(spans, s => s.Text == "KPU Kota\u00A0Kupang");
        var date = Assert.Single(record.Dates);
        Assert.Equal(input.IndexOf("Senin", StringComparison.Ordinal), date.Start);
    }

    [Fact]
    public void Seed_001_pair_label_reads_right_in_the_input()
    {
        string path = Path.Combine(RepositoryPaths.Corpus, "seed", "seed-001.txt");
        string input = File.ReadAllText(path, Encoding.UTF8);
        var record = Extractor.Extract(input);
        int at = input.IndexOf("Muhtarom-Mustofa", StringComparison.Ordinal);
        var hits = AllSpans(record).Where(s => s.Start <= at && at < s.End).ToArray();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(input[h.Start..h.End], h.Text));
        Assert.Contains(hits, h => h.Text.Contains("Muhtarom-Mustofa", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_offsets_index_the_extracted_body_which_is_the_record_text()
    {
        string article = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-000.txt"), Encoding.UTF8);
        var record = Extractor.ExtractHtml(Encoding.UTF8.GetBytes(RecordChecks.AsHtml(article)));
        Assert.Null(record.Error);
        Assert.DoesNotContain("Beranda", record.Text);
        var spans = AllSpans(record).ToArray();
        Assert.True(spans.Length > 10);
        foreach (var (what, start, end, value) in spans)
            Assert.True(record.Text[start..end] == value, $"{what} [{start}, {end}) says '{value}', the body has '{record.Text[start..end]}'");
    }

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_one_for_one()
    {
        string input = "KPU Kota Blitar \uD800menetapkan Santoso.";
        var record = Extractor.Extract(input);
        Assert.Equal(input.Replace('\uD800', '\uFFFD'), record.Text);
        Assert.Equal(input.Length, record.Text.Length);
        RecordChecks.AssertValid(record);
    }
}
