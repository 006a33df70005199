using System.Globalization;
using System.Text.RegularExpressions;
using NewsExtract.Common;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;
using Region = NewsExtract.Vocabulary.Region;

namespace NewsExtract.Rules;

/// <summary>
/// Finds the races an article is about. A typed cue with a region right after it gives a race ("Pilwali Kota
/// Blitar", "calon Bupati Ngada", "Pilkada Kota Pekalongan", "Gubernur Jawa Timur"); a cue without a region
/// takes the article's main region (the regency or city named most, e.g. by "KPU Kota Kediri"), or its province
/// for a governor race. An article that speaks of a Pilkada without a typed cue gets the race of its main
/// region. The year comes from "Pilkada 2024" / "Tahun 2020" next to the cue, "periode 2021-2025" (a 2020 race),
/// the article's own date, or its dates. Presidential races have no region.
/// </summary>
internal sealed class ElectionStage : IStage
{
    private static readonly (string Cue, ElectionType Type, RegionKinds Kinds)[] Cues =
    [
        ("elections.walikota_cue", ElectionType.Walikota, RegionKinds.City),
        ("elections.bupati_cue", ElectionType.Bupati, RegionKinds.Regency),
        ("elections.gubernur_cue", ElectionType.Gubernur, RegionKinds.Province),
    ];

    private readonly PatternLibrary _patterns;
    private readonly Vocabularies _vocabularies;
    private readonly PersonReader _people;

    public ElectionStage(PatternLibrary patterns, Vocabularies vocabularies)
    {
        _patterns = patterns;
        _vocabularies = vocabularies;
        _people = new PersonReader(vocabularies);
    }

    private sealed record Race(ElectionType Type, Region? Region, int FirstOffset, List<Span> Evidence)
    {
        /// <summary>How often the article names the race (each cue counts once).</summary>
        public int Mentions { get; set; }

        /// <summary>Named as a race with its region ("Pilbup Tulungagung 2024", "Pilkada Kota Blitar"), not only by an office word.</summary>
        public bool Explicit { get; set; }
    }

    /// <summary>The voting days of the election waves (vocabulary/election-days.tsv), by kind.</summary>
    private static readonly Lazy<(bool General, int Year, DateOnly Day, int FollowUpMonths)[]> ElectionDays = new(() =>
    {
        var days = new List<(bool, int, DateOnly, int)>();
        foreach (var row in EmbeddedTsv.Read("vocabulary/election-days.tsv", 4, 4))
        {
            bool general = row[0] switch
            {
                "general" => true,
                "regional" => false,
                _ => throw row.Error($"kind '{row[0]}' is neither 'regional' nor 'general'."),
            };
            if (!int.TryParse(row[1], CultureInfo.InvariantCulture, out int year)
                || !DateOnly.TryParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || day.Year != year || !int.TryParse(row[3], CultureInfo.InvariantCulture, out int months) || months is < 0 or > 24)
                throw row.Error("expected a year, its voting day yyyy-mm-dd in that year and a follow-up of 0-24 months.");
            days.Add((general, year, day, months));
        }
        return [.. days.OrderBy(d => d.Item3)];
    });

    /// <summary>Whether the wave of <paramref name="year"/> voted more than a year before <paramref name="published"/>.</summary>
    internal static bool IsLongPast(int year, ElectionType type, DateOnly published)
    {
        bool general = type is ElectionType.Presiden or ElectionType.Dpr or ElectionType.Dprd or ElectionType.Dpd;
        foreach (var (g, y, day, _) in ElectionDays.Value)
            if (g == general && y == year) return day.AddMonths(12) < published;
        return year < published.Year - 1;
    }

    /// <summary>
    /// Whether <paramref name="day"/> lies in the season of an election wave (from a year before its voting day to its
    /// follow-up months after), of the kind given (null: either kind).
    /// </summary>
    internal static bool InElectionSeason(DateOnly day, bool? general)
    {
        foreach (var (g, _, voting, months) in ElectionDays.Value)
            if ((general is null || g == general) && voting.AddMonths(-12) <= day && day <= voting.AddMonths(months)) return true;
        return false;
    }

    /// <summary>The first and last year of the election calendar.</summary>
    internal static (int First, int Last) CalendarYears => (ElectionDays.Value[0].Day.Year, ElectionDays.Value[^1].Day.Year);

    /// <summary>The race of a kind that an article of <paramref name="published"/> speaks of when it writes no year.</summary>
    internal static int? WaveYear(DateOnly published, ElectionType type)
    {
        bool general = type is ElectionType.Presiden or ElectionType.Dpr or ElectionType.Dprd or ElectionType.Dpd;
        foreach (var (g, year, day, months) in ElectionDays.Value)
            if (g == general && day.AddMonths(months) >= published) return year;
        return null;
    }

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        string text = a.Text;
        var regions = RegionMentions(a);
        var main = MainRegion(regions);
        var races = new List<Race>();
        var typedWithoutRegion = new List<(ElectionType Type, int Offset, Span Evidence)>();
        var bareOffices = new List<(ElectionType Type, Region Region, int Offset, Span Evidence, Span RegionEvidence)>();

        foreach (var (cue, type, kinds) in Cues)
            foreach (Match m in _patterns[cue].Matches(text))
            {
                if (IsBoilerplate(a, m.Index) || !WordBoundary(text, m.Index, m.Length)) continue;
                var evidence = a.SpanOf(m.Index, m.Index + m.Length);
                var region = RegionRightAfter(a, regions, m.Index + m.Length, kinds);
                // An office word alone ("Bupati Ngada", "mantan Gubernur Jawa Tengah") is a person's title more often than a race.
                bool bare = IsBareOffice(m.Value);
                // "Bupati Purwakarta Dedi Mulyadi": an office with its holder's name is a title, not a race.
                if (region is not null && bare && HolderNamedAfter(a, region.Value.End)) continue;
                if (region is not null && bare)
                    bareOffices.Add((type, region.Value.Region, m.Index, evidence, a.SpanOf(region.Value.Start, region.Value.End)));
                else if (region is not null)
                    Add(races, type, region.Value.Region, m.Index, evidence, a.SpanOf(region.Value.Start, region.Value.End)).Explicit = true;
                else if (!bare)
                    typedWithoutRegion.Add((type, m.Index, evidence));
            }

        foreach (Match m in _patterns["elections.pilkada"].Matches(text))
        {
            if (IsBoilerplate(a, m.Index) || !WordBoundary(text, m.Index, m.Length)) continue;
            var region = RegionRightAfter(a, regions, m.Index + m.Length, RegionKinds.City | RegionKinds.Regency | RegionKinds.Province);
            if (region is not null)
                Add(races, TypeOf(region.Value.Region), region.Value.Region, m.Index, a.SpanOf(m.Index, m.Index + m.Length), a.SpanOf(region.Value.Start, region.Value.End)).Explicit = true;
        }

        // Typed cues without their own region: the main region of that kind, or for a governor race its province.
        foreach (var (type, offset, evidence) in typedWithoutRegion)
        {
            // A generic lowercase list ("pemilihan gubernur-wakil gubernur, wali kota-wakil wali kota") names no race.
            if (!evidence.Text.Any(char.IsUpper)) continue;
            Region? region = type switch
            {
                ElectionType.Gubernur => races.FirstOrDefault(r => r.Type == ElectionType.Gubernur)?.Region ?? ProvinceOf(main),
                ElectionType.Walikota => races.FirstOrDefault(r => r.Type == ElectionType.Walikota)?.Region ?? (main?.Kind == RegionKind.City ? main : null),
                _ => races.FirstOrDefault(r => r.Type == ElectionType.Bupati)?.Region ?? (main?.Kind == RegionKind.Regency ? main : null),
            };
            // A bare office word ("Bupati") names a race only where the article speaks of an election at all.
            if (region is not null && (races.Count > 0 || _patterns["elections.pilkada"].IsMatch(text) || evidence.Text.Contains(' ')))
                Add(races, type, region, offset, evidence, null);
        }

        // Office words count only for the article's main region, and only in an article about an election.
        bool electionContext = _patterns["elections.pilkada"].IsMatch(text) || _patterns["candidates.pair_cue"].IsMatch(text);
        if (electionContext)
            foreach (var (type, region, offset, evidence, regionEvidence) in bareOffices)
                if (region.Code == main?.Code || races.Any(r => r.Region?.Code == region.Code && r.Type == type))
                    Add(races, type, region, offset, evidence, regionEvidence);

        if (races.Count == 0 && main is not null && main.Kind != RegionKind.Province)
        {
            var pilkada = _patterns["elections.pilkada"].Match(text);
            if (pilkada.Success)
                Add(races, TypeOf(main), main, pilkada.Index, a.SpanOf(pilkada.Index, pilkada.Index + pilkada.Length), null);
        }

        foreach (Match m in _patterns["elections.presiden_cue"].Matches(text))
        {
            if (IsBoilerplate(a, m.Index) || !WordBoundary(text, m.Index, m.Length)) continue;
            Add(races, ElectionType.Presiden, null, m.Index, a.SpanOf(m.Index, m.Index + m.Length), null);
        }

        int? year = ArticleYear(a);
        foreach (var race in races.OrderBy(r => r.FirstOffset))
        {
            if (!Salient(a, race)) continue;
            // "ambang batas pencalonan presiden", "Pilkada yang berbau Pilpres": a presidential election the article only
            // talks about is its race when a year stands next to it or it names a presidential candidate.
            if (race.Type == ElectionType.Presiden && race.Region is null && YearNear(a, race) is null
                && !_patterns["elections.presiden_named"].IsMatch(text)) continue;
            // Without a year next to the race: the article's own date places it in a wave; else a year named elsewhere.
            // A day dated by its weekday in an election season stands for the article's date ("Senin (17/4)" places
            // a Pilgub DKI article of 2016-10 in the 2017 wave, not in 2016).
            int? raceYear = YearNear(a, race) ?? ((a.Published ?? a.SeasonDay) is DateOnly d ? WaveYear(d, race.Type) : null) ?? year;
            // A race voted more than a year before the article's date is recalled as background ("Pilpres 2014" in 2017).
            if (raceYear is int y && a.Published is DateOnly published && IsLongPast(y, race.Type, published)) continue;
            a.Elections.Add(new Election(race.Type, race.Region is null ? null : ToRecord(race.Region), raceYear, race.Evidence));
        }
    }

    /// <summary>A person's name right after an office and its region ("Bupati Banyuwangi Azwar Anas", "Wali Kota Bekasi, Rahmat").</summary>
    private bool HolderNamedAfter(Analysis a, int offset)
    {
        var doc = a.Document;
        int t = doc.TokenAtOrAfter(offset);
        if (t < doc.Tokens.Count && doc.TokenText(t) == ",") t++;
        if (t >= doc.Tokens.Count || doc.Tokens[t].Start - offset > 3) return false;
        int si = doc.SentenceAt(doc.Tokens[t].Start);
        if (si < 0) return false;
        var cats = _people.TokenCategories(a, out var titles);
        return _people.ReadAt(a, cats, titles, t, doc.Sentences[si].EndToken) is not null;
    }

    private static bool IsBareOffice(string cue)
    {
        var c = cue.TrimStart();
        // "Gubernur dan Wakil Gubernur Gorontalo" names the race (two offices), not a person's title.
        if (c.Contains(" dan ", StringComparison.OrdinalIgnoreCase)) return false;
        return c.StartsWith("Bupati", StringComparison.OrdinalIgnoreCase) || c.StartsWith("Wali", StringComparison.OrdinalIgnoreCase)
            || c.StartsWith("Gubernur", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A race the article is about, not one named in passing ("Pilpres 2019" in an article on a regional race, an
    /// office word "Bupati Purwakarta"): named as a race with its region, named twice or more, or named in the opening
    /// sentences (headline, dateline sentence, lead).
    /// </summary>
    private static bool Salient(Analysis a, Race race)
    {
        if (race.Explicit || race.Mentions >= 2) return true;
        int lead = Math.Min(a.Document.Sentences.Count, 2);
        return lead > 0 && race.FirstOffset < a.Document.Sentences[lead - 1].End;
    }

    private static Race Add(List<Race> races, ElectionType type, Region? region, int offset, Span evidence, Span? regionEvidence)
    {
        var existing = races.FirstOrDefault(r => r.Type == type && r.Region?.Code == region?.Code);
        if (existing is null)
        {
            existing = new Race(type, region, offset, []);
            races.Add(existing);
        }
        existing.Mentions++;
        if (existing.Evidence.Count < 6)
        {
            existing.Evidence.Add(evidence);
            if (regionEvidence is not null) existing.Evidence.Add(regionEvidence);
        }
        return existing;
    }

    private static ElectionType TypeOf(Region r) => r.Kind switch
    {
        RegionKind.City => ElectionType.Walikota,
        RegionKind.Regency => ElectionType.Bupati,
        _ => ElectionType.Gubernur,
    };

    internal static NewsExtract.Records.Region ToRecord(Region r) => new(r.CanonicalName, r.Code, r.ProvinceName);

    private Region? ProvinceOf(Region? r) => r is null ? null : r.Kind == RegionKind.Province ? r : _vocabularies.Regions.FindByCode(r.ProvinceCode);

    private readonly record struct RegionMention(int Start, int End, Region Region, RegionKinds Candidates);

    /// <summary>Resolved region mentions; an ambiguous bare name keeps its candidates so a cue can pick later.</summary>
    private List<(int Start, int End, PhraseMatch Match, RegionResolution Resolution)> RegionMentions(Analysis a)
    {
        var list = new List<(int, int, PhraseMatch, RegionResolution)>();
        foreach (var m in a.Matches)
            if (m.Category == VocabularyCategory.Region && !IsBoilerplate(a, m.Start))
                list.Add((m.Start, m.End, m, _vocabularies.Regions.Resolve(a.Document, m)));
        return list;
    }

    /// <summary>The regency or city named most often (ties: first named); a province when no lower region is named.</summary>
    private static Region? MainRegion(List<(int Start, int End, PhraseMatch Match, RegionResolution Resolution)> regions)
    {
        var resolved = regions.Where(r => r.Resolution.Region is not null).Select(r => (r.Start, Region: r.Resolution.Region!)).ToList();
        var lower = resolved.Where(r => r.Region.Kind != RegionKind.Province)
            .GroupBy(r => r.Region.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Start)).FirstOrDefault();
        if (lower is not null) return lower.First().Region;
        return resolved.GroupBy(r => r.Region.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Start)).FirstOrDefault()?.First().Region;
    }

    private static (int Start, int End, Region Region)? RegionRightAfter(Analysis a,
        List<(int Start, int End, PhraseMatch Match, RegionResolution Resolution)> regions, int offset, RegionKinds kinds)
    {
        // Only the first mention at or after the offset counts; the mentions are in text order, so a binary search
        // finds it (a scan from the start made a text of 50,000 "Pilkada Kota Blitar" quadratic).
        int lo = 0, hi = regions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (regions[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < regions.Count; i++)
        {
            var r = regions[i];
            if (r.Start < offset) continue; // (mentions out of order: keep the scan's answer)
            // Allow a space and "dan Wakil ..." is already inside the cue; nothing else may stand between.
            var gap = a.Text.AsSpan(offset, r.Start - offset);
            if (gap.Length > 2 || gap.Trim().Length > 0) return null;
            var res = r.Resolution;
            if (res.Region is not null && kinds.HasFlag(RegionGazetteer.KindsOf(res.Region.Kind))) return (r.Start, r.End, res.Region);
            var fitting = res.Candidates.Where(c => kinds.HasFlag(RegionGazetteer.KindsOf(c.Kind))).ToList();
            if (fitting.Count == 1) return (r.Start, r.End, fitting[0]);
            // A province named after a mayor cue ("Wali Kota Bengkulu") may be a city of the same name.
            return null;
        }
        return null;
    }

    private static bool IsBoilerplate(Analysis a, int offset)
    {
        int s = a.Document.SentenceAt(offset);
        return s >= 0 && a.Document.Sentences[s].IsBoilerplate;
    }

    private static bool WordBoundary(string text, int start, int length) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (start + length >= text.Length || !char.IsLetter(text[start + length]));

    /// <summary>"Pilkada 2024" / "Tahun 2020" in the sentence of the race's first cue, or "periode 2021-2025".</summary>
    private int? YearNear(Analysis a, Race race)
    {
        foreach (var ev in race.Evidence)
        {
            int si = a.Document.SentenceAt(ev.Start);
            if (si < 0) continue;
            var s = a.Document.Sentences[si];
            string sentence = a.Text[s.Start..s.End];
            var m = _patterns["elections.year_context"].Match(sentence);
            if (m.Success) return ElectionYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), race.Type);
            var p = _patterns["elections.period"].Match(sentence);
            if (p.Success) return int.Parse(p.Groups["from"].Value, CultureInfo.InvariantCulture) - 1;
        }
        return null;
    }

    private int? ArticleYear(Analysis a)
    {
        var m = _patterns["elections.year_context"].Match(a.Text);
        if (m.Success) return ElectionYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), null);
        var p = _patterns["elections.period"].Match(a.Text);
        if (p.Success) return int.Parse(p.Groups["from"].Value, CultureInfo.InvariantCulture) - 1;
        if (a.Published is DateOnly d) return ElectionYear(d.Year, null);
        var years = a.Dates.Select(x => x.Date.Year).GroupBy(y => y).OrderByDescending(g => g.Count()).FirstOrDefault();
        return years is null ? null : ElectionYear(years.Key, null);
    }

    /// <summary>Races fall in 2015, 2017, 2018, 2019, 2020, 2024: a 2025 re-vote or inauguration belongs to the 2024 race, 2021 to 2020.</summary>
    private static int ElectionYear(int year, ElectionType? type) => year switch
    {
        2025 or 2026 => 2024,
        2021 or 2022 => 2020,
        2023 => 2024,
        _ => year,
    };
}
