using NewsExtract.Cli.Races;
using NewsExtract.Records;

namespace NewsExtract.Tests.Races;

/// <summary>The races step on hand-made records: merging names across articles, agreeing values, flagging conflicts.</summary>
public sealed class RaceBuilderTests
{
    private static readonly Region Surabaya = new("Kota Surabaya", "35.78", "Jawa Timur");
    private static readonly Region Sidoarjo = new("Kabupaten Sidoarjo", "35.15", "Jawa Timur");

    private static PersonName P(string name, params string[] aliases) => new(name, aliases, []);

    private static CandidatePair Pair(PersonName head, PersonName? deputy, int? number = null, string[]? parties = null,
        long? votes = null, int? election = 0, bool? incumbent = null, string? evidence = null) =>
        new(number, head, deputy, null, parties ?? [], null, null, incumbent, election, votes is null ? null : new VoteResult(votes, null),
            evidence is null ? [] : [new Span(0, evidence.Length, evidence)]);

    private static ArticleRecord Record(string url, string outlet, Election[] elections, params CandidatePair[] pairs) =>
        new(new SourceInfo { Url = url, Outlet = outlet, Published = new DateOnly(2024, 9, 23) }, "", elections, pairs, [], [], [], [], []);

    private static Election Walikota(Region region, int? year = 2024) => new(ElectionType.Walikota, region, year, []);

    private static List<Race> Build(params ArticleRecord[] records)
    {
        var b = new RaceBuilder();
        foreach (var r in records) b.Add(r);
        return b.Build();
    }

    [Fact]
    public void Nicknames_and_full_names_from_different_articles_are_one_pair()
    {
        // jawa-002: "Eri Cahyadi-Armuji" in the body, "Cak Eri dan Cak Ji" as the nicknames; another outlet only the nicknames.
        var races = Build(
            Record("a", "SUARAJATIM.id", [Walikota(Surabaya)], Pair(P("Eri Cahyadi", "Cak Eri"), P("Armuji", "Cak Ji"), incumbent: true)),
            Record("b", "ANTARA", [Walikota(Surabaya)], Pair(P("Cak Eri"), P("Cak Ji"), number: 1)),
            Record("c", "Kompas", [Walikota(Surabaya)], Pair(P("Eri"), null, number: 1)));
        var race = Assert.Single(races);
        var pair = Assert.Single(race.Pairs);
        Assert.Equal("Eri Cahyadi", pair.Head.Name);
        Assert.Contains("Cak Eri", pair.Head.Aliases);
        Assert.Equal("Armuji", pair.Deputy!.Name);
        Assert.Contains("Cak Ji", pair.Deputy.Aliases);
        Assert.Equal(1, pair.Number!.Value);
        Assert.Equal(["b", "c"], pair.Number.Support.Select(s => s.Id));
        Assert.True(pair.Incumbent!.Value);
        Assert.Equal(3, pair.Articles.Count);
        Assert.Equal(3, race.Articles);
        Assert.Empty(race.Conflicts);
    }

    [Fact]
    public void Different_pairs_of_one_race_stay_apart()
    {
        var races = Build(
            Record("a", "x", [Walikota(Surabaya)],
                Pair(P("Muhammad Ali"), P("Budi Santoso"), 1), Pair(P("Muhammad Yusuf"), P("Siti Aminah"), 2)),
            Record("b", "y", [Walikota(Surabaya)], Pair(P("Yusuf"), P("Aminah"), 2)));
        var race = Assert.Single(races);
        Assert.Equal(["Muhammad Ali", "Muhammad Yusuf"], race.Pairs.Select(p => p.Head.Name));
        Assert.Equal(2, race.Pairs[1].Articles.Count);
    }

    [Fact]
    public void Two_ballot_numbers_and_two_vote_counts_are_conflicts_and_the_majority_wins()
    {
        var races = Build(
            Record("a", "x", [Walikota(Surabaya)], Pair(P("Darmanto Wibisono"), P("Heru Setiawan"), 2, votes: 281903, evidence: "nomor urut 2")),
            Record("b", "y", [Walikota(Surabaya)], Pair(P("Darmanto Wibisono"), P("Heru Setiawan"), 2, votes: 281930)),
            Record("c", "z", [Walikota(Surabaya)], Pair(P("Darmanto"), P("Heru"), 3, votes: 281903, evidence: "nomor 3")));
        var race = Assert.Single(races);
        var pair = Assert.Single(race.Pairs);
        Assert.Equal(2, pair.Number!.Value);
        Assert.Equal("c", Assert.Single(pair.Number.Disagree).Id);
        Assert.Equal("3", pair.Number.Disagree[0].Says);
        Assert.Equal("nomor 3", pair.Number.Disagree[0].Evidence);
        Assert.Equal(281903, pair.Votes!.Value);
        Assert.Equal(0.667, pair.Votes.Agreement);
        Assert.Equal(["number", "votes"], race.Conflicts.Select(c => c.Kind).Order());
        Assert.Contains("2 vs 3", race.Conflicts.Single(c => c.Kind == "number").Message);
        Assert.True(pair.Confidence < 0.875, "disagreement lowers the confidence of three articles");
    }

    [Fact]
    public void A_party_named_for_two_pairs_stays_with_the_better_supported_pair_and_is_flagged()
    {
        var races = Build(
            Record("a", "x", [Walikota(Surabaya)], Pair(P("Rochim"), P("Nurjanah"), 1, ["PKB", "PPP"]), Pair(P("Suprapto"), P("Zahroh"), 3, ["PKS"])),
            Record("b", "y", [Walikota(Surabaya)], Pair(P("Rochim"), P("Nurjanah"), 1, ["PKB"])),
            Record("c", "z", [Walikota(Surabaya)], Pair(P("Suprapto"), P("Zahroh"), 3, ["PKB", "PKS"])));
        var race = Assert.Single(races);
        Assert.Equal(["PKB", "PPP"], race.Pairs[0].Parties.Select(p => p.Value));
        Assert.Equal("c", Assert.Single(race.Pairs[0].Parties[0].Disagree).Id);
        Assert.Equal(["PKS"], race.Pairs[1].Parties.Select(p => p.Value));
        var conflict = Assert.Single(race.Conflicts);
        Assert.Equal("party", conflict.Kind);
        Assert.StartsWith("PKB is said to back 2 pairs", conflict.Message);
    }

    [Fact]
    public void One_ballot_number_for_two_pairs_is_a_conflict()
    {
        var races = Build(Record("a", "x", [Walikota(Surabaya)], Pair(P("Rochim"), P("Nurjanah"), 1), Pair(P("Suprapto"), P("Zahroh"), 1)));
        Assert.Equal("shared_number", Assert.Single(Assert.Single(races).Conflicts).Kind);
    }

    [Fact]
    public void A_pair_in_two_races_of_one_year_is_flagged_in_both_but_not_across_years()
    {
        var races = Build(
            Record("a", "x", [Walikota(Surabaya)], Pair(P("Eri Cahyadi"), P("Armuji"), 1)),
            Record("b", "y", [Walikota(Sidoarjo)], Pair(P("Eri Cahyadi"), P("Armuji"), 1)),
            Record("c", "z", [Walikota(Surabaya, 2020)], Pair(P("Eri Cahyadi"), P("Armuji"), 1)));
        Assert.Equal(3, races.Count);
        var flagged = races.Where(r => r.Conflicts.Any(c => c.Kind == "two_races")).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["walikota/35.15/2024", "walikota/35.78/2024"], flagged);
    }

    [Fact]
    public void A_race_without_a_year_joins_the_only_dated_race_of_its_region()
    {
        var races = Build(
            Record("a", "x", [Walikota(Surabaya)], Pair(P("Eri Cahyadi"), P("Armuji"), 1)),
            Record("b", "y", [Walikota(Surabaya, null)], Pair(P("Eri"), P("Armuji"), 1)));
        var race = Assert.Single(races);
        Assert.Equal(2024, race.Year);
        Assert.Equal(2, Assert.Single(race.Pairs).Articles.Count);
    }

    [Fact]
    public void Records_not_about_elections_and_pairs_without_a_race_are_counted_and_skipped()
    {
        var b = new RaceBuilder();
        b.Add(Record("a", "x", []));
        b.Add(Record("b", "y", [Walikota(Surabaya), Walikota(Sidoarjo)], Pair(P("Eri"), P("Armuji"), election: null)));
        b.Add(ArticleRecord.ForError(new SourceInfo { Path = "bad.txt" }, "unreadable"));
        var races = b.Build();
        var stats = b.Stats(races);
        Assert.Equal((3, 1, 1, 1), (stats.Records, stats.NotElection, stats.Errors, stats.PairsWithoutRace));
        Assert.Equal(2, stats.Races);
        Assert.Equal(0, stats.Pairs);
    }

    [Theory]
    [InlineData("Eri Cahyadi", "Cak Eri", true)]
    [InlineData("Armuji", "Cak Ji", true)]            // suffix nickname
    [InlineData("Hanindhito Himawan Pramana", "Mas Dhito", true)]
    [InlineData("Alimuddin", "Ali", true)]            // prefix of three letters
    [InlineData("Muhammad Ali", "Muhammad Yusuf", false)]
    [InlineData("Heru Setiawan", "Heru Kantongi", false)]
    [InlineData("Siti Nurjanah", "Nurjanah", true)]
    [InlineData("Abdul Rochim Baihaqi", "Gus Rochim", true)]
    [InlineData("M. Rusdi", "Rusdi", true)]            // an initial is no name part
    public void Name_compatibility(string a, string b, bool same) =>
        Assert.Equal(same, NameKeys.Compatible(NameKeys.Tokens(P(a)), NameKeys.Tokens(P(b))));
}
