using System.Globalization;
using System.Text;
using NewsExtract.Documents;
using NewsExtract.Evaluation;
using NewsExtract.Records;

namespace NewsExtract.Ner;

/// <summary>How a tagger sees the text: as written, or forced to one case (to measure the dependence on capitals).</summary>
internal enum TextCase
{
    AsWritten,
    Lower,
    Upper,
}

/// <summary>
/// The mapping of a CoNLL set's entity types to PER/ORG/LOC ("PERSON=PER,PLACE=LOC,ORGANISATION=ORG"). A type
/// that is not mapped is ignored when scoring: its gold spans are dropped, and so are predictions overlapping
/// them (the rule for NERP's EVT and FNB); in training its tokens are O.
/// </summary>
internal sealed class ConllTypeMap
{
    private readonly Dictionary<string, EntityType> _map;

    private ConllTypeMap(Dictionary<string, EntityType> map) => _map = map;

    /// <summary>PER, ORG and LOC as themselves.</summary>
    public static ConllTypeMap Identity { get; } = new(new(StringComparer.Ordinal)
    {
        ["PER"] = EntityType.PER, ["ORG"] = EntityType.ORG, ["LOC"] = EntityType.LOC,
    });

    /// <summary>Parses "NAME=PER,NAME=LOC,..." (target types PER, ORG or LOC).</summary>
    /// <exception cref="FormatException">An item is not NAME=TYPE, or the type is not PER, ORG or LOC.</exception>
    public static ConllTypeMap Parse(string spec)
    {
        var map = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var item in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = item.IndexOf('=');
            if (eq <= 0 || eq == item.Length - 1)
                throw new FormatException($"'{item}' is not NAME=TYPE (for example PERSON=PER).");
            string name = item[..eq].Trim(), target = item[(eq + 1)..].Trim();
            if (!Enum.TryParse<EntityType>(target, ignoreCase: false, out var type) || !Enum.IsDefined(type))
                throw new FormatException($"'{item}': the type must be PER, ORG or LOC, not '{target}'.");
            if (!map.TryAdd(name, type)) throw new FormatException($"'{name}' is mapped twice.");
        }
        if (map.Count == 0) throw new FormatException("the type map is empty (for example PERSON=PER,PLACE=LOC,ORGANISATION=ORG).");
        return new ConllTypeMap(map);
    }

    public EntityType? Map(string type) => _map.TryGetValue(type, out var t) ? t : null;

    public override string ToString() => string.Join(",", _map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>
/// One sentence of a CoNLL file and its text as the tagger reads it: the tokens joined by single spaces, each
/// entity a character span of that text. <see cref="Ignored"/> are spans of unmapped types.
/// </summary>
internal sealed record ConllSentence(string Text, IReadOnlyList<(EntityType Type, int Start, int End)> Entities, IReadOnlyList<(int Start, int End)> Ignored)
{
    /// <summary>The same sentence in another case (the offsets stay: invariant case mapping keeps the length).</summary>
    public ConllSentence InCase(TextCase textCase) => textCase switch
    {
        TextCase.Lower => this with { Text = Text.ToLowerInvariant() },
        TextCase.Upper => this with { Text = Text.ToUpperInvariant() },
        _ => this,
    };
}

/// <summary>
/// Reads CoNLL files (<c>token&lt;TAB&gt;BIO-label</c> per line, a blank line between sentences; the format of the
/// IndoNLU NER sets) and scores taggers on them with the published measure: strict entity P/R/F1, chunks as
/// conlleval reads them (an I- after O or after another type starts a chunk).
/// </summary>
internal static class ConllCorpus
{
    /// <exception cref="InvalidDataException">A line is not token, tab, label; or a label is not O, B-X or I-X.</exception>
    public static List<ConllSentence> Read(string path, ConllTypeMap types)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, types, path);
    }

    public static List<ConllSentence> Read(TextReader reader, ConllTypeMap types, string name)
    {
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var labels = new List<string>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }
            int tab = line.LastIndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"{name}:{lineNumber}: expected 'token<TAB>label', got '{line}'.");
            string token = line[..tab].Trim(), label = line[(tab + 1)..].Trim();
            if (token.Length == 0) throw new InvalidDataException($"{name}:{lineNumber}: empty token.");
            if (label != "O" && !(label.Length > 2 && label[1] == '-' && label[0] is 'B' or 'I'))
                throw new InvalidDataException($"{name}:{lineNumber}: label '{label}' is not O, B-TYPE or I-TYPE.");
            // A token with inner spaces would split in two when the sentence is read back; keep it one word.
            tokens.Add(token.Replace(' ', '_'));
            labels.Add(label);
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count == 0) return;
            var text = new StringBuilder();
            var starts = new int[tokens.Count];
            var ends = new int[tokens.Count];
            for (int i = 0; i < tokens.Count; i++)
            {
                if (i > 0) text.Append(' ');
                starts[i] = text.Length;
                text.Append(tokens[i]);
                ends[i] = text.Length;
            }
            var entities = new List<(EntityType, int, int)>();
            var ignored = new List<(int, int)>();
            foreach (var (type, first, end) in Chunks(labels))
            {
                if (types.Map(type) is { } mapped) entities.Add((mapped, starts[first], ends[end - 1]));
                else ignored.Add((starts[first], ends[end - 1]));
            }
            sentences.Add(new ConllSentence(text.ToString(), entities, ignored));
            tokens.Clear();
            labels.Clear();
        }
    }

    /// <summary>The chunks of a BIO label sequence as conlleval reads them: (type, first token, end token).</summary>
    public static List<(string Type, int First, int End)> Chunks(IReadOnlyList<string> labels)
    {
        var chunks = new List<(string, int, int)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= labels.Count; i++)
        {
            string label = i < labels.Count ? labels[i] : "O";
            string? t = label == "O" ? null : label[2..];
            bool begins = t is not null && (label[0] == 'B' || t != type);
            if (type is not null && (t is null || begins))
            {
                chunks.Add((type, start, i));
                type = null;
            }
            if (begins)
            {
                type = t;
                start = i;
            }
        }
        return chunks;
    }

    /// <summary>The training examples of the sentences (one document each, BIO tags over its tokens).</summary>
    public static (List<NerExample> Examples, NerAlignment Alignment) Examples(IReadOnlyList<ConllSentence> sentences, string name, TextCase textCase = TextCase.AsWritten)
    {
        var examples = new List<NerExample>(sentences.Count);
        int aligned = 0, snapped = 0, skipped = 0;
        var problems = new List<string>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s].InCase(textCase);
            var document = Document.Create(sentence.Text);
            var tags = new NerTag[document.Tokens.Count];
            foreach (var (type, start, end) in sentence.Entities)
            {
                var (first, last, exact) = NerGold.TokensOf(document, start, end);
                bool free = last > first;
                for (int t = first; t < last && free; t++) free = tags[t] == NerTag.O;
                if (!free)
                {
                    skipped++;
                    problems.Add($"{name} sentence {s + 1}: {type} '{sentence.Text[start..end]}' skipped (no free whole tokens)");
                    continue;
                }
                if (exact) aligned++; else snapped++;
                tags[first] = NerTags.Begin(type);
                for (int t = first + 1; t < last; t++) tags[t] = NerTags.Inside(type);
            }
            examples.Add(new NerExample($"{name}#{s + 1}", document, tags, (int)textCase));
        }
        return (examples, new NerAlignment(aligned, snapped, skipped, problems));
    }

    /// <summary>
    /// Scores a tagger on the sentences: fields PER, ORG, LOC and all, exact span and type. Predictions that overlap
    /// a span of an unmapped type are left out.
    /// </summary>
    public static Scorer Score(IReadOnlyList<ConllSentence> sentences, Func<Document, List<NerSpan>> tagger, TextCase textCase = TextCase.AsWritten)
    {
        var scorer = new Scorer();
        foreach (var original in sentences)
        {
            var sentence = original.InCase(textCase);
            var document = Document.Create(sentence.Text);
            var predicted = new List<(EntityType Type, int Start, int End)>();
            foreach (var span in tagger(document))
            {
                var (a, b) = document.Normalized.ToOriginal(span.Start, span.End);
                if (sentence.Ignored.Any(i => a < i.End && i.Start < b)) continue;
                predicted.Add((span.Type, a, b));
            }
            foreach (var type in (EntityType[])[EntityType.PER, EntityType.ORG, EntityType.LOC])
                scorer.Add(type.ToString(), predicted.Where(p => p.Type == type), sentence.Entities.Where(g => g.Type == type));
            scorer.Add("all", predicted, sentence.Entities);
        }
        return scorer;
    }

    /// <summary>A plain-text table of one tagger's scores, like <see cref="NerReport.Render"/>.</summary>
    public static string Render(string title, int sentences, int tokens, IReadOnlyList<NerSystemScores> systems)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Entities in {title}: {sentences:N0} sentences, {tokens:N0} tokens.");
        sb.AppendLine("Strict entity P/R/F1 (exact span and type, conlleval chunks); predictions over unmapped types left out.");
        sb.AppendLine();
        sb.AppendLine(inv, $"{"tagger",-22} {"type",-4} {"P",6} {"R",6} {"F1",6} {"gold",6} {"pred",6}");
        foreach (var system in systems)
            foreach (var field in NerReport.Fields)
            {
                var c = system.Scores[field];
                sb.AppendLine(inv, $"{(field == "PER" ? system.Name : ""),-22} {field,-4} {c.Precision,6:0.000} {c.Recall,6:0.000} {c.F1,6:0.000} {c.Gold,6} {c.Predicted,6}");
            }
        sb.AppendLine();
        foreach (var system in systems) sb.AppendLine(inv, $"{system.Name}: {system.Description}");
        return sb.ToString();
    }
}
