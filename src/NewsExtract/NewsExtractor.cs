using System.Runtime.CompilerServices;
using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;

namespace NewsExtract;

/// <summary>
/// Extracts election records from Indonesian news. Create one with <see cref="CreateDefault"/> and share it:
/// an instance holds only read-only vocabularies and models and is safe to use from many threads at once.
/// </summary>
public sealed class NewsExtractor
{
    private static readonly Lazy<NewsExtractor> Shared = new(() => new NewsExtractor(DefaultStages(Ner.NerModel.Default)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IReadOnlyList<IStage> _stages;

    private NewsExtractor(IReadOnlyList<IStage> stages) => _stages = stages;

    /// <summary>The extractor with the bundled vocabularies and model. Loads them on first use; later calls return the same instance.</summary>
    public static NewsExtractor CreateDefault() => Shared.Value;

    /// <summary>
    /// An extractor with the bundled vocabularies and the given entity model in place of the embedded one (for
    /// instance one retrained with <c>newsextract train</c> and loaded with <see cref="EntityModel.Load(string)"/>).
    /// The rule stages read the model's persons, so candidates and officials can change with the model too.
    /// </summary>
    /// <param name="entityModel">The entity model to use.</param>
    public static NewsExtractor Create(EntityModel entityModel)
    {
        ArgumentNullException.ThrowIfNull(entityModel);
        return ReferenceEquals(entityModel.Model, Ner.NerModel.Default) ? Shared.Value : new NewsExtractor(DefaultStages(entityModel.Model));
    }

    private static IReadOnlyList<IStage> DefaultStages(Ner.NerModel entityModel)
    {
        var vocabularies = Vocabulary.Vocabularies.Default;
        var patterns = Rules.PatternLibrary.Default;
        return
        [
            new Rules.GazetteerStage(vocabularies),
            new DatelineStage(),
            new Rules.DateStage(patterns, vocabularies),
            new Rules.FigureStage(patterns, vocabularies),
            new Rules.ElectionStage(patterns, vocabularies),
            // The model's persons feed the record rules after it (official names and lists of officials).
            new NerStage(entityModel, vocabularies),
            // "Ketua Umum Golkar Airlangga Hartarto": a body and its holder read as one organisation are cut apart.
            new Rules.ModelSpanRepairStage(vocabularies),
            new Rules.CandidateStage(patterns, vocabularies),
            new Rules.OfficialStage(patterns, vocabularies),
            new Rules.EntityStage(),
            // Warnings for crawls: not Indonesian, no election content (thresholds in Resources/language/article-checks.tsv).
            new ArticleCheckStage(),
        ];
    }

    /// <summary>Extracts the record of one plain-text article.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="options">Source and publication date; null for none.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>
    /// The record; an error record (with <see cref="ArticleRecord.Error"/> set) for text that cannot be read: empty
    /// (nothing but whitespace), binary, or longer than <see cref="ExtractionOptions.MaxTextLength"/>.
    /// </returns>
    public ArticleRecord Extract(string text, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Analyze(text, options ?? ExtractionOptions.Default, cancellationToken);
        // Empty text is an input that cannot be read, as an empty page is for ExtractHtml (the README's contract).
        if (result.Document is { Text.Length: 0 })
            return ArticleRecord.ForError(result.Record.Source, $"{Describe(result.Record.Source)}: the text is empty (nothing but whitespace); give the article text.");
        return result.Record;
    }

    /// <summary>Reads plain text to its end, then extracts its record as <see cref="Extract"/> does.</summary>
    /// <param name="text">The article text; read to its end, not closed.</param>
    /// <param name="options">Source and publication date; null for none.</param>
    /// <param name="cancellationToken">Stops the reading, and the work between stages.</param>
    /// <returns>The record, or an error record for text that cannot be read.</returns>
    public async Task<ArticleRecord> ExtractAsync(TextReader text, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        string content = await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Extract(content, options, cancellationToken);
    }

    /// <summary>Extracts the record of one HTML page already decoded to a string (no charset detection is needed).</summary>
    /// <param name="html">The page markup.</param>
    /// <param name="options">Source and publication date; what is set here wins over the page's metadata.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>The record; its text is the article body read from the page. An error record for an empty page.</returns>
    public ArticleRecord ExtractHtml(string html, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        options ??= ExtractionOptions.Default;
        var given = options.Source ?? new SourceInfo();
        if (string.IsNullOrWhiteSpace(html))
            return ArticleRecord.ForError(given, $"{Describe(given)}: the page is empty.");
        return FromPage(Html.HtmlArticleReader.ReadText(html, given.Url), options, cancellationToken).Record;
    }

    /// <summary>Reads an HTML page from a stream asynchronously, then extracts its record as <see cref="ExtractHtml(ReadOnlySpan{byte}, ExtractionOptions?, CancellationToken)"/> does.</summary>
    /// <param name="html">The page; read to its end, not closed.</param>
    /// <param name="options">Source and publication date.</param>
    /// <param name="cancellationToken">Stops the reading, and the work between stages.</param>
    /// <returns>The record, or an error record for input that is not an HTML or text page.</returns>
    public async Task<ArticleRecord> ExtractHtmlAsync(Stream html, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var buffer = new MemoryStream();
        await html.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return ExtractHtml(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options, cancellationToken);
    }

    /// <summary>Extracts the record of one saved HTML page: the article body becomes the record's text, the page's metadata its source.</summary>
    /// <param name="html">The page as bytes; the encoding is read from the BOM or the page's meta charset (windows-1252 as fallback).</param>
    /// <param name="options">Source and publication date; what is set here wins over the page's metadata.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>The record; an error record for input that is not an HTML or text page.</returns>
    public ArticleRecord ExtractHtml(ReadOnlySpan<byte> html, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
        => AnalyzeHtml(html, options ?? ExtractionOptions.Default, cancellationToken).Record;

    /// <summary>Extracts the record of one saved HTML page read from a stream.</summary>
    /// <param name="html">The page; read to its end, not closed.</param>
    /// <param name="options">Source and publication date.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    public ArticleRecord ExtractHtml(Stream html, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var buffer = new MemoryStream();
        html.CopyTo(buffer);
        return ExtractHtml(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options, cancellationToken);
    }

    internal ExtractionResult AnalyzeHtml(ReadOnlySpan<byte> html, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var given = options.Source ?? new SourceInfo();
        if (html.Trim((byte)' ').Trim("\r\n\t"u8).IsEmpty)
            return new ExtractionResult(ArticleRecord.ForError(given, $"{Describe(given)}: the page is empty."), null);
        Html.HtmlArticle page;
        try
        {
            page = Html.HtmlArticleReader.Read(html, given.Url);
        }
        catch (InvalidDataException ex)
        {
            return new ExtractionResult(ArticleRecord.ForError(given, $"{Describe(given)}: {ex.Message}"), null);
        }
        return FromPage(page, options, cancellationToken);
    }

    private ExtractionResult FromPage(Html.HtmlArticle page, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var given = options.Source ?? new SourceInfo();
        var source = given with
        {
            Url = given.Url ?? page.CanonicalUrl,
            Title = given.Title ?? page.Title,
            Outlet = given.Outlet ?? page.Outlet,
            Author = given.Author ?? page.Author,
            Published = options.Published ?? given.Published ?? page.Published,
        };
        var result = Analyze(page.Body, options with { Source = source, Published = source.Published }, cancellationToken);
        if (page.Warnings.Count == 0 || result.Record.Error is not null) return result;
        return result with { Record = result.Record with { Warnings = [.. page.Warnings, .. result.Record.Warnings] } };
    }

    /// <summary>Streams records for many articles, in input order, with up to <paramref name="maxDegreeOfParallelism"/> articles in work at once.</summary>
    /// <param name="inputs">Articles: plain text or HTML bytes with their options.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 1 works in the caller's order on one thread.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>One record per input, in input order.</returns>
    public async IAsyncEnumerable<ArticleRecord> ExtractAllAsync(
        IAsyncEnumerable<ArticleInput> inputs,
        int maxDegreeOfParallelism = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var window = new Queue<Task<ArticleRecord>>();
        await foreach (var input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var captured = input;
            window.Enqueue(maxDegreeOfParallelism == 1
                ? Task.FromResult(ExtractInput(captured, cancellationToken))
                : Task.Run(() => ExtractInput(captured, cancellationToken), cancellationToken));
            // Keep a bounded window so memory stays flat on long streams; output keeps input order.
            while (window.Count >= maxDegreeOfParallelism * 2)
                yield return await window.Dequeue().ConfigureAwait(false);
        }
        while (window.Count > 0)
            yield return await window.Dequeue().ConfigureAwait(false);
    }

    /// <summary>Streams records for many articles given as a plain sequence, in input order, with up to <paramref name="maxDegreeOfParallelism"/> articles in work at once.</summary>
    /// <param name="inputs">Articles: plain text or HTML bytes with their options.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 1 works in the caller's order on one thread.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>One record per input, in input order.</returns>
    public IAsyncEnumerable<ArticleRecord> ExtractAllAsync(
        IEnumerable<ArticleInput> inputs,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        return ExtractAllAsync(inputs.ToAsyncEnumerable(), maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>Extracts one input, turning any failure to read it into an error record naming it.</summary>
    /// <param name="input">Plain text or HTML bytes, with their options.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>The record, or an error record naming the input (its path, else its URL).</returns>
    public ArticleRecord ExtractInput(ArticleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = input.Options ?? ExtractionOptions.Default;
        var source = options.Source ?? new SourceInfo();
        try
        {
            if (input.Text is not null) return Extract(input.Text, options, cancellationToken);
            if (input.Html is not null) return ExtractHtml(input.Html.Value.Span, options, cancellationToken);
            return ArticleRecord.ForError(source, $"{Describe(source)}: the input has neither text nor HTML.");
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.DecoderFallbackException)
        {
            return ArticleRecord.ForError(source, $"{Describe(source)}: {ex.Message}");
        }
    }

    internal static string Describe(SourceInfo source) => source.Path ?? source.Url ?? "input";

    /// <summary>Runs every stage over one text. Internal callers (the scorer, the trainer) also get the document.</summary>
    internal ExtractionResult Analyze(string text, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var source = options.Source ?? new SourceInfo();
        if (options.Published is not null) source = source with { Published = options.Published };
        if (text.Length > options.MaxTextLength)
            return new ExtractionResult(ArticleRecord.ForError(source,
                $"{Describe(source)}: the text has {text.Length:N0} characters, more than the limit of {options.MaxTextLength:N0}; split it or raise the limit (ExtractionOptions.MaxTextLength; newsextract --max-chars)."), null);
        if (LooksBinary(text))
            return new ExtractionResult(ArticleRecord.ForError(source,
                $"{Describe(source)}: the input looks binary (control characters), not article text; check the file type and encoding."), null);

        var document = Document.Create(text);
        var analysis = new Analysis(document, source, source.Published);
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Process(analysis, cancellationToken);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
            {
                // A pathological text (a million digits) must not cost the record: the stage keeps what it found so far.
                analysis.Warnings.Add($"{stage.GetType().Name} stopped early: a pattern took longer than {ex.MatchTimeout.TotalMilliseconds:0} ms on this text; its results may be incomplete.");
            }
        }
        if (document.Text.Length == 0)
            analysis.Warnings.Add("The article text is empty.");
        return new ExtractionResult(RecordAssembler.Assemble(analysis), document);
    }

    private static bool LooksBinary(string text)
    {
        int sample = Math.Min(text.Length, 4096);
        int control = 0;
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c == '\0') return true;
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        }
        return sample > 0 && control * 10 > sample;
    }
}

/// <summary>One article to extract: either text or HTML bytes, with its options.</summary>
/// <param name="Text">Plain text, or null.</param>
/// <param name="Html">HTML page bytes, or null.</param>
/// <param name="Options">Source and date.</param>
public sealed record ArticleInput(string? Text, ReadOnlyMemory<byte>? Html, ExtractionOptions? Options)
{
    /// <summary>A plain-text article.</summary>
    public static ArticleInput FromText(string text, ExtractionOptions? options = null) => new(text, null, options);

    /// <summary>An HTML page.</summary>
    public static ArticleInput FromHtml(ReadOnlyMemory<byte> html, ExtractionOptions? options = null) => new(null, html, options);
}

/// <summary>A record with the document it was read from (for scoring and training).</summary>
internal sealed record ExtractionResult(ArticleRecord Record, Document? Document);
