using System.Text.RegularExpressions;
using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Finds candidate pairs and fills them: "pasangan X-Y", "paslon X–Y", "Drs. Santoso, M.Pd – Ir.Tjutjuk
/// Soenario, Mm", "Paslon nomor urut 2, X dan Y", headline "Ansy-Jane No 1". Mentions of the same pair merge;
/// short labels link to full names given elsewhere ("Santoso-Tjutjuk" → "Tjutjuk Soenario"); nicknames become
/// aliases ("... atau yang kerap dipanggil Aaf", "Ji Tarom, sapaan akrab ..."). Ballot numbers, backing parties,
/// seats, incumbency and votes attach to the nearest pair mention in their sentence (patterns/candidates.tsv).
/// </summary>
internal sealed class CandidateStage : IStage
{
    /// <summary>Distinct pairs read from one text; real articles name a handful (a regional round-up a few dozen).</summary>
    internal const int MaxPairs = 100;

    private readonly PatternLibrary _patterns;
    private readonly Vocabularies _vocabularies;
    private readonly PersonReader _people;

    public CandidateStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _patterns = patterns;
        _vocabularies = vocabularies;
        _people = new PersonReader(vocabularies);
    }

    private sealed record PairMention(PersonMention Head, PersonMention Deputy, int Start, int End, int Sentence, string? Label)
    {
        public PairBuilder Pair { get; set; } = null!;
    }

    private sealed class PersonBuilder(PersonMention first)
    {
        public string Name = first.Name;
        public List<string> Titles = [.. first.Titles];
        public List<string> Aliases = [];
        public List<PersonMention> Mentions = [first];

        public void Absorb(PersonMention m)
        {
            Mentions.Add(m);
            foreach (var t in m.Titles) if (!Titles.Contains(t)) Titles.Add(t);
            if (m.NameWords.Length > Name.Split(' ').Length && Compatible(m.Name, Name))
            {
                AddAlias(Name);
                Name = m.Name;
            }
            else if (!string.Equals(m.Name, Name, StringComparison.OrdinalIgnoreCase)) AddAlias(m.Name);
        }

        /// <summary>The name given with a nickname cue is the full name, whatever the label said.</summary>
        public void TakeFullName(PersonMention m)
        {
            Mentions.Add(m);
            foreach (var t in m.Titles) if (!Titles.Contains(t)) Titles.Add(t);
            if (string.Equals(m.Name, Name, StringComparison.OrdinalIgnoreCase)) return;
            string old = Name;
            Name = m.Name;
            Aliases.RemoveAll(x => string.Equals(x, m.Name, StringComparison.OrdinalIgnoreCase));
            AddAlias(old);
        }

        public void AddAlias(string alias)
        {
            if (string.Equals(alias, Name, StringComparison.OrdinalIgnoreCase)) return;
            if (!Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase)) Aliases.Add(alias);
        }

        public bool Matches(string name) =>
            Compatible(name, Name) || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

        public PersonName ToRecord() => new(Name, Aliases.Where(a => !string.Equals(a, Name, StringComparison.OrdinalIgnoreCase)).ToArray(), Titles.ToArray());
    }

    private sealed class PairBuilder
    {
        public required PersonBuilder Head;
        public required PersonBuilder Deputy;
        public string? Label;
        public int? Number;
        public List<string> Parties = [];
        public int? Seats;
        public double? SeatShare;
        public bool? Incumbent;
        public long? VoteCount;
        public double? VotePercent;
        public int FirstSentence;
        public List<Span> Evidence = [];
    }

    /// <summary>One name is the other, or all words of the shorter stand in the longer ("Tjutjuk" in "Tjutjuk Soenario").</summary>
    internal static bool Compatible(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        var wa = Words(a);
        var wb = Words(b);
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        // A short form may cut a word ("Frans" for "Fransiskus"), not invent one.
        return shorter.Length > 0 && shorter.All(w => longer.Any(l => string.Equals(l, w, StringComparison.OrdinalIgnoreCase)
            || (w.Length >= 4 && l.StartsWith(w, StringComparison.OrdinalIgnoreCase))));
    }

    private static string[] Words(string name) =>
        name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 || char.IsUpper(w[0])).ToArray();

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        var doc = a.Document;
        var cats = _people.TokenCategories(a, out var titles);
        var mentions = FindPairMentions(a, cats, titles);
        if (mentions.Count == 0) return;

        // Merge mentions of the same pair, in order of first mention. Each mention is compared with every pair so far
        // (names match loosely, so there is no key to look up): past MaxPairs a text is no article but a list, and the
        // mentions of further pairs are left out, which keeps the work linear in the text.
        var pairs = new List<PairBuilder>();
        var merged = new List<PairMention>(mentions.Count);
        bool capped = false;
        foreach (var m in mentions)
        {
            var pair = pairs.FirstOrDefault(p => p.Head.Matches(m.Head.Name) && p.Deputy.Matches(m.Deputy.Name));
            if (pair is null && pairs.Count >= MaxPairs)
            {
                capped = true;
                continue;
            }
            merged.Add(m);
            if (pair is null)
            {
                pair = new PairBuilder { Head = new PersonBuilder(m.Head), Deputy = new PersonBuilder(m.Deputy), FirstSentence = m.Sentence };
                pairs.Add(pair);
            }
            else
            {
                pair.Head.Absorb(m.Head);
                pair.Deputy.Absorb(m.Deputy);
            }
            if (m.Label is not null && pair.Label is null) pair.Label = m.Label;
            m.Pair = pair;
            if (pair.Evidence.Count < 8) pair.Evidence.Add(a.SpanOf(m.Start, m.End));
        }

        if (capped) a.Warnings.Add($"The text names more than {MaxPairs} candidate pairs; the mentions of further pairs were not read.");
        mentions = merged;
        LinkFullNames(a, cats, titles, pairs);
        LinkNicknames(a, cats, titles, pairs, mentions);
        var bySentence = new SentenceMentions(mentions);
        var figures = new FigureIndex(a.Figures);
        AssignNumbers(a, bySentence, pairs);
        AssignBacking(a, bySentence, pairs, figures);
        AssignIncumbency(a, mentions);
        AssignVotes(a, mentions, bySentence, figures);

        foreach (var p in pairs)
        {
            int? election = ElectionOf(a, p);
            a.Candidates.Add(new CandidatePair(p.Number, p.Head.ToRecord(), p.Deputy.ToRecord(), p.Label, p.Parties.ToArray(),
                p.Seats, p.SeatShare, p.Incumbent, election, p.VoteCount is null && p.VotePercent is null ? null : new VoteResult(p.VoteCount, p.VotePercent),
                p.Evidence.ToArray()));
            foreach (var person in new[] { p.Head, p.Deputy })
                MarkPersonOccurrences(a, person.Name, person.Aliases);
        }
    }

    private List<PairMention> FindPairMentions(Analysis a, VocabularyCategory?[] cats, Title?[] titles)
    {
        var doc = a.Document;
        var result = new List<PairMention>();
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var sentence = doc.Sentences[si];
            if (sentence.IsBoilerplate) continue;
            string sText = a.Text[sentence.Start..sentence.End];
            bool cue = _patterns["candidates.pair_cue"].IsMatch(sText) || _patterns["candidates.ballot_number"].IsMatch(sText)
                       || _patterns["candidates.backing"].IsMatch(sText) || _patterns["elections.gubernur_cue"].IsMatch(sText)
                       || _patterns["elections.walikota_cue"].IsMatch(sText) || _patterns["elections.bupati_cue"].IsMatch(sText)
                       || _patterns["candidates.incumbent"].IsMatch(sText) || sText.Contains("suara", StringComparison.OrdinalIgnoreCase);
            if (!cue) continue;
            int t = sentence.FirstToken;
            while (t < sentence.EndToken)
            {
                var left = _people.ReadAt(a, cats, titles, t, sentence.EndToken, maxNameTokens: 5);
                if (left is null) { t++; continue; }
                int j = left.EndToken;
                // "Anies, yang berpasangan dengan Muhaimin Iskandar", "Prabowo ... yang menggandeng Gibran".
                var partner = _patterns["candidates.partner"].Match(a.Text, left.End, Math.Min(a.Text.Length, left.End + 40) - left.End);
                if (partner.Success && partner.Index == left.End)
                {
                    int rt = a.Document.TokenAtOrAfter(partner.Index + partner.Length);
                    var rightPartner = rt < sentence.EndToken ? _people.ReadAt(a, cats, titles, rt, sentence.EndToken, maxNameTokens: 4) : null;
                    if (rightPartner is not null)
                    {
                        result.Add(new PairMention(left, rightPartner, left.Start, rightPartner.End, si, null));
                        a.PersonSpans.Add((left.NameStart, left.NameEnd));
                        a.PersonSpans.Add((rightPartner.NameStart, rightPartner.NameEnd));
                        t = rightPartner.EndToken;
                        continue;
                    }
                }
                if (j < sentence.EndToken && IsConnector(a, j, left, sentence, out bool needsCue))
                {
                    if (!needsCue || CueBefore(a, left.FirstToken, sentence.FirstToken))
                    {
                        var right = _people.ReadAt(a, cats, titles, j + 1, sentence.EndToken, maxNameTokens: 5);
                        if (right is not null && !string.Equals(right.Name, left.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            string? label = left.Titles.Count == 0 && right.Titles.Count == 0 && left.NameWords.Length <= 2 && right.NameWords.Length <= 2
                                            && a.Text[left.NameEnd] == '-' || (left.Titles.Count == 0 && right.Titles.Count == 0 && left.NameWords.Length == 1 && right.NameWords.Length == 1 && a.Text[left.NameEnd..right.NameStart].Trim() == "-")
                                ? a.Text[left.NameStart..right.NameEnd] : null;
                            result.Add(new PairMention(left, right, left.Start, right.End, si, label));
                            a.PersonSpans.Add((left.NameStart, left.NameEnd));
                            a.PersonSpans.Add((right.NameStart, right.NameEnd));
                            t = right.EndToken;
                            continue;
                        }
                    }
                }
                t = Math.Max(t + 1, left.EndToken);
            }
        }
        return result;
    }

    /// <summary>"-" between the two names; "dan", "&amp;", "/" only after a pair cue ("Paslon nomor urut 2, X dan Y").</summary>
    private static bool IsConnector(Analysis a, int j, PersonMention left, Sentence sentence, out bool needsCue)
    {
        var tok = a.Document.Tokens[j];
        var s = tok.Span(a.Text);
        needsCue = false;
        if (s is "-") return true;
        needsCue = true;
        return s is "dan" or "&" or "/" or "serta";
    }

    private bool CueBefore(Analysis a, int firstToken, int sentenceStartToken)
    {
        int from = Math.Max(sentenceStartToken, firstToken - 8);
        if (from >= firstToken) return false;
        var doc = a.Document;
        string window = a.Text[doc.Tokens[from].Start..doc.Tokens[firstToken - 1].End];
        return _patterns["candidates.pair_cue"].IsMatch(window) || _patterns["candidates.ballot_number"].IsMatch(window);
    }

    /// <summary>A short name in a pair takes the fullest form of it given near a candidate cue elsewhere.</summary>
    private void LinkFullNames(Analysis a, VocabularyCategory?[] cats, Title?[] titles, List<PairBuilder> pairs)
    {
        var doc = a.Document;
        var people = new List<PersonMention>();
        foreach (var s in doc.Sentences)
        {
            if (s.IsBoilerplate) continue;
            int t = s.FirstToken;
            while (t < s.EndToken)
            {
                var p = _people.ReadAt(a, cats, titles, t, s.EndToken);
                if (p is null) { t++; continue; }
                people.Add(p);
                t = Math.Max(t + 1, p.EndToken);
            }
        }
        // The words of every person once, not once per pair (the cheap tests run first; the result is the same).
        var firstWords = people.Select(p => Words(p.Name) is { Length: > 0 } w ? w[0] : null).ToArray();
        foreach (var pair in pairs)
            foreach (var person in new[] { pair.Head, pair.Deputy })
            {
                int wordCount = person.Name.Split(' ').Length;
                string? first = Words(person.Name) is { Length: > 0 } pw ? pw[0] : null;
                var fuller = first is null ? null : people
                    .Where((p, i) => p.NameWords.Length > wordCount && string.Equals(firstWords[i], first, StringComparison.OrdinalIgnoreCase)
                                     && Compatible(p.Name, person.Name))
                    .OrderByDescending(p => p.Titles.Count).ThenBy(p => p.Start).FirstOrDefault();
                // Titles written on the same name elsewhere ("jelas Drs. Santoso,M.Pd") belong to the person too.
                foreach (var same in people.Where(p => string.Equals(p.Name, person.Name, StringComparison.OrdinalIgnoreCase) && p.Titles.Count > 0))
                    foreach (var t in same.Titles) if (!person.Titles.Contains(t)) person.Titles.Add(t);
                if (fuller is not null) person.Absorb(fuller);
            }
    }

    /// <summary>"HA Afzan Arslan Djunaid atau yang kerap dipanggil Aaf"; "ujar Ji Tarom, sapaan akrab Ketua PCNU".</summary>
    private void LinkNicknames(Analysis a, VocabularyCategory?[] cats, Title?[] titles, List<PairBuilder> pairs, List<PairMention> mentions)
    {
        var doc = a.Document;
        foreach (Match m in _patterns["candidates.nickname"].Matches(a.Text))
        {
            int si = doc.SentenceAt(m.Index);
            if (si < 0) continue;
            var sentence = doc.Sentences[si];
            // The person before the cue.
            int before = doc.TokenAtOrAfter(m.Index) - 1;
            while (before >= sentence.FirstToken && a.Text[doc.Tokens[before].Start] == ',') before--;
            PersonMention? left = null;
            for (int start = Math.Max(sentence.FirstToken, before - 6); start <= before && left is null; start++)
            {
                var p = _people.ReadAt(a, cats, titles, start, before + 1);
                if (p is not null && p.EndToken == before + 1) left = p;
            }
            int after = doc.TokenAtOrAfter(m.Index + m.Length);
            var right = after < sentence.EndToken ? _people.ReadAt(a, cats, titles, after, sentence.EndToken, maxNameTokens: 3) : null;
            if (left is null) continue;
            if (right is not null && right.Start - (m.Index + m.Length) <= 1)
            {
                // Full name, then the nickname.
                var owner = pairs.SelectMany(p => new[] { p.Head, p.Deputy }).FirstOrDefault(x => x.Matches(left.Name) || x.Matches(right.Name));
                if (owner is null) continue;
                owner.TakeFullName(left);
                owner.AddAlias(right.Name);
                a.PersonSpans.Add((right.NameStart, right.NameEnd));
            }
            else
            {
                // "Ji Tarom, sapaan akrab ...": the nickname of the candidate spoken of most recently.
                var owner = pairs.SelectMany(p => new[] { p.Head, p.Deputy }).FirstOrDefault(x => x.Matches(left.Name));
                if (owner is null)
                {
                    owner = LastNamed(a, pairs, left.Start, sentencesBack: 6, firstWords: false)?.Person;
                }
                if (owner is null) continue;
                owner.AddAlias(left.Name);
                a.PersonSpans.Add((left.NameStart, left.NameEnd));
            }
        }
    }

    /// <summary>
    /// The pair and person named last before <paramref name="offset"/>, at most <paramref name="sentencesBack"/>
    /// sentences back; <paramref name="firstWords"/> also counts a person's first name alone ("Syaikhu ... Pasangan ini").
    /// </summary>
    private static (PairBuilder Pair, PersonBuilder Person)? LastNamed(Analysis a, List<PairBuilder> pairs, int offset, int sentencesBack, bool firstWords)
    {
        int si = a.Document.SentenceAt(offset);
        if (si < 0) return null;
        int from = a.Document.Sentences[Math.Max(0, si - sentencesBack)].Start;
        (PairBuilder, PersonBuilder)? best = null;
        int bestAt = -1;
        foreach (var p in pairs)
            foreach (var person in new[] { p.Head, p.Deputy })
            {
                var forms = person.Aliases.Append(person.Name);
                if (firstWords) forms = forms.Append(person.Name.Split(' ')[0]).Where(n => n.Length >= 3);
                foreach (var name in forms)
                {
                    int at = a.Text.LastIndexOf(name, offset, offset - from, StringComparison.Ordinal);
                    if (at > bestAt) { bestAt = at; best = (p, person); }
                }
            }
        return best;
    }

    private void AssignNumbers(Analysis a, SentenceMentions mentions, List<PairBuilder> pairs)
    {
        var doc = a.Document;
        foreach (Match m in _patterns["candidates.ballot_number"].Matches(a.Text))
        {
            if (!BallotContext(a, m)) continue;
            int? n = Numbers.SmallNumber(m.Groups["n"].Value, _vocabularies.Numbers);
            if (n is null or < 1 or > 20) continue;
            int si = doc.SentenceAt(m.Index);
            if (si < 0 || doc.Sentences[si].IsBoilerplate) continue;
            var inSentence = mentions.In(si);
            PairMention? target = SentenceMentions.LastEndingBy(inSentence, m.Index);
            // "nomor urut 1 diraih paslon X-Y", "Paslon nomor urut 2, X dan Y": the pair after the number, when
            // no verb of receiving ties the number to the pair before it ("X-Y ... mendapat nomor urut 1").
            var following = SentenceMentions.FirstStartingFrom(inSentence, m.Index + m.Length);
            // "nomor urut 2 Iskandar-Nurlaila": a pair right after the number owns it; "Ansy-Jane No 1, Melky-Johni
            // No 2": a pair right before it does; otherwise a verb decides ("X-Y mendapat nomor urut 1", "nomor urut 1
            // diraih X-Y").
            bool adjacent = target is not null && m.Index - target.End <= 3;
            if (following is not null && following.Start - (m.Index + m.Length) < 40)
            {
                string before = a.Text[Math.Max(0, m.Index - 30)..m.Index];
                string between = a.Text[(m.Index + m.Length)..following.Start];
                bool receivedBefore = _patterns["candidates.receives"].IsMatch(before);
                bool givenAfter = _patterns["candidates.given_to"].IsMatch(between) || between.Trim() is "," or ":";
                if (between.Trim().Length == 0 && !receivedBefore) target = following;
                else if (!adjacent && (target is null ? !receivedBefore || givenAfter : givenAfter && !receivedBefore)) target = following;
            }
            if (target is null)
            {
                // "calon wali kota Pekalongan nomor urut 1 Muhtarom": a single name right after the number.
                int t = doc.TokenAtOrAfter(m.Index + m.Length);
                var name = t < doc.Tokens.Count ? a.Text[doc.Tokens[t].Start..Math.Min(a.Text.Length, doc.Tokens[t].Start + 40)] : "";
                var owner = pairs.FirstOrDefault(p => name.StartsWith(p.Head.Name, StringComparison.Ordinal) || p.Head.Aliases.Any(al => name.StartsWith(al, StringComparison.Ordinal)));
                if (owner is not null) owner.Number ??= n;
                continue;
            }
            target.Pair.Number ??= n;
            if (target.Pair.Evidence.Count < 8) target.Pair.Evidence.Add(a.SpanOf(m.Index, m.Index + m.Length));
        }
    }

    /// <summary>Not "PKPU Nomor 8 Tahun 2024", "Peraturan KPU No. 13/2020", "nomor antrean", "Nomor 10 Tahun 2016".</summary>
    private bool BallotContext(Analysis a, Match m)
    {
        int from = Math.Max(0, m.Index - 25);
        string before = a.Text[from..m.Index];
        if (_patterns["candidates.not_ballot"].IsMatch(before + a.Text[m.Index..(m.Index + m.Length)])) return false;
        string after = a.Text[(m.Index + m.Length)..Math.Min(a.Text.Length, m.Index + m.Length + 8)];
        if (_patterns["candidates.year_after_number"].IsMatch(after)) return false;
        // A bare "No 1" needs a pair right before it (headline form) — checked by the caller's sentence search.
        return true;
    }

    private void AssignBacking(Analysis a, SentenceMentions mentions, List<PairBuilder> pairs, FigureIndex figures)
    {
        var doc = a.Document;
        foreach (Match m in _patterns["candidates.backing"].Matches(a.Text))
        {
            if (m.Index > 0 && char.IsLetter(a.Text[m.Index - 1])) continue;
            int si = doc.SentenceAt(m.Index);
            if (si < 0) continue;
            var sentence = doc.Sentences[si];
            var inSentence = mentions.In(si);
            var target = SentenceMentions.LastEndingBy(inSentence, m.Index);
            int from = m.Index;
            if (target is null && inSentence.FirstOrDefault() is { } after && after.Start - (m.Index + m.Length) < 30)
            {
                // "Partai pengusung pasangan X-Y: Golkar, PAN ...": the parties follow the pair.
                target = after;
                from = after.End;
            }
            PairBuilder? owner = target?.Pair;
            if (owner is null)
            {
                // "Pasangan nomor 2 didukung Golkar": the pair with that number.
                var numbered = _patterns["candidates.ballot_number"].Matches(a.Text[sentence.Start..m.Index]).LastOrDefault();
                if (numbered is not null && Numbers.SmallNumber(numbered.Groups["n"].Value, _vocabularies.Numbers) is int n)
                    owner = pairs.FirstOrDefault(p => p.Number == n);
                // "Pasangan ini diusung ...", "Keduanya diusung ...": the pair named last, a few sentences back at most.
                owner ??= LastNamed(a, pairs, m.Index, sentencesBack: 4, firstWords: true)?.Pair;
            }
            if (owner is null) continue;
            // Parties from the cue to the next pair mention or the end of the sentence.
            int stop = SentenceMentions.FirstStartingFrom(inSentence, from + 1)?.Start ?? sentence.End;
            var contrast = _patterns["candidates.contrast"].Match(a.Text[from..stop]);
            if (contrast.Success) stop = from + contrast.Index;
            var pair = owner;
            // The vocabulary matches are in text order: start at the first one from `from`, stop past `stop`.
            var matches = a.Matches;
            int lo = 0, hi = matches.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (matches[mid].Start < from) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < matches.Count && matches[k].Start <= stop; k++)
            {
                var pm = matches[k];
                if (pm.Start < from || pm.End > stop) continue;
                if (pm.Category == VocabularyCategory.Party)
                {
                    string party = _vocabularies.Parties.Party(pm.EntryId).Canonical;
                    if (!pair.Parties.Contains(party)) pair.Parties.Add(party);
                }
            }
            if (_patterns["candidates.unnamed_parties"].IsMatch(a.Text[m.Index..stop]))
                a.Warnings.Add("unnamed parties");
            // Seats: "menguasai 16 kursi atau 64 persen", here or in the next sentence about the coalition.
            var seatsHere = figures.Within(m.Index, stop);
            if (!seatsHere.Any(f => f.Kind == FigureKind.Seats) && si + 1 < doc.Sentences.Count && mentions.In(si + 1).Count == 0)
            {
                var next = doc.Sentences[si + 1];
                if (_patterns["candidates.coalition_word"].IsMatch(a.Text[next.Start..next.End]))
                    seatsHere = figures.Within(next.Start, next.End);
            }
            var seats = seatsHere.FirstOrDefault(f => f.Kind == FigureKind.Seats);
            if (seats is not null && pair.Seats is null && pair.Parties.Count > 0)
            {
                pair.Seats = (int)seats.Value;
                var share = seatsHere.FirstOrDefault(f => f.Kind == FigureKind.SeatShare && f.Start > seats.Start);
                if (share is not null) pair.SeatShare = share.Value;
            }
            if (pair.Evidence.Count < 8) pair.Evidence.Add(a.SpanOf(m.Index, stop));
        }
    }

    private void AssignIncumbency(Analysis a, List<PairMention> mentions)
    {
        foreach (var m in mentions)
        {
            int from = Math.Max(0, m.Start - 30);
            string around = a.Text[from..m.Start] + " " + a.Text[m.End..Math.Min(a.Text.Length, m.End + 25)];
            if (_patterns["candidates.incumbent"].IsMatch(around)) m.Pair.Incumbent = true;
        }
    }

    private static void AssignVotes(Analysis a, List<PairMention> mentions, SentenceMentions bySentence, FigureIndex figures)
    {
        var doc = a.Document;
        foreach (var m in mentions)
        {
            var sentence = doc.Sentences[m.Sentence];
            int stop = SentenceMentions.FirstStartingFrom(bySentence.In(m.Sentence), m.End + 1)?.Start ?? sentence.End;
            var votes = figures.Within(m.End, stop).FirstOrDefault(f => f.Kind == FigureKind.Votes);
            if (votes is null) continue;
            m.Pair.VoteCount ??= (long)votes.Value;
            var share = figures.Within(votes.End, stop).FirstOrDefault(f => f.Kind == FigureKind.VoteShare);
            if (share is not null) m.Pair.VotePercent ??= share.Value;
        }
    }

    /// <summary>The race of a pair: the only race, or the one whose kind is named next to the pair.</summary>
    private int? ElectionOf(Analysis a, PairBuilder p)
    {
        if (a.Elections.Count == 0) return null;
        if (a.Elections.Count == 1) return 0;
        var doc = a.Document;
        int from = doc.Sentences[Math.Max(0, p.FirstSentence - 1)].Start;
        string context = a.Text[from..doc.Sentences[p.FirstSentence].End];
        foreach (var (cue, type) in new[] { ("elections.gubernur_cue", ElectionType.Gubernur), ("elections.walikota_cue", ElectionType.Walikota), ("elections.bupati_cue", ElectionType.Bupati), ("elections.presiden_cue", ElectionType.Presiden) })
        {
            if (!_patterns[cue].IsMatch(context)) continue;
            int i = a.Elections.ToList().FindIndex(e => e.Type == type);
            if (i >= 0) return i;
        }
        int regional = a.Elections.ToList().FindIndex(e => e.Type is ElectionType.Walikota or ElectionType.Bupati);
        return regional >= 0 ? regional : 0;
    }

    /// <summary>Every occurrence of a candidate's name or alias is a person (rule entity).</summary>
    private static void MarkPersonOccurrences(Analysis a, string name, IEnumerable<string> aliases)
    {
        foreach (var form in aliases.Append(name).Where(f => f.Length >= 2).Distinct())
        {
            int at = 0;
            while ((at = a.Text.IndexOf(form, at, StringComparison.Ordinal)) >= 0)
            {
                int end = at + form.Length;
                bool boundary = (at == 0 || !char.IsLetterOrDigit(a.Text[at - 1])) && (end >= a.Text.Length || !char.IsLetterOrDigit(a.Text[end]));
                if (boundary) a.PersonSpans.Add((at, end));
                at = end;
            }
        }
    }

    /// <summary>
    /// The pair mentions of each sentence, in text order (starts and ends both increase: a mention is read after the
    /// previous one ends), with binary searches for the mention before or after an offset. Asking "which mentions are
    /// in this sentence" of the whole list for every cue made a text of 12,500 pairs quadratic.
    /// </summary>
    private sealed class SentenceMentions
    {
        private readonly Dictionary<int, List<PairMention>> _bySentence = [];

        public SentenceMentions(List<PairMention> mentions)
        {
            foreach (var m in mentions)
            {
                if (!_bySentence.TryGetValue(m.Sentence, out var list)) _bySentence[m.Sentence] = list = [];
                list.Add(m);
            }
        }

        public List<PairMention> In(int sentence) => _bySentence.TryGetValue(sentence, out var list) ? list : [];

        /// <summary>The mention ending last at or before <paramref name="offset"/>.</summary>
        public static PairMention? LastEndingBy(List<PairMention> list, int offset)
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (list[mid].End <= offset) lo = mid + 1; else hi = mid;
            }
            return lo > 0 ? list[lo - 1] : null;
        }

        /// <summary>The first mention starting at or after <paramref name="offset"/>.</summary>
        public static PairMention? FirstStartingFrom(List<PairMention> list, int offset)
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (list[mid].Start < offset) lo = mid + 1; else hi = mid;
            }
            return lo < list.Count ? list[lo] : null;
        }
    }

    /// <summary>The figures by start offset, for "the figures between these offsets" in their original order.</summary>
    private sealed class FigureIndex
    {
        private readonly List<Figure> _figures;
        private readonly int[] _byStart;

        public FigureIndex(List<Figure> figures)
        {
            _figures = figures;
            _byStart = Enumerable.Range(0, figures.Count).OrderBy(i => figures[i].Start).ToArray();
        }

        /// <summary>The figures with <c>Start &gt;= from</c> and <c>End &lt;= to</c>, in the order the figure stage found them.</summary>
        public List<Figure> Within(int from, int to)
        {
            int lo = 0, hi = _byStart.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_figures[_byStart[mid]].Start < from) lo = mid + 1; else hi = mid;
            }
            var found = new List<int>();
            for (int k = lo; k < _byStart.Length && _figures[_byStart[k]].Start <= to; k++)
                if (_figures[_byStart[k]].End <= to) found.Add(_byStart[k]);
            found.Sort();
            return found.ConvertAll(i => _figures[i]);
        }
    }
}
