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
    private readonly Regex _partnerAt;
    private readonly Regex _partnerReverseAt;

    public CandidateStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _patterns = patterns;
        _vocabularies = vocabularies;
        _people = new PersonReader(vocabularies);
        _partnerAt = AnchoredAtStart(patterns, "candidates.partner");
        _partnerReverseAt = AnchoredAtStart(patterns, "candidates.partner_reverse");
    }

    // A pattern that only counts when it matches right where the search starts ("Anies, yang berpasangan dengan"
    // right after the name): anchored with \G, it is tried there alone instead of at each of the next 40 characters.
    private static Regex AnchoredAtStart(PatternLibrary patterns, string name) => patterns.Derive("\\G(?:" + patterns[name] + ")", patterns[name].Options);

    /// <summary>A pair as written in one place; a single candidate ("cagub Dedi Mulyadi") has no deputy.</summary>
    private sealed record PairMention(PersonMention Head, PersonMention? Deputy, int Start, int End, int Sentence, string? Label)
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
        public required PersonBuilder? Deputy;
        public int FirstStart;

        public IEnumerable<PersonBuilder> Persons => Deputy is null ? [Head] : [Head, Deputy];

        /// <summary>The person of this pair a name stands for, or null.</summary>
        public PersonBuilder? PersonNamed(string name) =>
            Head.Matches(name) ? Head : Deputy is not null && Deputy.Matches(name) ? Deputy : null;
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

        /// <summary>Evidence is kept short: the first eight spans that speak of the pair.</summary>
        public void AddEvidence(Span span)
        {
            if (Evidence.Count < 8) Evidence.Add(span);
        }

        /// <summary>
        /// Takes over what <paramref name="other"/> (the same pair under another name) was given: its parties, the
        /// values this one lacks, its evidence and its mentions.
        /// </summary>
        public void Absorb(PairBuilder other, List<PairMention> mentions)
        {
            foreach (var party in other.Parties) if (!Parties.Contains(party)) Parties.Add(party);
            Label ??= other.Label;
            Number ??= other.Number;
            Incumbent ??= other.Incumbent;
            foreach (var e in other.Evidence) AddEvidence(e);
            foreach (var m in mentions) if (m.Pair == other) m.Pair = this;
            FirstStart = Math.Min(FirstStart, other.FirstStart);
        }
    }

    /// <summary>
    /// One name is the other, all words of the shorter stand in the longer ("Tjutjuk" in "Tjutjuk Soenario"), or the
    /// shorter is the initials of the longer ("AHY" for "Agus Harimurti Yudhoyono", "RK" for "Ridwan Kamil").
    /// </summary>
    internal static bool Compatible(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        var wa = Words(a);
        var wb = Words(b);
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        if (shorter.Length == 1 && longer.Length >= 2 && (IsInitials(shorter[0], longer) || IsSyllableNickname(shorter[0], longer))) return true;
        // A short form may cut a word ("Frans" for "Fransiskus"), not invent one.
        return shorter.Length > 0 && shorter.All(w => longer.Any(l => string.Equals(l, w, StringComparison.OrdinalIgnoreCase)
            || (w.Length >= 4 && l.StartsWith(w, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>"AHY": two to four capitals, the first letters of the name's words in order (all of them, or all but particles).</summary>
    private static bool IsInitials(string word, string[] name)
    {
        if (word.Length is < 2 or > 4 || !word.All(char.IsUpper)) return false;
        var initials = string.Concat(name.Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        return string.Equals(word, initials, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Jokowi" for "Joko Widodo", "Demiz" for "Deddy Mizwar": a nickname made of the start of the first name word and
    /// the start of the second (two letters of each at least, five letters in all).
    /// </summary>
    private static bool IsSyllableNickname(string word, string[] name)
    {
        if (word.Length < 5 || !char.IsUpper(word[0])) return false;
        string first = name[0], second = name[1];
        for (int i = 2; i <= Math.Min(first.Length, word.Length - 2); i++)
        {
            if (!word.AsSpan(0, i).Equals(first.AsSpan(0, i), StringComparison.OrdinalIgnoreCase)) break;
            int rest = word.Length - i;
            if (rest >= 2 && rest <= second.Length && word.AsSpan(i).Equals(second.AsSpan(0, rest), StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static string[] Words(string name) =>
        name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 || char.IsUpper(w[0])).ToArray();

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        var doc = a.Document;
        var cats = _people.TokenCategories(a, out var titles);
        var cues = CandidateCues(a);
        var mentions = FindPairMentions(a, cats, titles, cues);
        var singles = FindSingleMentions(a, cats, titles, mentions);
        if (mentions.Count > 0 || singles.Count > 0)
        {
            // Dash pairs in sentences without a candidate cue count when one side is a candidate found elsewhere.
            var known = mentions.SelectMany(m => new[] { m.Head.Name, m.Deputy?.Name }).Concat(singles.Select(s => s.Mention.Head.Name))
                .Where(n => n is not null).Select(n => n!).Distinct().ToList();
            mentions.AddRange(FindPairMentions(a, cats, titles, cues, known));
            mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        }
        // "PKS ... akan turut mengusung Saifullah Yusuf", "Dedi Mulyadi ... mendapatkan dukungan dari Partai Hanura": the
        // person backed is a candidate (a single, or the pair that names them).
        var activeBacking = FindActiveBacking(a, cats, titles, mentions, singles);
        if (mentions.Count == 0 && singles.Count == 0) return;

        // Merge mentions of the same pair, in order of first mention. Each mention is compared with every pair so far
        // (names match loosely, so there is no key to look up): past MaxPairs a text is no article but a list, and the
        // mentions of further pairs are left out, which keeps the work linear in the text.
        var pairs = new List<PairBuilder>();
        var merged = new List<PairMention>(mentions.Count);
        bool capped = false;
        foreach (var m in mentions)
        {
            var pair = pairs.FirstOrDefault(p => p.Head.Matches(m.Head.Name) && p.Deputy is not null && p.Deputy.Matches(m.Deputy!.Name));
            if (pair is null && pairs.Count >= MaxPairs)
            {
                capped = true;
                continue;
            }
            merged.Add(m);
            if (pair is null)
            {
                pair = new PairBuilder { Head = new PersonBuilder(m.Head), Deputy = new PersonBuilder(m.Deputy!), FirstSentence = m.Sentence, FirstStart = m.Start };
                pairs.Add(pair);
            }
            else
            {
                pair.Head.Absorb(m.Head);
                pair.Deputy!.Absorb(m.Deputy!);
            }
            if (m.Label is not null && pair.Label is null) pair.Label = m.Label;
            m.Pair = pair;
            pair.AddEvidence(a.SpanOf(m.Start, m.End));
        }

        if (capped) a.Warnings.Add($"The text names more than {MaxPairs} candidate pairs; the mentions of further pairs were not read.");
        mentions = merged;
        MergeBracketPairs(a, pairs, mentions);
        LinkFullNames(a, cats, titles, pairs);
        LinkNicknames(a, cats, titles, pairs, mentions);
        LinkBracketAliases(a, cats, titles, pairs);

        // Single candidates ("cagub Dedi Mulyadi", "Petahana Basuki Tjahaja Purnama"): one of a pair already named
        // joins that pair; a head named alone is a candidate without a running mate.
        var runningMates = new List<PairMention>();
        foreach (var (m, deputyRole) in singles)
        {
            var pair = pairs.FirstOrDefault(p => p.PersonNamed(m.Head.Name) is not null);
            if (pair is not null)
            {
                var person = pair.PersonNamed(m.Head.Name)!;
                if (person.Mentions.All(x => x.Start != m.Head.Start)) person.Absorb(m.Head);
            }
            else if (!deputyRole && pairs.Count < MaxPairs)
            {
                pair = new PairBuilder { Head = new PersonBuilder(m.Head), Deputy = null, FirstSentence = m.Sentence, FirstStart = m.Start };
                pairs.Add(pair);
            }
            else
            {
                if (deputyRole) runningMates.Add(m);
                continue;
            }
            m.Pair = pair;
            mentions.Add(m);
            pair.AddEvidence(a.SpanOf(m.Start, m.End));
        }
        // One head named alone and one running mate named alone ("Basuki Tjahaja Purnama ... Cawagub DKI Djarot Saiful
        // Hidayat") are one pair when the article names no other candidate and no other running mate.
        if (pairs.Count == 1 && pairs[0].Deputy is null && runningMates.Count > 0
            && runningMates.All(r => Compatible(r.Head.Name, runningMates[0].Head.Name)) && pairs[0].PersonNamed(runningMates[0].Head.Name) is null)
        {
            var ticket = pairs[0];
            ticket.Deputy = new PersonBuilder(runningMates[0].Head);
            foreach (var r in runningMates)
            {
                if (r != runningMates[0]) ticket.Deputy.Absorb(r.Head);
                r.Pair = ticket;
                mentions.Add(r);
                ticket.AddEvidence(a.SpanOf(r.Start, r.End));
            }
        }
        mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        pairs.Sort((x, y) => x.FirstStart.CompareTo(y.FirstStart));
        LinkBracketAliases(a, cats, titles, pairs);
        MergeSingles(pairs, mentions);
        foreach (var (m, parties) in activeBacking)
        {
            if (m.Pair is not { } backed) continue;
            foreach (var party in parties) if (!backed.Parties.Contains(party)) backed.Parties.Add(party);
        }
        var bySentence = new SentenceMentions(mentions);
        var figures = new FigureIndex(a.Figures);
        AssignNumbers(a, bySentence, pairs);
        MergeSameNumber(pairs, mentions);
        AssignBacking(a, bySentence, pairs, figures);
        AssignIncumbency(a, mentions);
        AssignVotes(a, mentions, bySentence, figures);

        foreach (var p in pairs)
        {
            int? election = ElectionOf(a, p);
            a.Candidates.Add(new CandidatePair(p.Number, p.Head.ToRecord(), p.Deputy?.ToRecord(), p.Label, p.Parties.ToArray(),
                p.Seats, p.SeatShare, p.Incumbent, election, p.VoteCount is null && p.VotePercent is null ? null : new VoteResult(p.VoteCount, p.VotePercent),
                p.Evidence.ToArray()));
            foreach (var person in p.Persons)
                MarkPersonOccurrences(a, person.Name, person.Aliases);
        }
    }

    /// <summary>
    /// Per sentence, whether it speaks of candidates (a pair, ballot, backing, race or vote cue): read once per text, for
    /// both passes of <see cref="FindPairMentions"/>.
    /// </summary>
    private bool[] CandidateCues(Analysis a)
    {
        var sentences = a.Document.Sentences;
        var cues = new bool[sentences.Count];
        for (int si = 0; si < sentences.Count; si++)
        {
            var sentence = sentences[si];
            if (sentence.IsBoilerplate) continue;
            var sText = a.Text.AsSpan(sentence.Start, sentence.End - sentence.Start);
            cues[si] = _patterns["candidates.pair_cue"].IsMatch(sText) || _patterns["candidates.ballot_number"].IsMatch(sText)
                       || _patterns["candidates.backing"].IsMatch(sText) || _patterns["elections.gubernur_cue"].IsMatch(sText)
                       || _patterns["elections.walikota_cue"].IsMatch(sText) || _patterns["elections.bupati_cue"].IsMatch(sText)
                       || _patterns["candidates.incumbent"].IsMatch(sText) || sText.Contains("suara", StringComparison.OrdinalIgnoreCase);
        }
        return cues;
    }

    /// <summary>
    /// Pair mentions in the sentences that speak of candidates (a pair, ballot, backing, race or vote cue). With
    /// <paramref name="known"/> (names of candidates found elsewhere) the other sentences are read instead, for dash
    /// pairs only where one side is a known candidate ("Relawan Anies - Sandi di bawah pimpinan ...").
    /// </summary>
    private List<PairMention> FindPairMentions(Analysis a, VocabularyCategory?[] cats, Title?[] titles, bool[] cues, IReadOnlyList<string>? known = null)
    {
        var doc = a.Document;
        var result = new List<PairMention>();
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var sentence = doc.Sentences[si];
            if (sentence.IsBoilerplate) continue;
            if (cues[si] == known is not null) continue;
            int t = sentence.FirstToken;
            while (t < sentence.EndToken)
            {
                var left = _people.ReadAt(a, cats, titles, t, sentence.EndToken, maxNameTokens: 5);
                if (left is null) { t++; continue; }
                int j = left.EndToken;
                // "Anies, yang berpasangan dengan Muhaimin Iskandar", "Prabowo ... yang menggandeng Gibran".
                var partner = known is null ? _partnerAt.Match(a.Text, left.End, Math.Min(a.Text.Length, left.End + 40) - left.End) : Match.Empty;
                bool reverse = false;
                if (known is null && !(partner.Success && partner.Index == left.End))
                {
                    partner = _partnerReverseAt.Match(a.Text, left.End, Math.Min(a.Text.Length, left.End + 40) - left.End);
                    reverse = true;
                }
                if (partner.Success && partner.Index == left.End)
                {
                    // The partner's office may stand before the name: "berpasangan dengan bakal calon Gubernur Jabar Ridwan Kamil".
                    int rt = a.Document.TokenAtOrAfter(partner.Index + partner.Length);
                    int officeFrom = rt;
                    rt = SkipCandidacyWords(a, cats, rt, sentence.EndToken);
                    var rightPartner = rt < sentence.EndToken ? _people.ReadAt(a, cats, titles, rt, sentence.EndToken, maxNameTokens: 4) : null;
                    if (rightPartner is not null && PlausibleName(a, left) && PlausibleName(a, rightPartner))
                    {
                        string office = rt > officeFrom ? a.Text[doc.Tokens[officeFrom].Start..doc.Tokens[rt - 1].End] : "";
                        bool partnerLeads = _patterns["candidates.head_office"].IsMatch(office) && !office.Contains("wakil", StringComparison.OrdinalIgnoreCase)
                                            && !office.StartsWith("cawa", StringComparison.OrdinalIgnoreCase);
                        result.Add(partnerLeads != reverse
                            ? new PairMention(rightPartner, left, left.Start, rightPartner.End, si, null)
                            : new PairMention(left, rightPartner, left.Start, rightPartner.End, si, null));
                        a.PersonSpans.Add((left.NameStart, left.NameEnd));
                        a.PersonSpans.Add((rightPartner.NameStart, rightPartner.NameEnd));
                        t = rightPartner.EndToken;
                        continue;
                    }
                }
                if (j < sentence.EndToken && IsConnector(a, j, left, sentence, out bool needsCue))
                {
                    // "..., yaitu A dan B yang diusung X, serta C dan D": after a pair in the sentence, a list goes on.
                    bool listGoesOn = result.Count > 0 && result[^1].Sentence == si && left.FirstToken > sentence.FirstToken
                                      && _patterns["candidates.list_continues"].IsMatch(doc.TokenText(left.FirstToken - 1));
                    if (known is null ? !needsCue || listGoesOn || CueBefore(a, left.FirstToken, sentence.FirstToken) : !needsCue)
                    {
                        var right = _people.ReadAt(a, cats, titles, j + 1, sentence.EndToken, maxNameTokens: 5);
                        if (right is not null && !string.Equals(right.Name, left.Name, StringComparison.OrdinalIgnoreCase)
                            && (PairCueRightBefore(a, left.FirstToken, sentence.FirstToken) || (PlausibleName(a, left) && PlausibleName(a, right)))
                            && (known is null || (ModelPersonOverlaps(a, left.NameStart, left.NameEnd) && ModelPersonOverlaps(a, right.NameStart, right.NameEnd)
                                                  && known.Any(k => Compatible(k, left.Name) || Compatible(k, right.Name)))))
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

    /// <summary>
    /// Single candidates: a person right after a candidacy word ("cagub Dedi Mulyadi", "Calon Gubernur DKI Jakarta Anies
    /// Baswedan", "Petahana Basuki Tjahaja Purnama") or right before "sebagai" and one ("mengusung Ridwan Kamil sebagai
    /// cagub"). Regions, ballot-number words and commas may stand between. A person inside a pair mention is left to it.
    /// Returns each mention (no deputy) with whether the word names the running mate's office.
    /// </summary>
    private List<(PairMention Mention, bool DeputyRole)> FindSingleMentions(Analysis a, VocabularyCategory?[] cats, Title?[] titles, List<PairMention> pairMentions)
    {
        var doc = a.Document;
        var result = new List<(PairMention, bool)>();
        var filler = _patterns["candidates.single_filler"];
        foreach (Match m in _patterns["candidates.single_cue"].Matches(a.Text))
        {
            int si = doc.SentenceAt(m.Index);
            if (si < 0 || doc.Sentences[si].IsBoilerplate) continue;
            var sentence = doc.Sentences[si];
            bool deputy = m.Groups["deputy"].Success;
            PersonMention? person = null;
            var asRole = _patterns["candidates.as_role"].Match(a.Text[Math.Max(sentence.Start, m.Index - 30)..m.Index]);
            if (asRole.Success)
            {
                // "mengusung Ridwan Kamil sebagai cagub", "Marianus, yang juga calon gubernur NTT": the name that ends
                // right before the linking words.
                int link = doc.TokenAtOrAfter(Math.Max(sentence.Start, m.Index - 30) + asRole.Index);
                for (int start = Math.Max(sentence.FirstToken, link - 5); start < link && person is null; start++)
                {
                    var p = _people.ReadAt(a, cats, titles, start, link, maxNameTokens: 5);
                    if (p is not null && p.EndToken == link) person = p;
                }
            }
            if (person is null)
            {
                int t = doc.TokenAtOrAfter(m.Index + m.Length);
                int skipped = 0;
                while (t < sentence.EndToken && skipped < 6
                       && (cats[t] is VocabularyCategory.Region or VocabularyCategory.Office || filler.IsMatch(doc.TokenText(t))))
                {
                    // "meminta restu menjadi cagub, Prabowo langsung ...": a comma right after the word ends the phrase.
                    if (skipped == 0 && doc.TokenText(t) == ",") { t = sentence.EndToken; break; }
                    t++;
                    skipped++;
                }
                if (t < sentence.EndToken) person = _people.ReadAt(a, cats, titles, t, sentence.EndToken, maxNameTokens: 5);
            }
            if (person is null) continue;
            // A capitalised word after a cue is not always a name ("Calon Gubernur Terpilih"): the entity model or a
            // second name word must agree.
            if (person.NameWords.Length < 2 && !a.ModelPersons.ContainsKey(person.NameStart)) continue;
            if (Covering(pairMentions, person.NameStart, person.NameEnd) is not null) continue;
            // The mention is the name itself: a ballot number between the cue and the name belongs to it
            // ("Calon bupati nomor urut 2, Gung Mayun").
            result.Add((new PairMention(person, null, person.Start, person.End, si, null), deputy));
            a.PersonSpans.Add((person.NameStart, person.NameEnd));
        }
        return result;
    }

    /// <summary>
    /// A party as the subject of a backing verb and the person after it: "PKS memberikan sinyal kuat akan turut mengusung
    /// Saifullah Yusuf", "sikap Perindo mendukung Jokowi". The person becomes a single candidate (joining a pair that
    /// names them) and the parties named before the verb in its clause back them. A denial before the verb ("tidak akan
    /// mengusung Ridwan Kamil") backs no one.
    /// </summary>
    private List<(PairMention Mention, List<string> Parties)> FindActiveBacking(Analysis a, VocabularyCategory?[] cats, Title?[] titles,
        List<PairMention> pairMentions, List<(PairMention Mention, bool DeputyRole)> singles)
    {
        var doc = a.Document;
        var result = new List<(PairMention, List<string>)>();
        // Looked up per verb, so kept in text order / by start: a long text must not cost (verbs x matches).
        var partyMatches = a.Matches.Where(x => x.Category == VocabularyCategory.Party).ToList();
        var singleAt = new Dictionary<int, PairMention>();
        foreach (var (mention, _) in singles) singleAt.TryAdd(mention.Head.NameStart, mention);
        foreach (Match m in _patterns["candidates.backing_active"].Matches(a.Text))
        {
            int si = doc.SentenceAt(m.Index);
            if (si < 0 || doc.Sentences[si].IsBoilerplate) continue;
            var sentence = doc.Sentences[si];
            // The clause before the verb: from the sentence start or the last comma.
            int clauseStart = Math.Max(sentence.Start, a.Text.LastIndexOf(',', m.Index, m.Index - sentence.Start) + 1);
            string before = a.Text[clauseStart..m.Index];
            if (_patterns["candidates.denial"].IsMatch(before)) continue;
            // A relative clause takes its subject from before the comma: "keputusan DPP Partai Golkar, yang mengusung ...".
            if (clauseStart > sentence.Start + 1 && _patterns["candidates.relative_clause"].IsMatch(before))
                clauseStart = Math.Max(sentence.Start, a.Text.LastIndexOf(',', clauseStart - 2, clauseStart - 1 - sentence.Start) + 1);
            // The subject: the party nearest before the verb and those joined to it ("PDIP dan PPP mengusung ...");
            // "Gerindra tidak kecewa dengan sikap Perindo mendukung Jokowi" gives Perindo only.
            var partiesBefore = new List<PhraseMatch>();
            for (int k = FirstStartingAt(partyMatches, clauseStart); k < partyMatches.Count && partyMatches[k].Start < m.Index; k++)
                if (partyMatches[k].End <= m.Index) partiesBefore.Add(partyMatches[k]);
            var subject = new List<PhraseMatch>();
            for (int k = partiesBefore.Count - 1; k >= 0; k--)
            {
                int gapEnd = subject.Count == 0 ? -1 : subject[^1].Start;
                if (gapEnd >= 0 && a.Text[partiesBefore[k].End..gapEnd].Trim() is not ("," or "dan" or "serta" or ", dan" or "&")) break;
                subject.Add(partiesBefore[k]);
            }
            var parties = subject.AsEnumerable().Reverse().Select(x => _vocabularies.Parties.Party(x.EntryId).Canonical).Distinct().ToList();
            if (parties.Count == 0) continue;
            int t = SkipCandidacyWords(a, cats, doc.TokenAtOrAfter(m.Index + m.Length), sentence.EndToken);
            if (t >= sentence.EndToken) continue;
            var person = _people.ReadAt(a, cats, titles, t, sentence.EndToken, maxNameTokens: 5);
            if (person is null || !PlausibleName(a, person)) continue;
            Back(person, si, parties);
        }
        foreach (var (person, si, parties) in FindPassiveBacking(a, cats, titles, partyMatches))
            Back(person, si, parties);
        return result;

        // The backed person is the pair mention that holds them, or a single candidate (one per name start).
        void Back(PersonMention person, int si, List<string> parties)
        {
            var inPair = Covering(pairMentions, person.NameStart, person.NameEnd);
            if (inPair is not null) { result.Add((inPair, parties)); return; }
            if (!singleAt.TryGetValue(person.NameStart, out var single))
            {
                single = new PairMention(person, null, person.Start, person.End, si, null);
                singles.Add((single, false));
                singleAt.Add(person.NameStart, single);
                a.PersonSpans.Add((person.NameStart, person.NameEnd));
            }
            result.Add((single, parties));
        }
    }

    /// <summary>
    /// A person backed by parties after a passive verb: "Bupati Purwakarta Dedi Mulyadi mengklaim telah mendapatkan
    /// dukungan dari Partai Hanura", "Khofifah diusung Demokrat dan Golkar". The subject is the entity model's person
    /// nearest before the verb in its clause (no comma between, a few words at most); they become a single candidate
    /// (or the pair that names them), backed by the parties right after the verb. A denial before the verb backs no one.
    /// <paramref name="partyMatches"/>: the party matches of the vocabulary, in text order.
    /// </summary>
    private IEnumerable<(PersonMention Person, int Sentence, List<string> Parties)> FindPassiveBacking(Analysis a, VocabularyCategory?[] cats,
        Title?[] titles, List<PhraseMatch> partyMatches)
    {
        var doc = a.Document;
        foreach (Match m in _patterns["candidates.backing_passive"].Matches(a.Text))
        {
            int si = doc.SentenceAt(m.Index);
            if (si < 0 || doc.Sentences[si].IsBoilerplate) continue;
            var sentence = doc.Sentences[si];
            // The clause before the verb, at most 200 characters back (a page with no punctuation stays linear).
            int reach = Math.Max(sentence.Start, m.Index - 200);
            int clauseStart = Math.Max(reach, a.Text.LastIndexOf(',', m.Index, m.Index - reach) + 1);
            // "Menyoal santer Sekda Purwakarta Fadil Karsoma akan diusung Golkar": floated names are no candidates.
            string clause = a.Text[clauseStart..m.Index];
            if (_patterns["candidates.denial"].IsMatch(clause) || _patterns["candidates.floated"].IsMatch(clause)) continue;
            // The parties right after the verb, joined by commas and "dan".
            var parties = new List<string>();
            int at = m.Index + m.Length;
            for (int k = FirstStartingAt(partyMatches, at); k < partyMatches.Count; k++)
            {
                var pm = partyMatches[k];
                if (pm.End > sentence.End || a.Text[at..pm.Start].Trim() is not ("" or "," or "dan" or "serta" or ", dan" or "&" or "Partai" or "partai")) break;
                parties.Add(_vocabularies.Parties.Party(pm.EntryId).Canonical);
                at = pm.End;
            }
            if (parties.Count == 0) continue;
            // The subject: the model's person ending nearest before the verb, within the clause and six tokens of it.
            int verbToken = doc.TokenAtOrAfter(m.Index);
            PersonMention? person = null;
            for (int t = verbToken - 1; t >= Math.Max(doc.TokenAtOrAfter(clauseStart), verbToken - 7) && person is null; t--)
                if (a.ModelPersons.ContainsKey(doc.Tokens[t].Start))
                    person = _people.ReadAt(a, cats, titles, t, verbToken, maxNameTokens: 5);
            if (person is null || !PlausibleName(a, person)) continue;
            yield return (person, si, parties.Distinct().ToList());
        }
    }

    /// <summary>
    /// The pair mention that holds [start, end), or null. Pair mentions are in text order and never overlap, so only the
    /// last one starting at or before <paramref name="start"/> can hold it (binary search: a long text stays linear).
    /// </summary>
    private static PairMention? Covering(List<PairMention> sorted, int start, int end)
    {
        int lo = 0, hi = sorted.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Start <= start) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && end <= sorted[found].End ? sorted[found] : null;
    }

    /// <summary>The index of the first match (in start order) that starts at or after <paramref name="start"/>.</summary>
    private static int FirstStartingAt(List<PhraseMatch> sorted, int start)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// "Basuki Tjahaja Purnama (Ahok)", "Joko Widodo (Jokowi)": a one-word name in brackets right after a candidate's
    /// full name is that candidate's alias; the full name replaces a short one ("Ahok" of the label "Ahok-Djarot").
    /// </summary>
    private void LinkBracketAliases(Analysis a, VocabularyCategory?[] cats, Title?[] titles, List<PairBuilder> pairs)
    {
        var doc = a.Document;
        var tokens = doc.Tokens;
        for (int t = 0; t + 2 < tokens.Count; t++)
        {
            // "Saifullah Yusuf atau Gus Ipul": an honorific nickname after "atau" is an alias too.
            if (doc.TokenText(t) == "atau" && t > 0 && titles[t + 1] is { Kind: TitleKind.Honorific } && t + 2 < tokens.Count && _people.IsNameToken(a, cats, t + 2)
                && (t + 3 >= tokens.Count || !_people.IsNameToken(a, cats, t + 3)))
            {
                LinkAlias(t, t + 2, a.Text[tokens[t + 1].Start..tokens[t + 2].End]);
                continue;
            }
            if (doc.TokenText(t) != "(" || doc.TokenText(t + 2) != ")" || t == 0) continue;
            string nick = doc.TokenText(t + 1);
            if (nick.Length < 2 || !char.IsUpper(nick[0]) || !_people.IsNameToken(a, cats, t + 1)) continue;
            LinkAlias(t, t + 1, nick);
        }

        // The full name that ends right before token `before` takes the nickname whose last token is `nickEnd`.
        void LinkAlias(int before, int nickEnd, string nick)
        {
            PersonMention? full = null;
            int si = doc.SentenceAt(tokens[before].Start);
            int first = si >= 0 ? doc.Sentences[si].FirstToken : 0;
            for (int start = Math.Max(first, before - 5); start < before && full is null; start++)
            {
                var p = _people.ReadAt(a, cats, titles, start, before, maxNameTokens: 5);
                if (p is not null && p.EndToken == before && p.NameWords.Length >= 2) full = p;
            }
            if (full is null || string.Equals(full.Name, nick, StringComparison.OrdinalIgnoreCase)) return;
            foreach (var pair in pairs)
                foreach (var person in pair.Persons)
                {
                    bool byNick = person.Matches(nick), byName = person.Matches(full.Name);
                    if (!byNick && !byName) continue;
                    if (!byName || full.NameWords.Length > person.Name.Split(' ').Length) person.TakeFullName(full);
                    person.AddAlias(nick);
                    a.PersonSpans.Add((tokens[nickEnd].Start, tokens[nickEnd].End));
                }
        }
    }

    /// <summary>
    /// "Yohanis Fransiskus Lema-Jane Natalia Suryanto (Ansy-Jane)": a pair in brackets right after a pair is its short
    /// form — one pair, whose head and deputy take the bracketed names as aliases and whose label is the bracket.
    /// Later mentions under the short names ("Ansy-Jane No 1") then belong to it.
    /// </summary>
    private static void MergeBracketPairs(Analysis a, List<PairBuilder> pairs, List<PairMention> mentions)
    {
        foreach (var outer in mentions.ToList())
        {
            if (outer.Deputy is null || !pairs.Contains(outer.Pair)) continue;
            var bracket = BracketPair.Match(a.Text, outer.End, Math.Min(40, a.Text.Length - outer.End));
            if (!bracket.Success) continue;
            var into = outer.Pair;
            string head = bracket.Groups["head"].Value, deputy = bracket.Groups["deputy"].Value;
            if (!into.Head.Matches(head)) into.Head.AddAlias(head);
            if (!into.Deputy!.Matches(deputy)) into.Deputy.AddAlias(deputy);
            into.Label ??= bracket.Groups["label"].Value;
            // Pairs named by the short names ("Ansy-Jane No 1") are this one.
            for (int k = pairs.Count - 1; k >= 0; k--)
            {
                var other = pairs[k];
                if (other == into || other.Deputy is null || !into.Head.Matches(other.Head.Name) || !into.Deputy.Matches(other.Deputy.Name)) continue;
                into.Absorb(other, mentions);
                pairs.RemoveAt(k);
            }
        }
    }

    private static readonly Regex BracketPair = new(@"\G\s*\((?<label>(?<head>\p{Lu}[\p{L}'.]+)\s*[-\u2013\u2014]\s*(?<deputy>\p{Lu}[\p{L}'.]+))\)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>
    /// A single candidate who turns out to be one of another entry once nicknames are linked ("Jokowi" and "Joko Widodo
    /// (Jokowi)") is that entry: its mentions, parties and evidence move there.
    /// </summary>
    private static void MergeSingles(List<PairBuilder> pairs, List<PairMention> mentions)
    {
        for (int j = pairs.Count - 1; j >= 0; j--)
        {
            var single = pairs[j];
            if (single.Deputy is not null) continue;
            var into = pairs.FirstOrDefault(p => p != single && (p.PersonNamed(single.Head.Name) is not null
                                                                  || single.Head.Aliases.Any(al => p.PersonNamed(al) is not null)));
            if (into is null) continue;
            var person = into.PersonNamed(single.Head.Name) ?? into.Head;
            person.AddAlias(single.Head.Name);
            into.Absorb(single, mentions);
            pairs.RemoveAt(j);
        }
    }

    /// <summary>
    /// Two pairs with the same ballot number in the same article are one pair under two names ("Melky-Johni" and
    /// "Emanuel Melkiades Laka Lena-Johanis Asadoma"): the first keeps the fuller names, the other names become aliases.
    /// </summary>
    private static void MergeSameNumber(List<PairBuilder> pairs, List<PairMention> mentions)
    {
        for (int i = 0; i < pairs.Count; i++)
            for (int j = pairs.Count - 1; j > i; j--)
            {
                var (keep, drop) = (pairs[i], pairs[j]);
                if (keep.Number is null || keep.Number != drop.Number) continue;
                Fold(keep.Head, drop.Head);
                if (drop.Deputy is not null)
                {
                    if (keep.Deputy is null) keep.Deputy = drop.Deputy;
                    else Fold(keep.Deputy, drop.Deputy);
                }
                keep.Absorb(drop, mentions);
                pairs.RemoveAt(j);
            }

        static void Fold(PersonBuilder keep, PersonBuilder drop)
        {
            if (drop.Name.Split(' ').Length > keep.Name.Split(' ').Length) keep.TakeFullName(drop.Mentions[0] with { Name = drop.Name });
            else keep.AddAlias(drop.Name);
            foreach (var alias in drop.Aliases) keep.AddAlias(alias);
            foreach (var t in drop.Titles) if (!keep.Titles.Contains(t)) keep.Titles.Add(t);
        }
    }

    /// <summary>
    /// A name read in a pair must look like a person: "Apalagi - Ahok", "Rimanews - Mantan" (an outlet and a headline
    /// word), "Hukum-HAM" are not pairs. A single word without a title is a name when the entity model says so, or when
    /// it is no common Indonesian word (or is a known given name), and it is not the dateline's outlet.
    /// </summary>
    private static bool PlausibleName(Analysis a, PersonMention p)
    {
        if (string.Equals(p.Name, a.Source.Outlet, StringComparison.OrdinalIgnoreCase)) return false;
        var words = Ner.WordLists.Default;
        if (p.Titles.Count > 0) return true;
        if (p.NameWords.Length > 1)
        {
            // "Tim Hukum Ganjar-Mahfud": a very common word (among the 2,000 most used) the model leaves out opens no name.
            string first = p.NameWords[0];
            return ModelPersonOverlaps(a, p.NameStart, p.NameStart + first.Length) || words.IsName(first) || words.CommonBucket(first) is 0 or > 2;
        }
        if (a.ModelPersons.ContainsKey(p.NameStart)) return true;
        return words.IsName(p.Name) || words.CommonBucket(p.Name) == 0;
    }

    /// <summary>"Paslon Lisa-Wartono", "pasangan nomor urut 2 Ansy-Jane": a pair word within the three tokens before the names.</summary>
    private bool PairCueRightBefore(Analysis a, int firstToken, int sentenceStartToken)
    {
        int from = Math.Max(sentenceStartToken, firstToken - 3);
        if (from >= firstToken) return false;
        var doc = a.Document;
        return _patterns["candidates.pair_cue"].IsMatch(a.Text.AsSpan()[doc.Tokens[from].Start..doc.Tokens[firstToken - 1].End]);
    }

    /// <summary>Whether a person of the entity model overlaps [start, end) ("Relawan Anies" covers "Anies").</summary>
    private static bool ModelPersonOverlaps(Analysis a, int start, int end)
    {
        foreach (var (s, e) in a.ModelPersons)
            if (s < end && start < e) return true;
        return false;
    }

    /// <summary>Skips the candidacy words, regions and fillers before a name ("bakal calon Gubernur Jabar").</summary>
    private int SkipCandidacyWords(Analysis a, VocabularyCategory?[] cats, int t, int limit)
    {
        var doc = a.Document;
        int skipped = 0;
        while (t < limit && skipped < 10)
        {
            string word = doc.TokenText(t);
            // Not ballot words or commas: "Niko Wanimbo, pasangan nomor urut 2, Yermias Yikwa" is no partner phrase.
            if (cats[t] is VocabularyCategory.Region or VocabularyCategory.Office || word is "DKI" or "Provinsi" or "Kota" or "Kabupaten"
                || word is "bakal" or "calon" or "Calon" or "Bakal" or "wakil" or "Wakil" || _patterns["candidates.head_office"].IsMatch(word)
                // "mendukung pasangan Ahok - Djarot"
                || (skipped == 0 && word is "pasangan" or "Pasangan" or "paslon" or "Paslon")
                // "calon gubernur dan wakil gubernur Jawa Barat Ridwan Kamil - Daniel Muttaqien"
                || (word == "dan" && t + 1 < limit && doc.TokenText(t + 1) is "wakil" or "Wakil")
                || word.StartsWith("cawa", StringComparison.OrdinalIgnoreCase))
            {
                t++;
                skipped++;
                continue;
            }
            break;
        }
        return t;
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
        var window = a.Text.AsSpan()[doc.Tokens[from].Start..doc.Tokens[firstToken - 1].End];
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
            foreach (var person in pair.Persons)
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
                var owner = pairs.SelectMany(p => p.Persons).FirstOrDefault(x => x.Matches(left.Name) || x.Matches(right.Name));
                if (owner is null) continue;
                owner.TakeFullName(left);
                owner.AddAlias(right.Name);
                a.PersonSpans.Add((right.NameStart, right.NameEnd));
            }
            else
            {
                // "Ji Tarom, sapaan akrab ...": the nickname of the candidate spoken of most recently.
                var owner = pairs.SelectMany(p => p.Persons).FirstOrDefault(x => x.Matches(left.Name));
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
            foreach (var person in p.Persons)
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
                // "Djarot juga mengajak semua warga Jakarta untuk memilih nomor urut dua": the one candidate the
                // sentence names before the number, when the number is still free.
                owner ??= OnlyCandidateNamedBefore(a, pairs, doc.Sentences[si].Start, m.Index);
                if (owner is not null && owner.Number is null && pairs.All(p => p.Number != n))
                {
                    owner.Number = n;
                    owner.AddEvidence(a.SpanOf(m.Index, m.Index + m.Length));
                }
                continue;
            }
            target.Pair.Number ??= n;
            target.Pair.AddEvidence(a.SpanOf(m.Index, m.Index + m.Length));
        }
    }

    /// <summary>The pair of the only candidate whose name or alias stands in [from, to), or null (none, or several pairs).</summary>
    private static PairBuilder? OnlyCandidateNamedBefore(Analysis a, List<PairBuilder> pairs, int from, int to)
    {
        PairBuilder? found = null;
        foreach (var p in pairs)
            foreach (var person in p.Persons)
                // The name, its aliases, and a word of the name standing alone ("Djarot" for "Djarot Saiful Hidayat").
                foreach (var form in person.Aliases.Append(person.Name).Where(f => f.Length >= 3)
                             .Concat(Words(person.Name).Where(w => w.Length >= 4 && char.IsUpper(w[0]))))
                {
                    int at = a.Text.IndexOf(form, from, to - from, StringComparison.Ordinal);
                    if (at < 0) continue;
                    if ((at > 0 && char.IsLetter(a.Text[at - 1])) || (at + form.Length < a.Text.Length && char.IsLetter(a.Text[at + form.Length]))) continue;
                    if (found is not null && found != p) return null;
                    found = p;
                }
        return found;
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
            if (_patterns["candidates.unnamed_parties"].IsMatch(a.Text.AsSpan()[m.Index..stop]))
                a.Warnings.Add("unnamed parties");
            // Seats: "menguasai 16 kursi atau 64 persen", here or in the next sentence about the coalition.
            var seatsHere = figures.Within(m.Index, stop);
            if (!seatsHere.Any(f => f.Kind == FigureKind.Seats) && si + 1 < doc.Sentences.Count && mentions.In(si + 1).Count == 0)
            {
                var next = doc.Sentences[si + 1];
                if (_patterns["candidates.coalition_word"].IsMatch(a.Text.AsSpan()[next.Start..next.End]))
                    seatsHere = figures.Within(next.Start, next.End);
            }
            var seats = seatsHere.FirstOrDefault(f => f.Kind == FigureKind.Seats);
            if (seats is not null && pair.Seats is null && pair.Parties.Count > 0)
            {
                pair.Seats = (int)seats.Value;
                var share = seatsHere.FirstOrDefault(f => f.Kind == FigureKind.SeatShare && f.Start > seats.Start);
                if (share is not null) pair.SeatShare = share.Value;
            }
            pair.AddEvidence(a.SpanOf(m.Index, stop));
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
