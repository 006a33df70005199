using NewsExtract.Evaluation;

namespace NewsExtract.Tests.Evaluation;

public class ScorerTests
{
    [Fact]
    public void Counts_give_precision_recall_and_f1()
    {
        var c = new Counts(6, 2, 4);
        Assert.Equal(0.75, c.Precision);
        Assert.Equal(0.6, c.Recall);
        Assert.Equal(12.0 / 18, c.F1, 10);
        Assert.Equal(1.0, default(Counts).F1);
        Assert.Equal(0.0, new Counts(0, 3, 0).Precision);
    }

    [Fact]
    public void Keys_are_compared_as_multisets()
    {
        var scorer = new Scorer();
        var (missed, spurious) = scorer.Add("f", ["a", "a", "b"], ["a", "c", "c"]);
        Assert.Equal(new Counts(1, 2, 2), scorer["f"]);
        Assert.Equal(["c", "c"], missed);
        Assert.Equal(["a", "b"], spurious);
        scorer.Add("f", ["x"], ["x"]);
        Assert.Equal(new Counts(2, 2, 2), scorer["f"]);
    }

    [Fact]
    public void Alignment_is_one_to_one_in_gold_order()
    {
        var scorer = new Scorer();
        // "ab" matches both gold items that start with a; it can be used once only.
        var a = scorer.Align("f", ["ab", "zz"], ["a", "ab", "q"], (p, g) => p.StartsWith(g, StringComparison.Ordinal));
        Assert.Equal([(0, 0)], a.Matched);
        Assert.Equal([1, 2], a.Missed);
        Assert.Equal([1], a.Spurious);
        Assert.Equal(new Counts(1, 1, 2), scorer["f"]);
    }

    [Fact]
    public void Merge_adds_field_by_field()
    {
        var a = new Scorer();
        a.Add("x", new Counts(1, 0, 0));
        var b = new Scorer();
        b.Add("x", new Counts(0, 1, 0));
        b.Add("y", new Counts(0, 0, 1));
        a.Merge(b);
        Assert.Equal(new Counts(1, 1, 0), a["x"]);
        Assert.Equal(new Counts(0, 0, 1), a["y"]);
    }
}

public class EvaluationGateTests
{
    private static EvaluationReport Report(string split, string hash, params (string Field, Counts Counts)[] fields)
    {
        var scorer = new Scorer();
        foreach (var (field, counts) in fields) scorer.Add(field, counts);
        return new EvaluationReport(split, 3, hash, scorer, []);
    }

    [Theory]
    [InlineData(0.876, 0.85)]
    [InlineData(0.87, 0.85)]
    [InlineData(1.0, 0.98)]
    [InlineData(0.015, 0.0)]
    [InlineData(0.0, 0.0)]
    public void A_floor_is_the_score_rounded_down_less_the_margin(double f1, double floor) =>
        Assert.Equal(floor, EvaluationFloors.FloorOf(f1), 10);

    [Fact]
    public void Pinned_floors_pass_the_same_scores_and_fail_a_drop_or_changed_gold()
    {
        var report = Report("test", "abc", ("candidates", new Counts(8, 2, 2)), ("dates", new Counts(5, 5, 5)));
        var floors = EvaluationFloors.Empty();
        Assert.Empty(floors.Pin(report));
        Assert.Equal(0.78, floors.Splits["test"].Floors["candidates"], 10);
        Assert.Empty(floors.Check(report, "pin"));

        var dropped = Report("test", "abc", ("candidates", new Counts(5, 5, 5)), ("dates", new Counts(5, 5, 5)));
        var failure = Assert.Single(floors.Check(dropped, "pin"));
        Assert.StartsWith("candidates: F1 0.500 is below its floor 0.78", failure);

        var changed = Report("test", "def", ("candidates", new Counts(8, 2, 2)), ("dates", new Counts(5, 5, 5)));
        Assert.Contains("changed", Assert.Single(floors.Check(changed, "newsextract eval corpus --split test --pin")));

        Assert.Contains("no floors are pinned", Assert.Single(floors.Check(Report("dev", "abc"), "pin")));
    }

    [Fact]
    public void A_field_with_nothing_to_measure_gets_no_floor()
    {
        var floors = EvaluationFloors.Empty();
        floors.Pin(Report("test", "abc", ("officials.role", new Counts(0, 0, 0)), ("dates", new Counts(1, 0, 0))));
        Assert.Equal(0, floors.Splits["test"].Floors["officials.role"]);
        Assert.Equal(0.98, floors.Splits["test"].Floors["dates"], 10);
    }

    [Fact]
    public void Pinning_lower_scores_reports_the_floors_that_went_down()
    {
        var floors = EvaluationFloors.Empty();
        floors.Pin(Report("test", "abc", ("candidates", new Counts(9, 1, 1))));
        var lowered = floors.Pin(Report("test", "abc", ("candidates", new Counts(5, 5, 5))));
        Assert.Equal(["candidates: 0.88 -> 0.48"], lowered);
    }

    [Fact]
    public void The_floors_file_round_trips_and_keeps_other_splits()
    {
        string path = Path.Combine(Path.GetTempPath(), $"floors-{Guid.NewGuid():N}.json");
        try
        {
            var floors = EvaluationFloors.Empty();
            floors.Pin(Report("test", "abc", ("candidates", new Counts(9, 1, 1))));
            floors.Save(path);
            var again = EvaluationFloors.Load(path);
            again.Pin(Report("dev", "def", ("candidates", new Counts(1, 1, 1))));
            again.Save(path);
            var third = EvaluationFloors.Load(path);
            Assert.Equal(["dev", "test"], third.Splits.Keys);
            Assert.Equal(0.88, third.Splits["test"].Floors["candidates"], 10);
            Assert.Equal("abc", third.Splits["test"].GoldHash);
            Assert.Equal(FieldEvaluator.Fields.Length, third.Splits["test"].Floors.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_broken_floors_file_says_how_to_recreate_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"floors-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "{\"splits\": {\"test\": {\"floors\": {}}}}");
            var ex = Assert.Throws<InvalidDataException>(() => EvaluationFloors.Load(path));
            Assert.Contains("--pin", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
