using System.Reflection;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Tests.Api;

/// <summary>The library API as users expect it: consistent empty input, the overloads, init-only source info, non-null lists.</summary>
public class ApiShapeTests
{
    private const string Article = "Kupang (ANTARA) - KPU Kota Kupang menggelar pengundian nomor urut pasangan calon, Senin (23/9).\n\nAcara  berlangsung\u00A0tertib.";

    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    private static string Page => $"<html><head><title>Pengundian</title><meta charset=\"utf-8\"></head><body><article><p>{Article.Replace("\n\n", "</p><p>", StringComparison.Ordinal)} André.</p></article></body></html>";

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_text_and_an_empty_page_both_give_an_error_record(string empty)
    {
        var options = new ExtractionOptions { Source = new SourceInfo { Path = "empty-1" } };
        var text = Extractor.Extract(empty, options);
        var bytes = Extractor.ExtractHtml(Encoding.UTF8.GetBytes(empty), options);
        var html = Extractor.ExtractHtml(empty, options);
        foreach (var record in (ArticleRecord[])[text, bytes, html])
        {
            Assert.NotNull(record.Error);
            Assert.StartsWith("empty-1: ", record.Error.Message);
            Assert.Contains("empty", record.Error.Message);
            Assert.Empty(record.Warnings);
            Assert.Equal("", record.Text);
        }
        var input = Extractor.ExtractInput(ArticleInput.FromText(empty, options));
        Assert.NotNull(input.Error);
    }

    [Fact]
    public void Text_of_only_invisible_characters_is_empty_too()
    {
        var record = Extractor.Extract("\u200B\u00AD\uFEFF \u200D");
        Assert.NotNull(record.Error);
        Assert.Contains("empty", record.Error.Message);
    }

    [Fact]
    public void Html_as_a_string_gives_the_record_of_the_same_page_as_bytes()
    {
        var fromBytes = Extractor.ExtractHtml(Encoding.UTF8.GetBytes(Page));
        var fromString = Extractor.ExtractHtml(Page);
        Assert.Null(fromString.Error);
        Assert.Contains("André", fromString.Text);
        Assert.Equal("Pengundian", fromString.Source.Title);
        Assert.Equal(RecordJson.ToJsonLine(fromBytes), RecordJson.ToJsonLine(fromString));
    }

    [Fact]
    public async Task Async_reader_and_stream_overloads_give_the_same_records()
    {
        var options = new ExtractionOptions { Published = new DateOnly(2024, 9, 23) };
        var text = await Extractor.ExtractAsync(new StringReader(Article), options);
        Assert.Equal(RecordJson.ToJsonLine(Extractor.Extract(Article, options)), RecordJson.ToJsonLine(text));
        Assert.NotEmpty(text.Dates);
        byte[] page = Encoding.UTF8.GetBytes(Page);
        var html = await Extractor.ExtractHtmlAsync(new MemoryStream(page), options);
        Assert.Equal(RecordJson.ToJsonLine(Extractor.ExtractHtml(page, options)), RecordJson.ToJsonLine(html));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Extractor.ExtractAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Extractor.ExtractHtmlAsync(null!));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Extractor.ExtractHtmlAsync(new MemoryStream(page), options, cancelled.Token));
    }

    [Fact]
    public async Task ExtractAllAsync_takes_a_plain_sequence_too()
    {
        var inputs = Enumerable.Range(0, 12).Select(i => i % 3 == 0
            ? ArticleInput.FromHtml(Encoding.UTF8.GetBytes(Page), new ExtractionOptions { Source = new SourceInfo { Path = $"p{i}" } })
            : ArticleInput.FromText($"Artikel {i}. " + Article, new ExtractionOptions { Source = new SourceInfo { Path = $"p{i}" } }));
        var records = new List<ArticleRecord>();
        await foreach (var record in Extractor.ExtractAllAsync(inputs, maxDegreeOfParallelism: 3))
            records.Add(record);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"p{i}"), records.Select(r => r.Source.Path));
        Assert.All(records, r => Assert.Null(r.Error));
        Assert.Throws<ArgumentNullException>(() => Extractor.ExtractAllAsync((IEnumerable<ArticleInput>)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.ExtractAllAsync(inputs, 0));
    }

    [Fact]
    public void Source_info_is_set_with_init_properties()
    {
        var source = new SourceInfo { Path = "crawl-0042", Url = "https://example.org/berita/1" };
        var record = Extractor.Extract(Article, new ExtractionOptions { Source = source });
        Assert.Equal("crawl-0042", record.Source.Path);
        Assert.Equal("https://example.org/berita/1", record.Source.Url);
        Assert.Null(record.Source.Title);
        // One way to build it: no positional constructor with seven arguments.
        var constructors = typeof(SourceInfo).GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var constructor = Assert.Single(constructors);
        Assert.Empty(constructor.GetParameters());
        Assert.All(typeof(SourceInfo).GetProperties().Where(p => p.Name != "EqualityContract"), p => Assert.NotNull(p.SetMethod));
    }

    [Fact]
    public void Official_titles_are_never_null_like_person_titles()
    {
        var nullability = new NullabilityInfoContext();
        var official = nullability.Create(typeof(Official).GetProperty(nameof(Official.Titles))!);
        var person = nullability.Create(typeof(PersonName).GetProperty(nameof(PersonName.Titles))!);
        Assert.Equal(NullabilityState.NotNull, official.ReadState);
        Assert.Equal(person.ReadState, official.ReadState);
        Assert.Empty(new Official("Choirul Umam", "Ketua", "KPU Kota Blitar", []).Titles);
        var parsed = RecordJson.Parse("""{"source":{},"text":"","elections":[],"candidates":[],"officials":[{"name":"A","role":null,"institution":null,"evidence":[]}],"dates":[],"figures":[],"entities":[],"warnings":[]}""");
        Assert.NotNull(parsed.Officials.Single().Titles);
        Assert.Contains("\"titles\":[]", RecordJson.ToJsonLine(parsed));
    }

    [Fact]
    public void Entity_sources_are_only_what_the_extractor_uses()
    {
        Assert.Equal(["Model", "Rule", "Gazetteer"], Enum.GetNames<EntitySource>());
    }
}
