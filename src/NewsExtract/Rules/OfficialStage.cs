using System.Text.RegularExpressions;
using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Finds named officials: a role word and an institution ("Ketua KPU Kota Blitar Choirul Umam", "Komisioner KPU
/// Kota Kediri Divisi Perencanaan Data dan Informasi, Nia Sari"), or a fused office with its region or unit
/// ("Kapolresta Blitar AKBP Leonard M Sinambela", "Dandim 0808 Letkol Arh.Dian Musriyanto", "Menteri Dalam Negeri
/// (Mendagri) Muhammad Tito Karnavian"), then titles and the name. Ranks and degrees go to titles; one entry per
/// person (later short mentions add nothing); candidates are not officials.
/// </summary>
internal sealed class OfficialStage : IStage
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Distinct officials read from one text; real articles name a few dozen at most.</summary>
    internal const int MaxOfficials = 500;
    private readonly Vocabularies _vocabularies;
    private readonly PersonReader _people;
    private readonly PatternLibrary _patterns;

    public OfficialStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _patterns = patterns;
        _vocabularies = vocabularies;
        _people = new PersonReader(vocabularies);
    }

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        var doc = a.Document;
        var cats = _people.TokenCategories(a, out var titles);
        var matches = a.Matches;
        var byFirstToken = new Dictionary<int, List<PhraseMatch>>();
        // The acting words ("Plt.", "Pj.") by the token they end at: one lookup per role instead of a scan of every match.
        var actingByEndToken = new Dictionary<int, int>();
        foreach (var m in matches)
        {
            if (!byFirstToken.TryGetValue(m.FirstToken, out var list)) byFirstToken[m.FirstToken] = list = [];
            list.Add(m);
            if (m.Category == VocabularyCategory.Role && _vocabularies.Institutions.Role(m.EntryId).Kind == RoleKind.Acting)
                actingByEndToken[m.EndToken] = m.Start; // the last one wins, as in text order before
        }
        var candidates = a.Candidates.SelectMany(c => new[] { c.Head, c.Deputy }).Where(p => p is not null).Select(p => p!).ToList();
        var seen = new List<string>();
        var seenExactly = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // a name seen as written: compatible, no scan

        for (int i = 0; i < matches.Count; i++)
        {
            // Each official is compared with every one so far (names match loosely): past MaxOfficials a text is a
            // list, not an article, and the rest is left out, which keeps the work linear in the text.
            if (seen.Count >= MaxOfficials)
            {
                a.Warnings.Add($"The text names more than {MaxOfficials} officials; the rest were not read.");
                break;
            }
            var m = matches[i];
            if (m.Category is not (VocabularyCategory.Role or VocabularyCategory.Office)) continue;
            int si = doc.SentenceAt(m.Start);
            if (si < 0 || doc.Sentences[si].IsBoilerplate) continue;
            var sentence = doc.Sentences[si];
            string role;
            string? institution = null;
            Sector? sector = null;
            int t = m.EndToken;
            int roleStart = m.Start;

            // An acting word before ("Plt. Kepala", "Pj. Wali Kota") stays with the role.
            int actingStart = actingByEndToken.TryGetValue(m.FirstToken, out int actingAt) ? actingAt : m.Start;
            if (m.Category == VocabularyCategory.Role && _vocabularies.Institutions.Role(m.EntryId).Kind == RoleKind.Acting) continue;
            string acting = actingStart < m.Start ? a.Text[actingStart..m.Start] : "";

            if (m.Category == VocabularyCategory.Office)
            {
                var office = _vocabularies.Institutions.Office(m.EntryId);
                // A spelled-out office keeps the article's words ("Menteri Koordinator Bidang Politik, Hukum, dan HAM");
                // a fused or short one its canonical name ("Kapolresta", "Mendagri" gives "Menteri Dalam Negeri").
                string written = a.Text[m.Start..m.End];
                role = acting + (m.EndToken - m.FirstToken > 2 && char.IsUpper(written[0]) ? Collapse(written) : office.Role);
                sector = office.Sector;
                // "Presiden PKS Shohibul Iman": an office of a party.
                if (PartyAt(a, byFirstToken, t) is { End: > 0 } officeParty)
                {
                    institution = Collapse(a.Text[officeParty.Start..officeParty.End]);
                    sector = Sector.Party;
                    t = officeParty.EndToken;
                    goto Name;
                }
                // Region or unit number after the office: "Kapolresta Blitar", "Dandim 0808", "Bupati Ngada".
                var (unit, next, region) = UnitAfter(a, byFirstToken, t);
                t = next;
                if (office.Institution is not null)
                    institution = unit is null ? office.Institution.Stem : office.Institution.Stem + " " + unit;
                else if (region is not null)
                    institution = "Pemerintah " + region.CanonicalName;
                else if (unit is not null)
                    institution = unit;
                // "Bapak Kapolri (Tito) menjamin ...": the holder's name in brackets right after the office.
                if (t + 2 < sentence.EndToken && doc.TokenText(t) == "(" && _people.ReadAt(a, cats, titles, t + 1, sentence.EndToken) is { } inBrackets
                    && inBrackets.EndToken < sentence.EndToken && doc.TokenText(inBrackets.EndToken) == ")")
                    t++;
                // "(Mendagri)" after a spelled-out office; or the office is the bracketed short form itself:
                // "Menteri Koordinator Bidang Politik, Hukum, dan HAM (Menkopolhukam) Mahfud MD".
                else t = SkipParenthesis(a, t, sentence.EndToken);
                if (t < sentence.EndToken && doc.TokenText(t) == ")" && m.FirstToken > 0 && doc.TokenText(m.FirstToken - 1) == "(") t++;
            }
            else
            {
                role = acting + a.Text[m.Start..m.End];
                // The institution right after the role word: "Ketua KPU Kota Blitar", "Kepala Badan Kesatuan Bangsa dan Politik Kota Kediri".
                var inst = byFirstToken.TryGetValue(t, out var atT) ? atT.FirstOrDefault(x => x.Category == VocabularyCategory.Institution) : default;
                if (inst.End == 0 && t < sentence.EndToken && (role.Contains("Divisi", StringComparison.Ordinal) || doc.TokenText(t) is "Divisi" or "Bidang" or "Koordinator" or "Komisi"))
                {
                    // "Koordinator Divisi Penanganan Pelanggaran Bawaslu Jeneponto, Sahrul Bakri": the division comes before the body.
                    for (int k = t + 1; k < Math.Min(sentence.EndToken, t + 10); k++)
                    {
                        var tk = doc.Tokens[k];
                        // "Koordinator Bidang Pemenangan Pemilu Partai Golkar": the body may be a party.
                        if (byFirstToken.TryGetValue(k, out var atK) && atK.FirstOrDefault(x => x.Category is VocabularyCategory.Institution or VocabularyCategory.Party) is { End: > 0 } found)
                        {
                            role += " " + Collapse(a.Text[doc.Tokens[t].Start..doc.Tokens[k - 1].End]);
                            if (found.Category == VocabularyCategory.Institution) inst = found;
                            else t = k; // the party branch below reads it
                            break;
                        }
                        if (!(tk.Kind == TokenKind.Word && (char.IsUpper(a.Text[tk.Start]) || doc.TokenText(k) is "dan" or "&"))) break;
                    }
                }
                if (inst.End == 0 && PartyAt(a, byFirstToken, t) is { End: > 0 } party)
                {
                    // A party as the institution: "Ketua Umum PDIP Megawati Soekarnoputri", "Sekjen Golkar Idrus Marham",
                    // "Ketua Golkar Purwakarta Sarip Hidayat" (a region after the party is its branch).
                    int partyEnd = party.End;
                    t = party.EndToken;
                    var (branch, afterBranch, _) = UnitAfter(a, byFirstToken, t);
                    if (branch is not null) { partyEnd = doc.Tokens[afterBranch - 1].End; t = afterBranch; }
                    institution = Collapse(a.Text[party.Start..partyEnd]);
                    sector = Sector.Party;
                    goto Name;
                }
                if (inst.End == 0 && t + 1 < sentence.EndToken && cats[t] is null && PersonReader.IsAcronym(doc.Tokens[t].Span(a.Text))
                    && a.ModelPersons.ContainsKey(doc.Tokens[t + 1].Start))
                {
                    // "Peneliti LSI Rully Akbar": an acronym the vocabulary does not know, then the model's person.
                    institution = doc.TokenText(t);
                    sector = Sector.Other;
                    t++;
                    goto Name;
                }
                if (inst.End == 0 && t < sentence.EndToken
                    && a.Entities.FirstOrDefault(e => e.Source == EntitySource.Model && e.Type == EntityType.ORG && e.Start == doc.Tokens[t].Start) is { } modelOrg)
                {
                    // A body the vocabulary does not know but the entity model reads as an organisation: "Direktur
                    // Eksekutif Voxpol Center Pangi Syarwi Chaniago".
                    institution = Collapse(modelOrg.Text);
                    sector = Sector.Other;
                    t = doc.TokenAtOrAfter(modelOrg.End);
                    goto Name;
                }
                if (inst.End == 0)
                {
                    // Bodies the vocabulary does not list: "Kepala Dinas Sosial Maluku Tengah", "Ketua Dewan Adat Dayak (DAD) Ketapang".
                    if (t >= sentence.EndToken) continue;
                    var generic = _patterns["officials.generic_institution"].Match(a.Text, doc.Tokens[t].Start, sentence.End - doc.Tokens[t].Start);
                    if (!generic.Success || generic.Index != doc.Tokens[t].Start) continue;
                    // The body's capitalised words stop where the model's person starts: "Ketua Majelis Hakim Arief Hidayat".
                    int genericEnd = generic.Index + generic.Length;
                    for (int k = t + 1; k < sentence.EndToken && doc.Tokens[k].Start < genericEnd; k++)
                        if (a.ModelPersons.ContainsKey(doc.Tokens[k].Start)
                            // not a body named after its person: "Tim Relawan Anies Sandi", "Yayasan Soekarno"
                            && !_patterns["officials.named_after_person"].IsMatch(a.Text[generic.Index..doc.Tokens[k].Start]))
                        {
                            genericEnd = doc.Tokens[k - 1].End;
                            break;
                        }
                    string body = a.Text[generic.Index..genericEnd];
                    institution = Collapse(body);
                    sector = Sector.Other;
                    if (body.StartsWith("Dinas", StringComparison.Ordinal) || body.StartsWith("Badan", StringComparison.Ordinal) || body.StartsWith("Kantor", StringComparison.Ordinal))
                        sector = Sector.Government;
                    t = doc.TokenAtOrAfter(genericEnd);
                    // "Juru Bicara Forum Relawan Amanat (Asep Maoshul untuk Jawa Barat), Aminudin Bustomi": an aside in brackets.
                    t = SkipParenthesis(a, t, sentence.EndToken);
                    goto Name;
                }
                var lexInst = _vocabularies.Institutions.Institution(inst.EntryId);
                sector = lexInst.Sector;
                int instEnd = inst.End;
                t = inst.EndToken;
                t = SkipParenthesis(a, t, sentence.EndToken);
                if (lexInst.Sector == Sector.Party)
                {
                    // A party board names its party and level: "DPP Partai Golkar", "DPD II Golkar Jakarta Selatan",
                    // "DPD PDIP Jateng".
                    if (t < sentence.EndToken && IsRoman(doc.Tokens[t].Span(a.Text))) { instEnd = doc.Tokens[t].End; t++; }
                    if (PartyAt(a, byFirstToken, t) is { End: > 0 } boardParty) { instEnd = boardParty.End; t = boardParty.EndToken; }
                }
                var (unit, next, _) = UnitAfter(a, byFirstToken, t);
                if (unit is not null) { instEnd = doc.Tokens[next - 1].End; t = next; }
                institution = Collapse(a.Text[inst.Start..instEnd]);
                // "Divisi Perencanaan Data dan Informasi" belongs to the role; a division's name may hold commas
                // ("Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM, Hilarius Mbete").
                if (t < sentence.EndToken && doc.TokenText(t) is "Divisi" or "Bidang")
                {
                    int k = t + 1;
                    while (k < sentence.EndToken && k - t < 25)
                    {
                        if (doc.TokenText(k) == "," && k + 1 < sentence.EndToken)
                        {
                            var who = _people.ReadAt(a, cats, titles, k + 1, sentence.EndToken);
                            if (who is not null && (who.Titles.Count > 0 || who.NameWords.Length >= 2)) break;
                        }
                        k++;
                    }
                    if (!(k < sentence.EndToken && doc.TokenText(k) == ","))
                    {
                        // No fuller name follows any comma: take the first comma that a name follows ("..., Normadina").
                        for (k = t + 1; k < sentence.EndToken && k - t < 25; k++)
                            if (doc.TokenText(k) == "," && k + 1 < sentence.EndToken && _people.ReadAt(a, cats, titles, k + 1, sentence.EndToken) is not null)
                                break;
                    }
                    if (k < sentence.EndToken && doc.TokenText(k) == ",")
                    {
                        role += " " + Collapse(a.Text[doc.Tokens[t].Start..doc.Tokens[k - 1].End]);
                        t = k;
                    }
                }
            }
            Name:

            // Optional comma and "yaitu"/"yakni" ("anggota KPU, yaitu Ahmad Fadholi, ..."), then titles and the name.
            if (t < sentence.EndToken && a.Text[doc.Tokens[t].Start] == ',') t++;
            if (t < sentence.EndToken && doc.TokenText(t) is "yaitu" or "yakni") t++;
            if (t < sentence.EndToken && doc.TokenText(t) == ":") t++;
            // "Melki Laka Lena dilantik sebagai Gubernur NTT": the holder is named before the office.
            var person = InauguratedBefore(a, cats, titles, Math.Min(actingStart, roleStart), sentence)
                         ?? (t < sentence.EndToken ? _people.ReadAt(a, cats, titles, t, sentence.EndToken) : null);
            if (person is null) continue;
            person = TrimToModelPerson(a, person, ref institution);
            // "Ketua PPK Lawang Kidul, Sri Wahyuningsih": words the vocabulary does not know, then a comma and the model's
            // person: the words name the unit of the institution.
            if (institution is not null && person.Titles.Count == 0 && !a.IsModelPerson(person.NameStart, person.NameEnd)
                && person.EndToken + 1 < sentence.EndToken && doc.TokenText(person.EndToken) == ","
                && _people.ReadAt(a, cats, titles, person.EndToken + 1, sentence.EndToken) is { } named
                && a.IsModelPerson(named.NameStart, named.NameEnd))
            {
                institution += " " + Collapse(a.Text[person.NameStart..person.NameEnd]);
                person = named;
            }
            if (candidates.Any(c => CandidateStage.Compatible(c.Name, person.Name) || c.Aliases.Contains(person.Name, StringComparer.OrdinalIgnoreCase))) continue;
            // "calon Bupati X": a candidate, not an office holder.
            string before = a.Text[Math.Max(0, Math.Min(actingStart, roleStart) - 12)..Math.Min(actingStart, roleStart)];
            if (_patterns["officials.candidate_before"].IsMatch(before) || _patterns["officials.former_before"].IsMatch(before)) continue;
            if (seenExactly.Contains(person.Name) || seen.Any(s => CandidateStage.Compatible(s, person.Name))) continue;
            Add(person, Math.Min(actingStart, roleStart));

            // A list under one role: "Hakim Konstitusi Saldi Isra, Enny Nurbaningsih, dan Arief Hidayat". Each further
            // name must be a person of the model, so a comma before another role or a place ends the list.
            int u = person.EndToken;
            while (u < sentence.EndToken)
            {
                int v = u;
                if (doc.TokenText(v) == ",") v++;
                if (v < sentence.EndToken && doc.TokenText(v) is "dan" or "serta") v++;
                if (v == u || v >= sentence.EndToken) break;
                var next = _people.ReadAt(a, cats, titles, v, sentence.EndToken);
                if (next is null || !a.IsModelPerson(next.NameStart, next.NameEnd)) break;
                if (candidates.Any(c => CandidateStage.Compatible(c.Name, next.Name)) || seenExactly.Contains(next.Name) || seen.Any(x => CandidateStage.Compatible(x, next.Name))) break;
                Add(next, next.Start);
                u = next.EndToken;
            }

            // The evidence runs from the role (or, in a list, the name) to the end of the person.
            void Add(PersonMention p, int evidenceStart)
            {
                seen.Add(p.Name);
                seenExactly.Add(p.Name);
                a.PersonSpans.Add((p.NameStart, p.NameEnd));
                // The holder usually follows the office; an inaugurated one stands before it ("X dilantik sebagai Gubernur").
                var evidence = p.Start < evidenceStart ? a.SpanOf(p.Start, m.End) : a.SpanOf(evidenceStart, p.End);
                a.Officials.Add(new Official(p.Name, role, institution, [evidence], p.Titles.ToArray(), ToRecordSector(sector)));
            }
        }
    }

    /// <summary>
    /// "KPU Beltim Nurhayati Saleh": a region the vocabulary does not know glues onto the name. When the model's person
    /// is the name without its first word, and that word is no known given name, the word goes to the institution.
    /// </summary>
    private static PersonMention TrimToModelPerson(Analysis a, PersonMention person, ref string? institution)
    {
        if (institution is null || person.NameWords.Length < 3) return person;
        var doc = a.Document;
        int first = doc.TokenAtOrAfter(person.NameStart);
        if (first + 1 >= doc.Tokens.Count) return person;
        int rest = doc.Tokens[first + 1].Start;
        if (!a.IsModelPerson(rest, person.NameEnd) || a.IsModelPerson(person.NameStart, person.NameEnd)) return person;
        var word = doc.Tokens[first].Span(a.Text);
        if (Ner.WordLists.Default.IsName(word)) return person;
        institution += " " + word.ToString();
        return person with { NameStart = rest, Name = Collapse(a.Text[rest..person.NameEnd]) };
    }

    /// <summary>The party named at token <paramref name="t"/> ("PDIP", "Partai Golkar"), or default.</summary>
    private static PhraseMatch PartyAt(Analysis a, Dictionary<int, List<PhraseMatch>> byFirstToken, int t) =>
        t < a.Document.Tokens.Count && byFirstToken.TryGetValue(t, out var list)
            ? list.Where(x => x.Category == VocabularyCategory.Party).OrderByDescending(x => x.End).FirstOrDefault()
            : default;

    private static string Collapse(string s) => Regex.Replace(s.Trim(), @"\s+", " ", RegexOptions.CultureInvariant, Timeout);

    private (string? Unit, int Next, Vocabulary.Region? Region) UnitAfter(Analysis a, Dictionary<int, List<PhraseMatch>> byFirstToken, int t)
    {
        var doc = a.Document;
        if (t >= doc.Tokens.Count) return (null, t, null);
        if (byFirstToken.TryGetValue(t, out var list))
        {
            var region = list.FirstOrDefault(x => x.Category == VocabularyCategory.Region);
            if (region.End != 0)
            {
                var res = _vocabularies.Regions.Resolve(doc, region);
                int next = region.EndToken;
                int end = region.End;
                // "Polres Pekalongan Kota": the trailing cue word is part of the unit's name.
                if (next < doc.Tokens.Count && doc.TokenText(next) is "Kota" && doc.Tokens[next].Start == end + 1) { end = doc.Tokens[next].End; next++; }
                return (a.Text[region.Start..end], next, res.Region);
            }
        }
        var tok = doc.Tokens[t];
        // "Pangdam XVII/Cenderawasih", "Kodam IV/Diponegoro": a roman numeral with the command's name.
        if (tok.Kind == TokenKind.Word && IsRoman(tok.Span(a.Text)) && t + 2 < doc.Tokens.Count && doc.TokenText(t + 1) == "/" && doc.Tokens[t + 1].Start == tok.End)
            return (a.Text[tok.Start..doc.Tokens[t + 2].End], t + 3, null);
        if (tok.Kind == TokenKind.Number && tok.Length <= 5)
        {
            int next = t + 1;
            int end = tok.End;
            // "Kodim 1509/Labuha"
            if (next + 1 < doc.Tokens.Count && doc.TokenText(next) == "/" && doc.Tokens[next].Start == end)
            {
                end = doc.Tokens[next + 1].End;
                next += 2;
            }
            return (a.Text[tok.Start..end], next, null);
        }
        return (null, t, null);
    }

    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 6) return false;
        foreach (char c in s) if (c is not ('I' or 'V' or 'X' or 'L')) return false;
        return true;
    }

    /// <summary>
    /// The person inaugurated into the office that starts at <paramref name="officeStart"/>: "X dilantik sebagai",
    /// "X resmi diangkat menjadi" — the model's person ending at most five tokens before the verb, with no comma between.
    /// </summary>
    private PersonMention? InauguratedBefore(Analysis a, VocabularyCategory?[] cats, Title?[] titles, int officeStart, Sentence sentence)
    {
        int from = Math.Max(sentence.Start, officeStart - 40);
        if (officeStart <= from) return null;
        var verb = _patterns["officials.inaugurated"].Match(a.Text, from, officeStart - from);
        if (!verb.Success) return null;
        var doc = a.Document;
        int verbToken = doc.TokenAtOrAfter(verb.Index);
        for (int k = verbToken - 1; k >= Math.Max(sentence.FirstToken, verbToken - 5); k--)
        {
            if (doc.TokenText(k) == ",") return null;
            if (!a.ModelPersons.TryGetValue(doc.Tokens[k].Start, out int end) || end > verb.Index) continue;
            // "Prabowo Subianto dan Gibran Rakabuming Raka dilantik sebagai Presiden dan Wakil Presiden": several
            // holders and offices at once are not paired here.
            if (k > sentence.FirstToken && doc.TokenText(k - 1) is "dan" or "serta" or "&" or ",") return null;
            var p = _people.ReadAt(a, cats, titles, k, verbToken);
            return p is not null && p.NameEnd == end ? p : null;
        }
        return null;
    }

    private static int SkipParenthesis(Analysis a, int t, int limit)
    {
        var doc = a.Document;
        if (t < limit && doc.TokenText(t) == "(")
        {
            int close = t + 1;
            while (close < limit && close - t < 8 && doc.TokenText(close) != ")") close++;
            if (close < limit && doc.TokenText(close) == ")") return close + 1;
        }
        return t;
    }

    private static OfficialSector? ToRecordSector(Sector? s) => s switch
    {
        Sector.Kpu => OfficialSector.Kpu,
        Sector.Bawaslu => OfficialSector.Bawaslu,
        Sector.Police => OfficialSector.Police,
        Sector.Military => OfficialSector.Military,
        Sector.Government => OfficialSector.Government,
        Sector.Court => OfficialSector.Court,
        Sector.Parliament => OfficialSector.Parliament,
        Sector.Party => OfficialSector.Party,
        Sector.Other => OfficialSector.Other,
        _ => null,
    };
}
