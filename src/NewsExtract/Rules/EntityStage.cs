using NewsExtract.Pipeline;
using NewsExtract.Records;

namespace NewsExtract.Rules;

/// <summary>
/// Settles the entity layer: persons found by the candidate and official rules join the proposals, and where
/// proposals overlap the stronger source wins (model, then rule, then gazetteer; a longer span before a shorter
/// one of the same source). Gazetteer proposals count only in a pipeline without the entity model. The result never
/// has overlapping entities.
/// </summary>
internal sealed class EntityStage : IStage
{
    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        foreach (var (start, end) in a.PersonSpans.Distinct())
            a.Entities.Add(new Entity(EntityType.PER, a.Text[start..end], start, end, EntitySource.Rule, 0.85));
        var ordered = a.Entities
            .OrderBy(e => Rank(e.Source))
            .ThenByDescending(e => e.End - e.Start)
            .ThenBy(e => e.Start)
            .ToList();
        var kept = new List<Entity>();
        // One flag per character taken by a kept entity: the overlap check costs the span's length, not the number
        // of entities kept so far (a scan of all kept spans made a page of 100,000 names quadratic).
        var taken = new bool[a.Text.Length];
        foreach (var e in ordered)
        {
            // With the model in the pipeline a vocabulary match it left untagged stays out: the model has read the
            // context ("petugas PPS", "warga Jakarta" inside a longer name) and the gazetteer has not.
            if (a.EntityModelRan && e.Source == EntitySource.Gazetteer) continue;
            if (e.Start >= e.End) continue; // an empty span names nothing
            var span = taken.AsSpan(e.Start, e.End - e.Start);
            if (span.Contains(true)) continue;
            span.Fill(true);
            kept.Add(e);
        }
        a.Entities.Clear();
        a.Entities.AddRange(kept.OrderBy(e => e.Start));
    }

    private static int Rank(EntitySource source) => source switch
    {
        EntitySource.Model => 0,
        EntitySource.Rule => 1,
        _ => 2,
    };
}
