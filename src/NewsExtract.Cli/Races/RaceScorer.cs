using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsExtract.Records;

namespace NewsExtract.Cli.Races;

/// <summary>A gold race table (<c>corpus/races/*/*.races.json</c>): what the articles of a set say, agreed by hand.</summary>
internal sealed record GoldRaceFile(string Set, string? Note, IReadOnlyList<GoldRace> Races);

internal sealed record GoldRace(string Type, Region Region, int? Year, IReadOnlyList<GoldPair> Pairs, IReadOnlyList<GoldConflict> Conflicts);

internal sealed record GoldPair(string Head, IReadOnlyList<string>? HeadAliases, string? Deputy, IReadOnlyList<string>? DeputyAliases,
    int? Number, IReadOnlyList<string> Parties, bool? Incumbent, long? Votes);

/// <summary>A disagreement planted in the set: its kind and the name (pair head or party) its message must carry.</summary>
internal sealed record GoldConflict(string Kind, string Subject, IReadOnlyList<string>? Values, string? Note);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GoldRaceFile))]
internal sealed partial class GoldRaceJsonContext : JsonSerializerContext
{
}

/// <summary>Scores of a race table against gold.</summary>
internal sealed record RaceScores(
    int GoldPairs, int PredictedPairs, int MatchedPairs,
    int NumbersGold, int NumbersRight, int PartySetsRight, int PartiesGold, int PartiesPredicted, int PartiesMatched,
    int VotesGold, int VotesRight, int ConflictsGold, int ConflictsFound, int ConflictsPredicted,
    IReadOnlyList<(string Race, double F1)> PerRace, IReadOnlyList<string> Errors)
{
    public double PairPrecision => PredictedPairs == 0 ? (GoldPairs == 0 ? 1 : 0) : (double)MatchedPairs / PredictedPairs;
    public double PairRecall => GoldPairs == 0 ? 1 : (double)MatchedPairs / GoldPairs;
    public double PairF1 => F1(PairPrecision, PairRecall);
    public double NumberAccuracy => NumbersGold == 0 ? 1 : (double)NumbersRight / NumbersGold;
    public double PartyAccuracy => MatchedPairs == 0 ? 1 : (double)PartySetsRight / MatchedPairs;
    public double PartyF1 => F1(PartiesPredicted == 0 ? 1 : (double)PartiesMatched / PartiesPredicted, PartiesGold == 0 ? 1 : (double)PartiesMatched / PartiesGold);
    public double VotesAccuracy => VotesGold == 0 ? 1 : (double)VotesRight / VotesGold;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public string Report()
    {
        var s = new StringBuilder();
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        s.AppendLine($"race pairs: P {F(PairPrecision)} R {F(PairRecall)} F1 {F(PairF1)} ({MatchedPairs} matched of {GoldPairs} gold, {PredictedPairs} predicted)");
        foreach (var (race, f1) in PerRace) s.AppendLine($"  {race}: pair F1 {F(f1)}");
        s.AppendLine($"ballot numbers: {NumbersRight}/{NumbersGold} right ({F(NumberAccuracy)})");
        s.AppendLine($"parties: {PartySetsRight}/{MatchedPairs} pairs with exactly the gold set ({F(PartyAccuracy)}); party F1 {F(PartyF1)}");
        s.AppendLine($"votes: {VotesRight}/{VotesGold} right ({F(VotesAccuracy)})");
        s.AppendLine($"planted conflicts flagged: {ConflictsFound}/{ConflictsGold}; conflicts flagged in all: {ConflictsPredicted}");
        foreach (var e in Errors) s.AppendLine($"  - {e}");
        return s.ToString();
    }
}

/// <summary>
/// Scores `races` output against gold race tables. A race matches on type, region code and year; a pair matches when
/// head and deputy are name-compatible (<see cref="NameKeys"/>, with aliases) and each gold pair takes the first free
/// predicted pair that matches. Pair P/R/F1 is micro-averaged over races; numbers, party sets and votes are scored on
/// matched pairs; a planted conflict is found when the race has a conflict of its kind whose message names its subject.
/// </summary>
internal static class RaceScorer
{
    /// <summary>Every <c>*.races.json</c> under <paramref name="folder"/>.</summary>
    public static List<GoldRace> LoadGold(string folder)
    {
        var races = new List<GoldRace>();
        var files = Directory.EnumerateFiles(folder, "*.races.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"No gold race tables (*.races.json) under {folder}.");
        foreach (var file in files)
        {
            GoldRaceFile gold;
            try
            {
                gold = JsonSerializer.Deserialize(File.ReadAllText(file), GoldRaceJsonContext.Default.GoldRaceFile)
                    ?? throw new JsonException("the file holds null");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}: not a gold race table: {ex.Message}", ex);
            }
            races.AddRange(gold.Races);
        }
        return races;
    }

    public static RaceScores Score(IReadOnlyList<GoldRace> gold, IReadOnlyList<Race> predicted)
    {
        int goldPairs = 0, predPairs = predicted.Sum(r => r.Pairs.Count), matched = 0;
        int numbersGold = 0, numbersRight = 0, partySetsRight = 0, partiesGold = 0, partiesPred = 0, partiesMatched = 0;
        int votesGold = 0, votesRight = 0, conflictsGold = 0, conflictsFound = 0;
        var perRace = new List<(string, double)>();
        var errors = new List<string>();
        var usedRaces = new HashSet<Race>();
        foreach (var g in gold)
        {
            goldPairs += g.Pairs.Count;
            conflictsGold += g.Conflicts.Count;
            string name = $"{g.Type}/{g.Region.Code}/{g.Year}";
            var race = predicted.FirstOrDefault(r => r.Type == g.Type && r.RegionCode == g.Region.Code && r.Year == g.Year && !usedRaces.Contains(r));
            if (race is null)
            {
                errors.Add($"{name}: race not found");
                perRace.Add((name, 0));
                continue;
            }
            usedRaces.Add(race);
            var free = race.Pairs.ToList();
            int raceMatched = 0;
            foreach (var gp in g.Pairs)
            {
                var p = free.FirstOrDefault(p => SamePair(gp, p));
                if (p is null) { errors.Add($"{name}: missed pair {gp.Head}-{gp.Deputy}"); continue; }
                free.Remove(p);
                raceMatched++;
                if (gp.Number is int n)
                {
                    numbersGold++;
                    if (p.Number?.Value == n) numbersRight++;
                    else errors.Add($"{name}: {gp.Head} number {p.Number?.Value.ToString(CultureInfo.InvariantCulture) ?? "none"}, gold {n}");
                }
                var gs = new HashSet<string>(gp.Parties, StringComparer.OrdinalIgnoreCase);
                var ps = new HashSet<string>(p.Parties.Select(x => x.Value), StringComparer.OrdinalIgnoreCase);
                partiesGold += gs.Count; partiesPred += ps.Count; partiesMatched += ps.Count(gs.Contains);
                if (gs.SetEquals(ps)) partySetsRight++;
                else errors.Add($"{name}: {gp.Head} parties {string.Join(", ", ps.Order())}, gold {string.Join(", ", gs.Order())}");
                if (gp.Votes is long v)
                {
                    votesGold++;
                    if (p.Votes?.Value == v) votesRight++;
                    else errors.Add($"{name}: {gp.Head} votes {p.Votes?.Value.ToString(CultureInfo.InvariantCulture) ?? "none"}, gold {v}");
                }
            }
            foreach (var p in free) errors.Add($"{name}: spurious pair {RaceBuilder.PairName(p)}");
            matched += raceMatched;
            double prec = race.Pairs.Count == 0 ? 0 : (double)raceMatched / race.Pairs.Count;
            double rec = g.Pairs.Count == 0 ? 1 : (double)raceMatched / g.Pairs.Count;
            perRace.Add((name, prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec)));
            foreach (var c in g.Conflicts)
            {
                if (race.Conflicts.Any(rc => rc.Kind == c.Kind && rc.Message.Contains(c.Subject, StringComparison.OrdinalIgnoreCase))) conflictsFound++;
                else errors.Add($"{name}: planted {c.Kind} conflict on {c.Subject} not flagged");
            }
        }
        foreach (var r in predicted.Where(r => !usedRaces.Contains(r) && r.Pairs.Count > 0))
            errors.Add($"{r.Id}: race not in gold ({r.Pairs.Count} pairs)");
        return new RaceScores(goldPairs, predPairs, matched, numbersGold, numbersRight, partySetsRight, partiesGold, partiesPred,
            partiesMatched, votesGold, votesRight, conflictsGold, conflictsFound, predicted.Sum(r => r.Conflicts.Count), perRace, errors);
    }

    private static string[] Tokens(string name, IReadOnlyList<string>? aliases) => NameKeys.Tokens(new PersonName(name, aliases ?? [], []));

    private static bool SamePair(GoldPair g, RacePair p)
    {
        if (!NameKeys.Compatible(Tokens(g.Head, g.HeadAliases), Tokens(p.Head.Name, p.Head.Aliases))) return false;
        if (g.Deputy is null || p.Deputy is null) return g.Deputy is null && p.Deputy is null;
        return NameKeys.Compatible(Tokens(g.Deputy, g.DeputyAliases), Tokens(p.Deputy.Name, p.Deputy.Aliases));
    }
}
