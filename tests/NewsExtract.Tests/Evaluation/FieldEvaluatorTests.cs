using NewsExtract.Evaluation;
using NewsExtract.Records;

namespace NewsExtract.Tests.Evaluation;

public class FieldEvaluatorTests
{
    private static readonly FieldEvaluator Evaluator = new();

    private static GoldArticle SeedGold() => GoldCorpus.LoadArticle(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-000.gold.json"));

    /// <summary>The record that reproduces a gold article exactly (offsets already in the gold text).</summary>
    private static ArticleRecord AsRecord(GoldArticle g) => new(
        g.Source ?? new SourceInfo(), g.Text, g.ElectionList, g.CandidateList, g.OfficialList, g.DateList, g.FigureList,
        g.EntityList.Select(e => new Entity(e.Type, e.Text, e.Start, e.End, EntitySource.Rule, 1)).ToArray(), []);

    private static PersonName Person(string name, params string[] aliases) => new(name, aliases, []);

    private static CandidatePair Pair(int? number, string head, string? deputy, params string[] parties) =>
        new(number, Person(head), deputy is null ? null : Person(deputy), null, parties, null, null, null, 0, null, []);

    private static GoldArticle Gold(string text = "", IReadOnlyList<CandidatePair>? candidates = null, IReadOnlyList<Official>? officials = null,
        IReadOnlyList<DatedEvent>? dates = null, IReadOnlyList<Figure>? figures = null, IReadOnlyList<GoldEntity>? entities = null,
        IReadOnlyList<Election>? elections = null) =>
        new("t-001", null, null, elections, candidates, officials, dates, figures, entities, null) { Text = text };

    private static ArticleRecord Predicted(string text = "", IReadOnlyList<CandidatePair>? candidates = null, IReadOnlyList<Official>? officials = null,
        IReadOnlyList<DatedEvent>? dates = null, IReadOnlyList<Figure>? figures = null, IReadOnlyList<Entity>? entities = null,
        IReadOnlyList<Election>? elections = null) =>
        new(new SourceInfo(), text, elections ?? [], candidates ?? [], officials ?? [], dates ?? [], figures ?? [], entities ?? [], []);

    [Fact]
    public void A_record_equal_to_its_gold_scores_one_on_every_field()
    {
        var gold = SeedGold();
        var result = Evaluator.Evaluate(gold, AsRecord(gold));
        Assert.Empty(result.Errors);
        foreach (var field in FieldEvaluator.Fields)
        {
            Assert.Equal(1.0, result.Scores[field].F1);
            Assert.Equal(0, result.Scores[field].FalseNegatives);
        }
        Assert.Equal(gold.CandidateList.Count, result.Scores["candidates"].TruePositives);
        Assert.Equal(gold.EntityList.Count, result.Scores["entities"].TruePositives);
    }

    [Fact]
    public void An_empty_record_misses_everything_in_gold()
    {
        var gold = SeedGold();
        var result = Evaluator.Evaluate(gold, Predicted(gold.Text));
        Assert.Equal(new Counts(0, 0, gold.CandidateList.Count), result.Scores["candidates"]);
        Assert.Equal(new Counts(0, 0, gold.EntityList.Count), result.Scores["entities"]);
        Assert.Equal(0, result.Scores["officials"].F1);
        Assert.Contains(result.Errors, e => e.Field == "candidates" && e.Missed.Count == gold.CandidateList.Count);
    }

    [Theory]
    [InlineData("Drs. Santoso, M.Pd", "santoso")]
    [InlineData("Ir.  Tjutjuk   Soenario, Mm", "tjutjuk soenario")]
    [InlineData("AKBP Leonard M Sinambela", "leonard m sinambela")]
    [InlineData("Letkol Arh. Budi Santoso", "budi santoso")]
    [InlineData("H. Muh.Yasin, S.H., M.H.", "muh.yasin")]
    [InlineData("Muh.Yasin", "muh.yasin")]
    [InlineData("SANTOSO", "santoso")]
    public void Names_are_compared_without_titles_case_and_spacing(string name, string key) =>
        Assert.Equal(key, Evaluator.NameKey(name));

    [Fact]
    public void A_title_alone_is_kept_rather_than_emptying_the_name() =>
        Assert.Equal("gus", Evaluator.NameKey("Gus"));

    [Fact]
    public void Aliases_are_accepted_either_way()
    {
        Assert.True(Evaluator.SameName(Person("Aaf"), Person("Abdul Aziz Fahmi", "Aaf")));
        Assert.True(Evaluator.SameName(Person("Abdul Aziz Fahmi", "Aaf"), Person("Aaf")));
        Assert.False(Evaluator.SameName(Person("Aaf"), Person("Abdul Aziz Fahmi")));
        Assert.False(Evaluator.SameName(Person(""), Person("")));
    }

    [Fact]
    public void A_pair_with_a_wrong_ballot_number_counts_as_a_pair_but_not_as_a_numbered_pair()
    {
        var gold = Gold(candidates: [Pair(1, "Santoso", "Tjutjuk Soenario"), Pair(2, "Bambang", "Bayu")]);
        var result = Evaluator.Evaluate(gold, Predicted(candidates: [Pair(2, "Drs. Santoso", "TJUTJUK SOENARIO"), Pair(2, "Bambang", "Bayu")]));
        Assert.Equal(new Counts(2, 0, 0), result.Scores["candidates"]);
        Assert.Equal(new Counts(1, 1, 1), result.Scores["candidates.number"]);
        var errors = Assert.Single(result.Errors, e => e.Field == "candidates.number");
        Assert.Equal(["#1 Santoso / Tjutjuk Soenario"], errors.Missed);
    }

    [Fact]
    public void A_deputy_on_one_side_only_is_another_pair()
    {
        var gold = Gold(candidates: [Pair(null, "Santoso", "Tjutjuk")]);
        var result = Evaluator.Evaluate(gold, Predicted(candidates: [Pair(null, "Santoso", null)]));
        Assert.Equal(new Counts(0, 1, 1), result.Scores["candidates"]);
    }

    [Fact]
    public void Parties_are_scored_per_pair_and_a_party_on_the_wrong_pair_is_missed_and_spurious()
    {
        var gold = Gold(candidates: [Pair(1, "A", "B", "PDIP", "Gerindra"), Pair(2, "C", "D", "Golkar")]);
        var predicted = Predicted(candidates: [Pair(1, "A", "B", "pdip"), Pair(2, "C", "D", "Golkar", "Gerindra")]);
        var result = Evaluator.Evaluate(gold, predicted);
        Assert.Equal(new Counts(2, 1, 1), result.Scores["candidates.parties"]);
        var errors = Assert.Single(result.Errors, e => e.Field == "candidates.parties");
        Assert.Equal(["A: gerindra"], errors.Missed);
        Assert.Equal(["C: gerindra"], errors.Spurious);
    }

    [Fact]
    public void Parties_of_a_missed_pair_are_missed()
    {
        var gold = Gold(candidates: [Pair(1, "A", "B", "PDIP", "PKB")]);
        var result = Evaluator.Evaluate(gold, Predicted());
        Assert.Equal(new Counts(0, 0, 2), result.Scores["candidates.parties"]);
    }

    [Fact]
    public void Role_accuracy_is_scored_on_the_officials_found()
    {
        var gold = Gold(officials:
        [
            new Official("Choirul Umam", "Ketua", "KPU Kota Blitar", []),
            new Official("Budi", "Anggota", "Bawaslu Kota Blitar", []),
            new Official("Sri", "Ketua", "Bawaslu", []),
        ]);
        var predicted = Predicted(officials:
        [
            new Official("Choirul  Umam", "ketua", "KPU Blitar", []),
            new Official("AKBP Budi", "Ketua", null, []),
            new Official("Joko", "Kapolres", null, []),
        ]);
        var result = Evaluator.Evaluate(gold, predicted);
        Assert.Equal(new Counts(2, 1, 1), result.Scores["officials"]);
        Assert.Equal(new Counts(1, 1, 1), result.Scores["officials.role"]);
        Assert.Equal(0.5, result.Scores["officials.role"].F1);
    }

    [Fact]
    public void Dates_match_by_value_and_an_overlapping_span()
    {
        var day = new DateOnly(2024, 9, 23);
        var gold = Gold(dates:
        [
            new DatedEvent(day, "Senin, 23 September 2024", 10, 34, null),
            new DatedEvent(day, "23/9", 100, 104, null),
        ]);
        var predicted = Predicted(dates:
        [
            new DatedEvent(day, "23 September 2024", 17, 34, "pengundian"), // shorter span, overlapping: a match
            new DatedEvent(day.AddDays(1), "23/9", 100, 104, null),           // wrong day
            new DatedEvent(day, "23/9", 200, 204, null),                      // right day elsewhere
        ]);
        var result = Evaluator.Evaluate(gold, predicted);
        Assert.Equal(new Counts(1, 2, 1), result.Scores["dates"]);
    }

    [Fact]
    public void Figures_match_by_kind_value_and_span()
    {
        var gold = Gold(figures:
        [
            new Figure(FigureKind.Voters, 222451, "222.451 pemilih", 0, 15),
            new Figure(FigureKind.VoteShare, 53.33, "53,33%", 20, 26),
            new Figure(FigureKind.PollingStations, 13, "13 TPS", 30, 36),
        ]);
        var predicted = Predicted(figures:
        [
            new Figure(FigureKind.Voters, 222451, "222.451", 0, 7),
            new Figure(FigureKind.VoteShare, 53.330000001, "53,33", 20, 25),
            new Figure(FigureKind.Officers, 13, "13 TPS", 30, 36),
        ]);
        var result = Evaluator.Evaluate(gold, predicted);
        Assert.Equal(new Counts(2, 1, 1), result.Scores["figures"]);
    }

    [Fact]
    public void Entities_need_the_exact_span_and_type()
    {
        const string text = "Ketua  KPU Kota Blitar";
        var gold = Gold(text, entities: [new GoldEntity(EntityType.ORG, "KPU Kota Blitar", 7, 22)]);
        var right = Evaluator.Evaluate(gold, Predicted(text, entities: [new Entity(EntityType.ORG, "KPU Kota Blitar", 7, 22, EntitySource.Rule, 1)]));
        Assert.Equal(new Counts(1, 0, 0), right.Scores["entities"]);
        Assert.Equal(new Counts(1, 0, 0), right.Scores["entities.ORG"]);
        var wrongType = Evaluator.Evaluate(gold, Predicted(text, entities: [new Entity(EntityType.LOC, "KPU Kota Blitar", 7, 22, EntitySource.Rule, 1)]));
        Assert.Equal(new Counts(0, 1, 1), wrongType.Scores["entities"]);
        var shorter = Evaluator.Evaluate(gold, Predicted(text, entities: [new Entity(EntityType.ORG, "KPU", 7, 10, EntitySource.Rule, 1)]));
        Assert.Equal(new Counts(0, 1, 1), shorter.Scores["entities"]);
        Assert.Contains("ORG 'KPU' @7-10", shorter.Errors.Single(e => e.Field == "entities").Spurious);
    }

    [Fact]
    public void Elections_compare_type_canonical_region_and_year()
    {
        var blitar = new Region("Kota Blitar", "35.72", "Jawa Timur");
        var gold = Gold(elections: [new Election(ElectionType.Walikota, blitar, 2020, []), new Election(ElectionType.Gubernur, new Region("Provinsi Jawa Timur", "35", "Jawa Timur"), 2024, [])]);
        var predicted = Predicted(elections: [new Election(ElectionType.Walikota, new Region("kota  blitar", null, null), 2020, []), new Election(ElectionType.Gubernur, new Region("Jawa Timur", "35", null), 2020, [])]);
        var result = Evaluator.Evaluate(gold, predicted);
        Assert.Equal(new Counts(2, 0, 0), result.Scores["election.type"]);
        Assert.Equal(new Counts(1, 1, 1), result.Scores["election.region"]);
        Assert.Equal(new Counts(1, 1, 1), result.Scores["election.year"]);
        Assert.Equal(new Counts(1, 1, 1), result.Scores["election"]);
    }
}
