using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Mends one habit of the entity model on real news: Indonesian reporting names a holder right after the body, with
/// no comma ("Ketua Umum Golkar Airlangga Hartarto", "peneliti LIPI Jaleswari Pramodhawardani", "Panglima TNI
/// Jenderal Gatot Nurmantyo"), and the model reads body and name as one organisation. Such a span is cut where the
/// body ends and a name begins: the body stays an organisation, the name becomes a person (titles in between are
/// left out, as the guidelines leave titles out of names). Runs right after the model, so the official and
/// candidate rules read the mended spans.
/// </summary>
/// <remarks>
/// A cut needs all of: the words before it end a body the vocabulary knows (a party, an institution) or an acronym
/// ("DPR", "LIPI"), or a role or office (then they were never an organisation: "Majelis Hakim Sumpeno"); the words
/// after it read as a name that runs to the span's end; and evidence that it is a person and not the rest of the
/// body's name ("UIN Syarif Hidayatullah"): a role or office just before the span, a title before the name, or one of
/// the name's words standing elsewhere in the text as a person of the model.
/// </remarks>
internal sealed class ModelSpanRepairStage(Vocabularies vocabularies) : IStage
{
    private readonly PersonReader _people = new(vocabularies);

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        if (!a.EntityModelRan) return;
        var doc = a.Document;
        var tokens = doc.Tokens;
        VocabularyCategory?[]? cats = null;
        Title?[] titles = [];
        HashSet<string>? personWords = null;
        for (int i = 0; i < a.Entities.Count; i++)
        {
            var e = a.Entities[i];
            if (e.Source != EntitySource.Model || e.Type != EntityType.ORG) continue;
            int first = doc.TokenAtOrAfter(e.Start);
            int end = doc.TokenAtOrAfter(e.End);
            if (end - first < 2 || tokens[first].Start != e.Start || tokens[end - 1].End != e.End) continue;
            cats ??= _people.TokenCategories(a, out titles);
            for (int j = first + 1; j < end; j++)
            {
                bool roleBefore = cats[j - 1] is VocabularyCategory.Role or VocabularyCategory.Office;
                if (!roleBefore && !EndsBody(a, cats, j - 1)) continue;
                // Only titles after the body ("TNI Jenderal", "NU KH"): the name follows outside the span.
                if (OnlyTitles(cats, titles, j, end))
                {
                    a.Entities[i] = Cut(a, e, e.Start, tokens[j - 1].End);
                    break;
                }
                var person = _people.ReadAt(a, cats, titles, j, end);
                if (person is null || person.NameEnd != e.End || !NameLike(a, person)) continue;
                // "RSUP Dr. Sardjito", "RSUD Dr. M. Yunus": a body named after a titled person; "Ketua PPK Lawang Kidul,
                // Sri Wahyuningsih": the holder follows the comma, the words are the body's unit.
                if (!roleBefore && (person.Titles.Count > 0 || HolderAfter(a, cats, titles, end))) continue;
                // "Panwascam Manisrenggo", "Lanal Ranai", "Kodam Iskandar Muda": election, police and military bodies take a
                // district or a named territory after them; only the name seen elsewhere as a person says otherwise.
                if (Ner.WordLists.Default.IsDistrict(person.Name)) continue;
                personWords ??= PersonWords(a);
                bool seenAsPerson = person.NameWords.Any(w => w.Length >= 3 && personWords.Contains(w));
                bool evidence = seenAsPerson || (!Territorial(a, j - 1) && (roleBefore || RoleJustBefore(a, cats, first)));
                if (!evidence) continue;
                var named = new Entity(EntityType.PER, a.Text[person.NameStart..person.NameEnd], person.NameStart, person.NameEnd, EntitySource.Model, e.Score);
                if (roleBefore)
                    a.Entities[i] = named;
                else
                {
                    a.Entities[i] = Cut(a, e, e.Start, tokens[j - 1].End);
                    a.Entities.Insert(++i, named);
                }
                a.ModelPersons[named.Start] = named.End;
                break;
            }
        }
    }

    /// <summary>An institution of the vocabulary that ends at token <paramref name="t"/> and is named by its territory (election bodies, police, military).</summary>
    private bool Territorial(Analysis a, int t)
    {
        // The matches are in text order: the ones ending at token t start at most a few tokens before it.
        var matches = a.Matches;
        int lo = 0, hi = matches.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (matches[mid].FirstToken < t - 20) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < matches.Count; k++)
        {
            var m = matches[k];
            if (m.FirstToken > t) break;
            if (m.EndToken != t + 1) continue;
            Sector? sector = m.Category switch
            {
                VocabularyCategory.Institution => vocabularies.Institutions.Institution(m.EntryId).Sector,
                VocabularyCategory.Office => vocabularies.Institutions.Office(m.EntryId).Institution?.Sector,
                _ => null,
            };
            if (sector is Sector.Kpu or Sector.Bawaslu or Sector.Police or Sector.Military) return true;
        }
        return false;
    }

    private static Entity Cut(Analysis a, Entity e, int start, int end) => e with { Start = start, End = end, Text = a.Text[start..end] };

    /// <summary>A party or institution of the vocabulary ends at token <paramref name="t"/>, or it is an acronym ("DPR", "LIPI", "UI").</summary>
    private static bool EndsBody(Analysis a, VocabularyCategory?[] cats, int t)
    {
        if (cats[t] is VocabularyCategory.Party or VocabularyCategory.Institution) return true;
        var tok = a.Document.Tokens[t];
        return tok.Kind == TokenKind.Word && PersonReader.IsAcronym(tok.Span(a.Text));
    }

    private static bool OnlyTitles(VocabularyCategory?[] cats, Title?[] titles, int from, int end)
    {
        for (int k = from; k < end; k++)
            if (titles[k] is null && cats[k] != VocabularyCategory.Title) return false;
        return true;
    }

    /// <summary>
    /// The name's first word is a known given name or no everyday word ("Setya", not "Syariah"), and not every word
    /// is in capitals ("DPP BMI" is two bodies).
    /// </summary>
    private static bool NameLike(Analysis a, PersonMention person)
    {
        var words = person.NameWords;
        var lists = Ner.WordLists.Default;
        if (!(lists.IsName(words[0]) || lists.CommonBucket(words[0]) == 0)) return false;
        return words.Any(w => w.Any(char.IsLower));
    }

    /// <summary>A person right after the span, with or without a comma: ", I Ketut Suweca", "Agung Prasetyo".</summary>
    private bool HolderAfter(Analysis a, VocabularyCategory?[] cats, Title?[] titles, int end)
    {
        var doc = a.Document;
        if (end >= doc.Tokens.Count) return false;
        int next = doc.TokenText(end) == "," ? end + 1 : end;
        int si = doc.SentenceAt(doc.Tokens[end].Start);
        int limit = si < 0 ? doc.Tokens.Count : doc.Sentences[si].EndToken;
        return next < limit && _people.ReadAt(a, cats, titles, next, limit) is not null;
    }

    /// <summary>A role or office within the four tokens before the span, in its sentence ("Ketua Umum Partai Gerindra ...").</summary>
    private static bool RoleJustBefore(Analysis a, VocabularyCategory?[] cats, int first)
    {
        int si = a.Document.SentenceAt(a.Document.Tokens[first].Start);
        int from = si < 0 ? first : Math.Max(a.Document.Sentences[si].FirstToken, first - 4);
        for (int k = first - 1; k >= from; k--)
            if (cats[k] is VocabularyCategory.Role or VocabularyCategory.Office) return true;
        return false;
    }

    /// <summary>The words of the model's persons, for "the name stands elsewhere as a person" (one pass, any case).</summary>
    private static HashSet<string> PersonWords(Analysis a)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in a.Entities)
            if (e.Source == EntitySource.Model && e.Type == EntityType.PER)
                foreach (var w in e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    set.Add(w);
        return set;
    }
}
