using System.Diagnostics;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Inputs built to hurt: huge lines, deep nesting, long runs of one character, text shaped to make regexes
/// backtrack. Each must give a valid record (or an error record) within a time and memory bound. The bounds are
/// loose (a shared 2-core CI machine) but far below what quadratic or exponential behaviour would take.
/// </summary>
[Collection(SerialCollection.Name)]
public class AdversarialInputTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    private static readonly string Sentence = RecordChecks.CorpusTexts.Count > 0
        ? RecordChecks.CorpusTexts[0].Split('\n')[0]
        : "KPU Kota Blitar menggelar pengundian nomor urut pasangan calon Wali Kota Blitar, Kamis (24/9/2020).";

    private static ArticleRecord Bounded(Func<ArticleRecord> extract, double seconds, long megabytes = 1500)
    {
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        var record = extract();
        watch.Stop();
        long allocated = (GC.GetTotalAllocatedBytes(precise: false) - before) / (1024 * 1024);
        Assert.True(watch.Elapsed.TotalSeconds < seconds, $"took {watch.Elapsed.TotalSeconds:F1} s (bound {seconds} s)");
        Assert.True(allocated < megabytes, $"allocated {allocated} MB (bound {megabytes} MB)");
        RecordChecks.AssertValid(record);
        return record;
    }

    [Fact]
    public void A_20_mb_single_line_of_text_is_refused_quickly_with_an_error_record()
    {
        string line = string.Concat(Enumerable.Repeat(Sentence + " ", 20 * 1024 * 1024 / (Sentence.Length + 1) + 1));
        var record = Bounded(() => Extractor.Extract(line), seconds: 2, megabytes: 50);
        Assert.Contains("limit", record.Error!.Message);
    }

    [Fact]
    public void A_20_mb_single_line_html_page_gives_a_record()
    {
        // One line: a huge navigation block and inline script around a short article; no newline anywhere.
        var page = new StringBuilder("<html><head><title>Pilkada</title><script>var x = [");
        while (page.Length < 10 * 1024 * 1024) page.Append("1,2,3,4,5,6,7,8,9,");
        page.Append("0];</script></head><body><nav>");
        while (page.Length < 20 * 1024 * 1024) page.Append("<a href=\"/berita/politik\">Politik</a> ");
        page.Append("</nav><article><p>").Append(Sentence).Append("</p><p>").Append(Sentence).Append("</p></article></body></html>");
        byte[] bytes = Encoding.UTF8.GetBytes(page.ToString());
        var record = Bounded(() => Extractor.ExtractHtml(bytes), seconds: 40, megabytes: 3000);
        Assert.Null(record.Error);
    }

    [Fact]
    public void Hundred_thousand_nested_elements_give_a_record()
    {
        var page = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) page.Append(i % 2 == 0 ? "<div>" : "<span>");
        page.Append("<p>").Append(Sentence).Append("</p>");
        for (int i = 100_000 - 1; i >= 0; i--) page.Append(i % 2 == 0 ? "</div>" : "</span>");
        page.Append("</body></html>");
        byte[] bytes = Encoding.UTF8.GetBytes(page.ToString());
        ArticleRecord? record = null;
        // A small stack: recursion per nesting level anywhere in the pipeline would overflow it.
        var thread = new Thread(() => record = Bounded(() => Extractor.ExtractHtml(bytes), seconds: 20), maxStackSize: 512 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(record);
    }

    [Theory]
    [InlineData('-')]
    [InlineData('.')]
    [InlineData('A')]
    [InlineData(' ')]
    public void A_million_of_one_character_gives_a_record_in_bounded_time(char c) =>
        Bounded(() => Extractor.Extract(new string(c, 1_000_000)), seconds: 20);

    [Theory]
    [InlineData('7')]
    [InlineData('(')]
    public void A_regex_timeout_does_not_crash_extraction(char c) =>
        Bounded(() => Extractor.Extract(new string(c, 1_000_000)), seconds: 20);

    // Shapes that make backtracking regexes blow up: long runs of what an optional group, a repeated group or a
    // lazy quantifier can take, followed by what makes the match fail at the end.
    public static TheoryData<string, string> Backtracking => new()
    {
        { "digits and separators", string.Concat(Enumerable.Repeat("1.2,3.", 20_000)) + "x" },
        { "capitalised words", string.Concat(Enumerable.Repeat("Ahmad Budi ", 20_000)) + "-" },
        { "titles", string.Concat(Enumerable.Repeat("Drs. H. Ir. ", 15_000)) + "?" },
        { "ballot words", string.Concat(Enumerable.Repeat("nomor urut nomor ", 10_000)) + "paslon" },
        { "pairs of names", string.Concat(Enumerable.Repeat("Santoso-Tjutjuk dan ", 10_000)) + "," },
        { "spaces and commas", string.Concat(Enumerable.Repeat(" , ", 100_000)) },
        { "percents", string.Concat(Enumerable.Repeat("53,33 % ", 20_000)) + "persen" },
        { "party lists", string.Concat(Enumerable.Repeat("PDIP, Gerindra, ", 10_000)) + "dan" },
        { "hyphenated words", string.Concat(Enumerable.Repeat("calon-calon-", 20_000)) },
        { "quotes and brackets", string.Concat(Enumerable.Repeat("\"(KPU) ", 20_000)) },
    };

    [Theory]
    [MemberData(nameof(Backtracking))]
    public void Text_shaped_to_make_regexes_backtrack_gives_a_record_in_bounded_time(string shape, string text)
    {
        Assert.NotEmpty(shape);
        Bounded(() => Extractor.Extract(text, new ExtractionOptions { Published = new DateOnly(2024, 9, 23) }), seconds: 20);
    }

    [Fact]
    public void Repeated_dates_give_a_record_in_bounded_time() =>
        Bounded(() => Extractor.Extract(string.Concat(Enumerable.Repeat("Senin (23/9) 24 September ", 8_000)) + "2020/"), seconds: 20);

    [Fact]
    public void A_long_line_of_words_without_punctuation_gives_a_record()
    {
        var words = new StringBuilder();
        string[] pool = ["pasangan", "calon", "nomor", "urut", "KPU", "Kota", "Blitar", "Santoso", "dan", "wakil"];
        for (int i = 0; words.Length < 300_000; i++) words.Append(pool[i * 7 % pool.Length]).Append(' ');
        Bounded(() => Extractor.Extract(words.ToString()), seconds: 20);
    }
}
