using System.Text.Json;
using NewsExtract.Cli.Races;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Races;

/// <summary>
/// `newsextract races` on the race set (corpus/races: articles from several outlets and days about the same races,
/// some disagreeing on a ballot number, a vote count or a party) scored against its gold race tables. Targets of
/// issue 17: pair F1 at least 0.95 and every planted conflict flagged.
/// </summary>
public sealed class RaceSetScoreTests
{
    private static string RaceSet => Path.Combine(RepositoryPaths.Corpus, "races");

    [Fact]
    public void Races_on_the_race_set_meets_the_targets()
    {
        var run = CliRunner.Run("races", RaceSet, "--format", "jsonl", "--score", RaceSet);
        Assert.True(run.Exit == 0, run.Err);
        var races = run.Lines.Select(l => JsonSerializer.Deserialize(l, RaceJsonContext.Default.Race)!).ToList();
        var gold = RaceScorer.LoadGold(RaceSet);
        var scores = RaceScorer.Score(gold, races);
        Assert.True(scores.PairF1 >= 0.95, scores.Report());
        Assert.True(scores.ConflictsGold >= 7, "the race set plants at least seven disagreements");
        Assert.True(scores.ConflictsFound == scores.ConflictsGold, scores.Report());
        Assert.True(scores.NumberAccuracy >= 0.95, scores.Report());
        // The report the command prints is the one computed here.
        Assert.Contains(scores.Report().Split('\n')[0], run.Err);
    }

    [Fact]
    public void Gold_race_tables_are_well_formed()
    {
        var gold = RaceScorer.LoadGold(RaceSet);
        Assert.True(gold.Count >= 4);
        string[] kinds = ["number", "votes", "shared_number", "party", "two_races"];
        foreach (var race in gold)
        {
            Assert.Matches(@"^\d\d(\.\d\d)?$", race.Region.Code!);
            Assert.NotEmpty(race.Pairs);
            Assert.All(race.Conflicts, c => Assert.Contains(c.Kind, kinds));
            Assert.All(race.Pairs, p => Assert.NotNull(p.Parties));
        }
        // Article files sit beside their gold table and are not picked up by the annotated corpus loader.
        Assert.Empty(Directory.GetFiles(RaceSet, "*.gold.json", SearchOption.AllDirectories));
        Assert.True(Directory.GetFiles(RaceSet, "*.txt", SearchOption.AllDirectories).Length >= 10);
    }

    [Fact]
    public void The_scorer_counts_missed_and_spurious_pairs_and_unflagged_conflicts()
    {
        var gold = RaceScorer.LoadGold(RaceSet);
        var scores = RaceScorer.Score(gold, []);
        Assert.Equal(0, scores.MatchedPairs);
        Assert.Equal(0, scores.PairF1);
        Assert.Equal(0, scores.ConflictsFound);
        Assert.Contains(scores.Errors, e => e.EndsWith("race not found", StringComparison.Ordinal));
    }
}
