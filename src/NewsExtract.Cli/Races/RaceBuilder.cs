using System.Globalization;
using NewsExtract.Records;

namespace NewsExtract.Cli.Races;

/// <summary>
/// Builds the race table from records, one record at a time: a record adds its races and pair mentions and is then
/// dropped, so memory grows with the table (races, pairs, the articles behind each value), not with the input.
/// </summary>
/// <remarks>
/// The steps, mirrored one for one by <c>sql/races.sql</c>:
/// <list type="number">
/// <item>A race is (type, region code, else region name, year). A race without a year joins the one race of the same
/// type and region that has a year, when there is exactly one.</item>
/// <item>A pair mention belongs to the race its <c>election</c> index names (the only race when the index is missing).</item>
/// <item>Mentions with the same head and deputy tokens (<see cref="NameKeys"/>) are one <em>form</em>. Forms rank by:
/// deputy known, more tokens, more articles, then the keys in ordinal order.</item>
/// <item>Two forms are compatible when their heads are (<see cref="NameKeys.Compatible"/>) and their deputies share a
/// name part (<see cref="NameKeys.Overlap"/>; or one has none). A form that no better-ranked form is compatible with
/// is a pair; every other form joins the best-ranked compatible pair, or, when none is compatible, becomes a pair of
/// its own.</item>
/// <item>A pair's name is the fullest form (most name tokens, then most articles, then longest, then ordinal).</item>
/// <item>A value (ballot number, votes, share, incumbency) is the one the most articles give (ties: the smaller);
/// the others are disagreements, and two numbers or two vote counts for one pair are conflicts. A party named for
/// two pairs stays with the pair(s) most articles name it for.</item>
/// </list>
/// The per-article source lists and the <c>shared_number</c> and <c>two_races</c> conflicts are this class's alone.
/// </remarks>
internal sealed class RaceBuilder
{
    private readonly Dictionary<RaceKey, RaceAcc> _races = [];
    private int _records, _notElection, _errors, _pairsWithoutRace;

    private readonly record struct RaceKey(string Type, string Region, int? Year);

    private sealed class RaceAcc(string type, Region? region, int? year)
    {
        public string Type { get; } = type;
        public Region? Region { get; set; } = region;
        public int? Year { get; } = year;
        public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);
        public List<SourceRef> ArticleRefs { get; } = [];
        public List<Mention> Mentions { get; } = [];
    }

    /// <summary>One pair as one article gives it, reduced to what the table needs.</summary>
    private sealed record Mention(
        SourceRef Source,
        string[] HeadTokens,
        string[] DeputyTokens,
        string HeadName,
        IReadOnlyList<string> HeadAliases,
        string? DeputyName,
        IReadOnlyList<string> DeputyAliases,
        int? Number,
        IReadOnlyList<string> Parties,
        bool? Incumbent,
        long? Votes,
        double? VoteShare,
        string[] Evidence,
        string? VotesEvidence,
        string? ShareEvidence)
    {
        public string HeadKey { get; } = NameKeys.Key(HeadTokens);
        public string DeputyKey { get; } = NameKeys.Key(DeputyTokens);
    }

    /// <summary>The id a record goes by in the table and in the Parquet tables: its URL, else its path.</summary>
    public static string RecordId(ArticleRecord record, long ordinal) =>
        record.Source.Url ?? record.Source.Path ?? "#" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The race key's region part: the Kemendagri code, else the name ("" for national races).</summary>
    public static string RegionKey(Region? region) => region?.Code ?? region?.Name ?? "";

    public void Add(ArticleRecord record)
    {
        long ordinal = ++_records;
        if (record.Error is not null) { _errors++; return; }
        if (record.Elections.Count == 0) { _notElection++; return; }
        string id = RecordId(record, ordinal);
        var keys = new RaceAcc[record.Elections.Count];
        for (int i = 0; i < record.Elections.Count; i++)
        {
            var e = record.Elections[i];
            var key = new RaceKey(RecordWriter.ElectionTypeName(e.Type), RegionKey(e.Region), e.Year);
            if (!_races.TryGetValue(key, out var acc))
                _races[key] = acc = new RaceAcc(key.Type, e.Region, e.Year);
            else if (acc.Region is { Province: null } && e.Region?.Province is not null)
                acc.Region = e.Region;
            if (acc.Articles.Add(id))
                acc.ArticleRefs.Add(Ref(record, id, e.Evidence.Count > 0 ? e.Evidence[0].Text : null));
            keys[i] = acc;
        }
        foreach (var c in record.Candidates)
        {
            int? index = c.Election ?? (record.Elections.Count == 1 ? 0 : null);
            if (index is not int ix || ix < 0 || ix >= keys.Length) { _pairsWithoutRace++; continue; }
            // Names, tokens and parties recur across thousands of articles: one copy each (Pool) keeps the table small.
            keys[ix].Mentions.Add(new Mention(
                Ref(record, id, c.Evidence.Count > 0 ? c.Evidence[0].Text : c.Label),
                Pool(NameKeys.Tokens(c.Head)), Pool(NameKeys.Tokens(c.Deputy)),
                Pool(c.Head.Name)!, Pool(c.Head.Aliases), Pool(c.Deputy?.Name), Pool(c.Deputy?.Aliases ?? []),
                c.Number, Pool(c.Parties), c.Incumbent, c.Votes?.Count, c.Votes?.Percent,
                // Only the evidence texts, trimmed: the table keeps them for every article, the record is let go.
                [.. c.Evidence.Select(e => Trim(e.Text)!).Distinct(StringComparer.Ordinal)],
                FigureText(record, FigureKind.Votes, c.Votes?.Count), FigureText(record, FigureKind.VoteShare, c.Votes?.Percent)));
        }
    }

    /// <summary>The words a vote count or share was read from ("81.633 suara"): the record's figure of that value.</summary>
    private static string? FigureText(ArticleRecord r, FigureKind kind, double? value)
    {
        if (value is not double v) return null;
        foreach (var f in r.Figures)
            if (f.Kind == kind && Math.Abs(f.Value - v) <= 1e-6 * Math.Max(1, Math.Abs(v))) return f.Text;
        return null;
    }

    private SourceRef Ref(ArticleRecord r, string id, string? evidence) =>
        new(id, r.Source.Url, Pool(r.Source.Outlet), r.Source.Published, Trim(evidence));

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    private string? Pool(string? s)
    {
        if (s is null) return null;
        if (_pool.TryGetValue(s, out var pooled)) return pooled;
        _pool[s] = s;
        return s;
    }

    private string[] Pool(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return [];
        string key = string.Join('\u0001', items);
        if (_lists.TryGetValue(key, out var pooled)) return pooled;
        var list = items.Select(i => Pool(i)!).ToArray();
        _lists[key] = list;
        return list;
    }

    private static string? Trim(string? text) => text is null || text.Length <= 160 ? text : text[..160] + "…";

    public RaceStats Stats(IReadOnlyList<Race> races) =>
        new(_records, _notElection, _errors, _pairsWithoutRace, races.Count, races.Sum(r => r.Pairs.Count), races.Sum(r => r.Conflicts.Count));

    /// <summary>The finished table, races in (type, region, year) order.</summary>
    public List<Race> Build()
    {
        // A race without a year joins the only dated race of its type and region.
        var merged = new Dictionary<RaceKey, RaceAcc>();
        foreach (var (key, acc) in _races.Where(kv => kv.Key.Year is not null)) merged[key] = acc;
        foreach (var (key, acc) in _races.Where(kv => kv.Key.Year is null))
        {
            var dated = _races.Keys.Where(k => k.Year is not null && k.Type == key.Type && k.Region == key.Region).ToList();
            if (dated.Count == 1)
            {
                var into = merged[dated[0]];
                foreach (var a in acc.ArticleRefs)
                    if (into.Articles.Add(a.Id)) into.ArticleRefs.Add(a);
                into.Mentions.AddRange(acc.Mentions);
            }
            else merged[key] = acc;
        }

        var races = new List<Race>();
        foreach (var (key, acc) in merged.OrderBy(kv => kv.Key.Type, StringComparer.Ordinal)
                     .ThenBy(kv => kv.Key.Region, StringComparer.Ordinal).ThenBy(kv => kv.Key.Year ?? 0))
            races.Add(BuildRace(key, acc));
        return FlagPairsInTwoRaces(races);
    }

    private static Race BuildRace(RaceKey key, RaceAcc acc)
    {
        var conflicts = new List<RaceConflict>();
        var pairs = new List<RacePair>();
        foreach (var cluster in Cluster(acc.Mentions))
            pairs.Add(BuildPair(cluster, conflicts));
        pairs = [.. pairs.OrderBy(p => p.Number?.Value ?? int.MaxValue).ThenBy(p => p.Head.Name, StringComparer.Ordinal)];

        // One ballot number on two pairs.
        foreach (var g in pairs.Where(p => p.Number is not null).GroupBy(p => p.Number!.Value).Where(g => g.Count() > 1))
            conflicts.Add(new RaceConflict("shared_number",
                $"Ballot number {g.Key} is given to {g.Count()} pairs: {string.Join("; ", g.Select(PairName))}.",
                [.. g.Select(PairName)], [.. g.SelectMany(p => p.Number!.Support)]));
        // One party backing two pairs: a party backs one pair in a race, so the pair(s) most articles name it for
        // keep it (the others' articles become its disagreements) and the conflict is flagged.
        var keep = new HashSet<(RacePair, string)>();
        var against = new Dictionary<(RacePair, string), List<SourceRef>>();
        foreach (var g in pairs.SelectMany(p => p.Parties.Select(party => (p, party))).GroupBy(x => x.party.Value, StringComparer.OrdinalIgnoreCase)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int most = g.Max(x => x.party.Support.Count);
            foreach (var x in g.Where(x => x.party.Support.Count == most))
            {
                keep.Add((x.p, x.party.Value));
                against[(x.p, x.party.Value)] = [.. g.Where(o => o.p != x.p).SelectMany(o => o.party.Support.Select(s => s with { Says = PairName(o.p) }))];
            }
            if (g.Count() > 1)
                conflicts.Add(new RaceConflict("party",
                    $"{g.Key} is said to back {g.Count()} pairs: {string.Join("; ", g.Select(x => $"{PairName(x.p)} ({x.party.Support.Count} article{(x.party.Support.Count == 1 ? "" : "s")})"))}.",
                    [.. g.Select(x => PairName(x.p))], [.. g.SelectMany(x => x.party.Support)]));
        }
        pairs = [.. pairs.Select(p => p with
        {
            Parties = [.. p.Parties.Where(x => keep.Contains((p, x.Value))).Select(x =>
            {
                var dis = Distinct(against[(p, x.Value)]);
                return x with { Disagree = dis, Agreement = Math.Round((double)x.Support.Count / (x.Support.Count + dis.Count), 3) };
            })],
        })];

        string id = $"{key.Type}/{(key.Region.Length == 0 ? "-" : key.Region)}/{key.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
        double confidence = pairs.Count == 0 ? Certainty(acc.Articles.Count) : pairs.Average(p => p.Confidence);
        return new Race(id, key.Type, acc.Region?.Name, acc.Region?.Code, acc.Region?.Province, key.Year, acc.Articles.Count,
            pairs, conflicts, Math.Round(confidence, 3));
    }

    internal static string PairName(RacePair p) => p.Deputy is null ? p.Head.Name : $"{p.Head.Name}-{p.Deputy.Name}";

    /// <summary>More agreeing articles, more certainty: 1 article 0.5, 2 articles 0.75, 3 articles 0.875.</summary>
    private static double Certainty(int articles) => 1 - Math.Pow(0.5, articles);

    private sealed record Form(string HeadKey, string DeputyKey, string[] Head, string[] Deputy, List<Mention> Mentions)
    {
        public int Articles { get; } = Mentions.Select(m => m.Source.Id).Distinct(StringComparer.Ordinal).Count();
    }

    // Heads must be compatible as wholes; deputies need only share a name part, because the deputy is where a
    // headline's verb gets glued on ("Rizal-Nurhayati Unggul") and the head already tells the pairs apart.
    private static bool Compatible(Form a, Form b) =>
        NameKeys.Compatible(a.Head, b.Head)
        && (a.Deputy.Length == 0 || b.Deputy.Length == 0 || NameKeys.Overlap(a.Deputy, b.Deputy));

    /// <summary>Groups a race's mentions into pairs (see the class remarks).</summary>
    private static List<List<Mention>> Cluster(List<Mention> mentions)
    {
        var forms = mentions.Where(m => m.HeadTokens.Length > 0)
            .GroupBy(m => (m.HeadKey, m.DeputyKey))
            .Select(g => new Form(g.Key.HeadKey, g.Key.DeputyKey, g.First().HeadTokens, g.First().DeputyTokens, [.. g]))
            .OrderByDescending(f => f.Deputy.Length > 0)
            .ThenByDescending(f => f.Head.Length + f.Deputy.Length)
            .ThenByDescending(f => f.Articles)
            .ThenBy(f => f.HeadKey, StringComparer.Ordinal)
            .ThenBy(f => f.DeputyKey, StringComparer.Ordinal)
            .ToList();
        var reps = new List<int>();
        for (int i = 0; i < forms.Count; i++)
        {
            bool dominated = false;
            for (int j = 0; j < i && !dominated; j++) dominated = Compatible(forms[i], forms[j]);
            if (!dominated) reps.Add(i);
        }
        var clusters = reps.ToDictionary(r => r, r => new List<Mention>());
        var extra = new List<int>();
        for (int i = 0; i < forms.Count; i++)
        {
            int best = -1;
            foreach (int r in reps)
                if (r == i || Compatible(forms[i], forms[r])) { best = r; break; }
            if (best >= 0) clusters[best].AddRange(forms[i].Mentions);
            else extra.Add(i);
        }
        foreach (int i in extra) clusters[i] = [.. forms[i].Mentions];
        return [.. clusters.OrderBy(kv => kv.Key).Select(kv => kv.Value)];
    }

    private static RacePair BuildPair(List<Mention> ms, List<RaceConflict> conflicts)
    {
        var head = Person(ms.Select(m => (m.Source.Id, m.HeadName, m.HeadAliases)))!;
        var deputy = Person(ms.Where(m => m.DeputyName is not null).Select(m => (m.Source.Id, m.DeputyName!, m.DeputyAliases)));
        string name = deputy is null ? head.Name : $"{head.Name}-{deputy.Name}";

        var number = Agree(ms, m => m.Number, m => EvidenceFor(m, m.Number?.ToString(CultureInfo.InvariantCulture)));
        var votes = Agree(ms, m => m.Votes, m => m.VotesEvidence ?? EvidenceFor(m, m.Votes?.ToString(CultureInfo.InvariantCulture)));
        var share = Agree(ms, m => m.VoteShare, m => m.ShareEvidence ?? EvidenceFor(m, null));
        var incumbent = Agree(ms, m => m.Incumbent == true ? true : (bool?)null, m => EvidenceFor(m, "petahana"));
        if (number is { Disagree.Count: > 0 })
            conflicts.Add(Conflict("number", $"Two or more ballot numbers for {name}", number, v => v.ToString(CultureInfo.InvariantCulture)));
        if (votes is { Disagree.Count: > 0 })
            conflicts.Add(Conflict("votes", $"Two or more vote counts for {name}", votes, v => v.ToString(CultureInfo.InvariantCulture)));

        // Every party any article names for the pair; BuildRace settles parties named for two pairs.
        var parties = ms.SelectMany(m => m.Parties.Select(p => (party: p, m)))
            .GroupBy(x => x.party, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Sourced<string>(g.Key, Distinct(g.Select(x => x.m.Source with { Evidence = Trim(EvidenceFor(x.m, g.Key)) })), [], 1.0))
            .ToList();

        var articles = Distinct(ms.Select(m => m.Source));
        var agreements = new[] { number?.Agreement, votes?.Agreement, share?.Agreement }.Where(a => a is not null).Select(a => a!.Value).ToList();
        double confidence = Certainty(articles.Count) * (agreements.Count == 0 ? 1 : agreements.Min());
        return new RacePair(head, deputy, number, parties, incumbent, votes, share, articles, Math.Round(confidence, 3));
    }

    private static RaceConflict Conflict<T>(string kind, string what, Sourced<T> value, Func<T, string> show) where T : notnull
    {
        var values = new List<string> { show(value.Value) };
        values.AddRange(value.Disagree.Select(d => d.Says!).Distinct(StringComparer.Ordinal));
        return new RaceConflict(kind, $"{what}: {string.Join(" vs ", values)}.", values, [.. value.Support, .. value.Disagree]);
    }

    /// <summary>
    /// The fullest name (most name tokens, so "Cak Ji" counts one; then given by most articles, so that a headline's stray word loses to the body's
    /// surname; then longest; then ordinal order) and every other form as an alias.
    /// </summary>
    private static RacePerson? Person(IEnumerable<(string Article, string Name, IReadOnlyList<string> Aliases)> forms)
    {
        var list = forms.ToList();
        if (list.Count == 0) return null;
        string name = list.GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => (name: g.Key, articles: g.Select(f => f.Article).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(n => NameKeys.NameTokenCount(n.name))
            .ThenByDescending(n => n.articles)
            .ThenByDescending(n => n.name.Length)
            .ThenBy(n => n.name, StringComparer.Ordinal)
            .First().name;
        var aliases = list.SelectMany(f => f.Aliases.Prepend(f.Name))
            .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RacePerson(name, aliases);
    }

    /// <summary>The value most articles give (ties: the smaller), its supporters, and the articles that give another.</summary>
    private static Sourced<T>? Agree<T>(List<Mention> ms, Func<Mention, T?> get, Func<Mention, string?> evidence) where T : struct, IComparable<T>
    {
        var given = ms.Where(m => get(m) is not null).Select(m => (value: get(m)!.Value, m)).ToList();
        if (given.Count == 0) return null;
        var byValue = given.GroupBy(x => x.value)
            .Select(g => (g.Key, articles: g.Select(x => x.m.Source.Id).Distinct(StringComparer.Ordinal).Count(), items: g.ToList()))
            .OrderByDescending(g => g.articles).ThenBy(g => g.Key)
            .ToList();
        var win = byValue[0];
        var support = Distinct(win.items.Select(x => x.m.Source with { Evidence = Trim(evidence(x.m)) }));
        var disagree = Distinct(byValue.Skip(1).SelectMany(g => g.items.Select(x => x.m.Source with
        {
            Evidence = Trim(evidence(x.m)),
            Says = Convert.ToString(g.Key, CultureInfo.InvariantCulture),
        })));
        double agreement = (double)support.Count / (support.Count + disagree.Count);
        return new Sourced<T>(win.Key, support, disagree, Math.Round(agreement, 3));
    }

    private static List<SourceRef> Distinct(IEnumerable<SourceRef> refs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. refs.Where(r => seen.Add(r.Id + "\u0001" + r.Says))];
    }

    /// <summary>The pair's evidence span that holds the value (its digits, or the word), else the first span.</summary>
    private static string? EvidenceFor(Mention m, string? value)
    {
        if (m.Evidence.Length == 0) return null;
        if (value is not null)
        {
            bool digits = value.All(char.IsAsciiDigit);
            foreach (var span in m.Evidence)
            {
                string text = digits ? new string([.. span.Where(char.IsAsciiDigit)]) : span;
                if (text.Contains(value, digits ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)) return span;
            }
        }
        return m.Evidence[0];
    }

    /// <summary>A pair found in two races of the same year: one of them is likely misattributed.</summary>
    private static List<Race> FlagPairsInTwoRaces(List<Race> races)
    {
        var byToken = new Dictionary<string, List<(int race, RacePair pair, string[] head, string[] deputy)>>(StringComparer.Ordinal);
        for (int i = 0; i < races.Count; i++)
            foreach (var p in races[i].Pairs)
            {
                if (p.Deputy is null) continue; // a head alone is too weak a match across races
                var head = NameKeys.Tokens(new PersonName(p.Head.Name, [], []));
                var deputy = NameKeys.Tokens(new PersonName(p.Deputy.Name, [], []));
                foreach (var t in head)
                {
                    if (!byToken.TryGetValue(t, out var list)) byToken[t] = list = [];
                    list.Add((i, p, head, deputy));
                }
            }
        var extra = new Dictionary<int, List<RaceConflict>>();
        var seen = new HashSet<(RacePair, RacePair)>();
        foreach (var list in byToken.Values)
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    var (x, y) = (list[a], list[b]);
                    if (x.race == y.race || races[x.race].Year != races[y.race].Year || !seen.Add((x.pair, y.pair))) continue;
                    if (!NameKeys.Compatible(x.head, y.head) || !NameKeys.Compatible(x.deputy, y.deputy)) continue;
                    foreach (var (mine, other) in new[] { (x, y), (y, x) })
                    {
                        if (!extra.TryGetValue(mine.race, out var c)) extra[mine.race] = c = [];
                        c.Add(new RaceConflict("two_races",
                            $"{PairName(mine.pair)} also appears in {races[other.race].Id}.",
                            [races[mine.race].Id, races[other.race].Id], [.. mine.pair.Articles, .. other.pair.Articles]));
                    }
                }
        return [.. races.Select((r, i) => extra.TryGetValue(i, out var c) ? r with { Conflicts = [.. r.Conflicts, .. c] } : r)];
    }
}
