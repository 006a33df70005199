using NewsExtract.Ner;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Pipeline;

/// <summary>
/// Adds the entity model's persons, organisations and locations to <see cref="Analysis.Entities"/>
/// (source <see cref="EntitySource.Model"/>, score = the mean probability of the entity's token tags). Needs the
/// document's tokens and sentences; later record rules assemble candidates and officials from these spans.
/// </summary>
internal sealed class NerStage : IStage
{
    private readonly NerModel _model;
    private readonly Vocabularies _vocabularies;

    /// <summary>The stage with the shipped model and vocabularies (both loaded when the stage is made).</summary>
    public NerStage()
        : this(NerModel.Default, Vocabularies.Default)
    {
    }

    public NerStage(NerModel model, Vocabularies vocabularies)
    {
        _model = model;
        _vocabularies = vocabularies;
    }

    public void Process(Analysis analysis, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        analysis.EntityModelRan = true;
        foreach (var span in _model.Tag(analysis.Document, _vocabularies))
        {
            analysis.Entities.Add(new Entity(span.Type, analysis.Text[span.Start..span.End], span.Start, span.End, EntitySource.Model, Math.Round(span.Score, 4)));
            if (span.Type == EntityType.PER) analysis.ModelPersons[span.Start] = span.End;
        }
    }
}
