using System.Text;
using CsCheck;
using NewsExtract.Records;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Property tests: whatever bytes or characters come in, the public API returns a valid record (never throws) and
/// every offset in it is a true slice of its text. CsCheck shrinks a failing input to a small one and prints its seed.
/// </summary>
public class FuzzTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    // Characters that stress normalisation and tokenizing: dashes, curly quotes, zero-width and bidi marks, combining
    // accents, surrogate halves, NBSP, line separators, digits and the punctuation the rules look at.
    private const string Awkward = "-–—‐‑―'‘’\"“”«»()[]{}.,;:/\\%+*?!#@&|<>=_~^$`\u00A0\u2028\u2029\u200B\u200D\u202E\uFEFF\u0301\u0308\uD83D\uDE00\uD800\uDC00\r\n\t 0123456789";

    private static readonly Gen<char> TextChar = Gen.Frequency<char>(
        (6, Gen.Char['a', 'z']), (2, Gen.Char['A', 'Z']), (3, Gen.Char[Awkward]), (1, Gen.Char));

    private static readonly Gen<string> RandomUnicode = Gen.Frequency<string>(
        (3, TextChar.Array[0, 600].Select(a => WellFormed(new string(a)))),
        (1, Gen.Char.Array[0, 300].Select(a => WellFormed(new string(a)))));

    // Unpaired surrogates are left out here: they still crash the normaliser (see Lone_surrogates_give_a_valid_record).
    private static string WellFormed(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    [Fact]
    public void Lone_surrogates_give_a_valid_record()
    {
        foreach (var text in (string[])["a\uD800b", "\uDC00", "Pilkada \uD83D", "x\uDE00\uD83Dy"])
            RecordChecks.AssertValid(Extractor.Extract(text));
        RecordChecks.AssertValid(Extractor.ExtractHtml(Encoding.UTF8.GetBytes("<html><body><article><p>KPU &#xD800; Blitar</p></article></body></html>")));
        Gen.Char.Array[0, 300].Select(a => new string(a)).Sample(text => RecordChecks.AssertValid(Extractor.Extract(text)), iter: 300);
    }

    [Fact]
    public void Random_unicode_text_gives_a_valid_record() =>
        RandomUnicode.Sample(text => RecordChecks.AssertValid(Extractor.Extract(text)), iter: 300);

    [Fact]
    public void Random_unicode_with_a_publication_day_gives_a_valid_record() =>
        Gen.Select(RandomUnicode, Gen.DateOnly[new DateOnly(1990, 1, 1), new DateOnly(2040, 12, 31)])
            .Sample((text, day) => RecordChecks.AssertValid(Extractor.Extract(text, new ExtractionOptions { Published = day })), iter: 150);

    [Fact]
    public void Random_bytes_as_html_give_a_valid_record() =>
        Gen.Byte.Array[0, 3000].Sample(bytes => RecordChecks.AssertValid(Extractor.ExtractHtml(bytes)), iter: 300);

    [Fact]
    public void Random_bytes_through_a_stream_give_a_valid_record() =>
        Gen.Byte.Array[0, 1000].Sample(bytes => RecordChecks.AssertValid(Extractor.ExtractHtml(new MemoryStream(bytes))), iter: 100);

    // An edit: position (fraction of the length), kind, and what to insert.
    private static readonly Gen<(double At, int Kind, string Insert)> Edit =
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 5], TextChar.Array[0, 12].Select(a => new string(a)));

    private static string Mutate(string text, (double At, int Kind, string Insert)[] edits)
    {
        var sb = new StringBuilder(text);
        foreach (var (at, kind, insert) in edits)
        {
            int i = (int)(at * sb.Length);
            int len = Math.Min(sb.Length - i, 1 + insert.Length * 7);
            switch (kind)
            {
                case 0: sb.Insert(i, insert); break;                                       // insert noise
                case 1: sb.Remove(i, len); break;                                          // delete a stretch
                case 2: sb.Insert(i, sb.ToString(i, len)); break;                          // repeat a stretch
                case 3: for (int k = i; k < i + len; k++) sb[k] = char.ToUpperInvariant(sb[k]); break;
                case 4: sb.Remove(i, len).Insert(i, insert); break;                        // replace
                default: sb.Length = i; break;                                             // truncate
            }
        }
        return sb.ToString();
    }

    private static readonly Gen<string> MutatedArticle =
        Gen.Select(Gen.Int[0, Math.Max(0, RecordChecks.CorpusTexts.Count - 1)], Edit.Array[1, 8])
            .Select((index, edits) => WellFormed(Mutate(RecordChecks.CorpusTexts.Count == 0 ? "" : RecordChecks.CorpusTexts[index], edits)));

    [Fact]
    public void Mutated_corpus_articles_give_a_valid_record()
    {
        Assert.NotEmpty(RecordChecks.CorpusTexts);
        MutatedArticle.Sample(text => RecordChecks.AssertValid(Extractor.Extract(text, new ExtractionOptions { Published = new DateOnly(2024, 9, 23) })), iter: 150);
    }

    // HTML edits: tags left open or closed twice, comments and scripts that never end, entities cut in half.
    private static readonly string[] HtmlNoise =
    [
        "<div>", "</div>", "<p>", "</p>", "</article>", "<article>", "<script>", "</script>", "<!--", "-->", "<style>", "<![CDATA[",
        "&", "&#", "&#x", "&amp", "&nbsp;", "&#0;", "<", ">", "\"", "'", "<meta charset=\"utf-16\">", "<meta charset=\"x-bogus\">",
        "<br/>", "<table><tr><td>", "<noscript>", "\0", "\uFEFF", "<title>", "<html>", "</body></html>",
    ];

    private static readonly Gen<byte[]> MutatedHtml =
        Gen.Select(Gen.Int[0, Math.Max(0, RecordChecks.CorpusTexts.Count - 1)],
                Gen.Select(Gen.Double[0, 1], Gen.Int[0, HtmlNoise.Length - 1], Gen.Int[0, 3]).Array[1, 10])
            .Select((index, edits) =>
            {
                var sb = new StringBuilder(RecordChecks.AsHtml(RecordChecks.CorpusTexts.Count == 0 ? "" : RecordChecks.CorpusTexts[index]));
                foreach (var (at, noise, kind) in edits)
                {
                    int i = (int)(at * sb.Length);
                    if (kind == 0) sb.Length = i;                                        // page cut off
                    else if (kind == 1) sb.Remove(i, Math.Min(40, sb.Length - i));       // a stretch lost
                    else sb.Insert(i, HtmlNoise[noise]);
                }
                byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
                // Now and then flip a byte: a broken UTF-8 sequence.
                if (bytes.Length > 0 && edits.Length % 3 == 0) bytes[(int)(edits[0].Item1 * (bytes.Length - 1))] ^= 0x80;
                return bytes;
            });

    [Fact]
    public void Mutated_html_pages_give_a_valid_record()
    {
        Assert.NotEmpty(RecordChecks.CorpusTexts);
        MutatedHtml.Sample(html => RecordChecks.AssertValid(Extractor.ExtractHtml(html)), iter: 150);
    }

    [Fact]
    public void Extract_input_never_throws_whatever_it_holds()
    {
        var input = Gen.Select(Gen.Int[0, 3], RandomUnicode, Gen.Byte.Array[0, 500], Gen.Int[0, 2000]).Select((kind, text, bytes, max) => kind switch
        {
            0 => ArticleInput.FromText(text, new ExtractionOptions { MaxTextLength = max, Source = new SourceInfo { Path = "fuzz.txt" } }),
            1 => ArticleInput.FromHtml(bytes, new ExtractionOptions { Source = new SourceInfo { Url = "https://example.org/" + max } }),
            2 => new ArticleInput(null, null, null),
            _ => new ArticleInput(text, bytes, new ExtractionOptions { Published = new DateOnly(2020, 1, 1).AddDays(max) }),
        });
        input.Sample(i => RecordChecks.AssertValid(Extractor.ExtractInput(i)), iter: 200);
    }

    [Fact]
    public void Every_corpus_article_gives_a_valid_record_with_true_offsets()
    {
        Assert.NotEmpty(RecordChecks.CorpusTexts);
        foreach (var text in RecordChecks.CorpusTexts)
        {
            var record = Extractor.Extract(text, new ExtractionOptions { Published = new DateOnly(2024, 9, 23) });
            Assert.Null(record.Error);
            RecordChecks.AssertValid(record);
        }
    }
}
