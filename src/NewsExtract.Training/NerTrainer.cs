using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using NewsExtract.Ner;
using NewsExtract.Vocabulary;

namespace NewsExtract.Training;

/// <summary>Algorithm settings of one training run; every field goes into the metrics file.</summary>
internal sealed record NerTrainingOptions
{
    /// <summary>Feature groups of the model.</summary>
    public NerFeatureGroups Groups { get; init; } = NerFeatureGroups.Lexical | NerFeatureGroups.Vocabulary | NerFeatureGroups.LabelContext;

    /// <summary>A feature seen in fewer training tokens than this is left out of the model.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>The word cluster table of the cluster features (the Clusters group is on exactly when this is set).</summary>
    public WordClusters? Clusters { get; init; }

    /// <summary>The learning algorithm.</summary>
    public NerAlgorithm Algorithm { get; init; } = NerAlgorithm.Sdca;

    /// <summary>SDCA L2 regularisation.</summary>
    public float L2 { get; init; } = 1e-5f;

    /// <summary>SDCA L1 regularisation (zero weights are kept out of the file only when a whole feature row is zero).</summary>
    public float L1 { get; init; }

    /// <summary>Passes over the data (SDCA or perceptron).</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Seed of the ML.NET context (the data shuffle between passes).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Also train on a lowercased and an upper-cased copy of every training text, so that the model does not
    /// depend on capitals (lowercase comments, ALL-CAPS headlines).
    /// </summary>
    public bool CaseCopies { get; init; } = true;

    /// <summary>The same options without the vocabulary features: the training of the no-vocabulary baseline.</summary>
    public NerTrainingOptions WithoutVocabulary() => this with { Groups = Groups & ~NerFeatureGroups.Vocabulary };
}

/// <summary>The learning algorithm of the entity model.</summary>
internal enum NerAlgorithm
{
    /// <summary>Maximum entropy by SDCA (Microsoft.ML), decoded as a maximum-entropy Markov model.</summary>
    Sdca,
    /// <summary>Averaged structured perceptron (<see cref="NerPerceptron"/>), decoded by Viterbi over summed scores.</summary>
    Perceptron,
}

/// <summary>What a training run saw and how long it took.</summary>
internal sealed record NerTrainingInfo(int Articles, int Tokens, int Entities, int CandidateFeatures, int Features, TimeSpan Elapsed);

/// <summary>
/// Trains the entity model: SdcaMaximumEntropy (Microsoft.ML) on one thread with a fixed seed, so the weights are
/// the same on every run; the weights and biases are then copied into a <see cref="NerModel"/>, which the library
/// scores on its own. Only the trainer needs Microsoft.ML.
/// </summary>
internal static class NerTrainer
{
    public const string Algorithm = "SdcaMaximumEntropy (Microsoft.ML 5.0.1), one thread; previous-tag features (MEMM) when LabelContext is on";
    public const string PerceptronAlgorithm = "averaged structured perceptron (NewsExtract.Training, no library), sentences shuffled by the seed each pass; previous-tag features as tag-bigram weights when LabelContext is on";

    /// <summary>The algorithm line of the metrics file.</summary>
    public static string Describe(NerTrainingOptions options) => options.Algorithm == NerAlgorithm.Perceptron ? PerceptronAlgorithm : Algorithm;

    private sealed class Row
    {
        // LoadFromEnumerable takes a key property as the 0-based class index (it stores index + 1 internally).
        [KeyType(NerTags.Count)]
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    public static NerModel Train(IReadOnlyList<NerExample> examples, NerTrainingOptions options, Vocabularies vocabularies, out NerTrainingInfo info)
    {
        var clock = Stopwatch.StartNew();
        var matrices = examples.Select(e => NerFeatures.Extract(e.Document, options.Groups, vocabularies, options.Clusters)).ToArray();

        // The feature dictionary: every hash seen in at least MinFeatureCount training tokens, in ascending order.
        bool context = (options.Groups & NerFeatureGroups.LabelContext) != 0;
        var tokenFeatures = new List<uint[]>();
        var tokenRendering = new List<int>();
        for (int e = 0; e < examples.Count; e++)
        {
            var m = matrices[e];
            var label = new uint[NerFeatures.LabelFeatureCount];
            for (int t = 0; t < m.TokenCount; t++)
            {
                // Label context is learnt from the gold tag of the previous token (teacher forcing).
                if (context) NerFeatures.LabelFeatures(m, t, m.SegmentStarts[t] ? NerTags.Count : (int)examples[e].Tags[t - 1], label);
                tokenFeatures.Add(context ? [.. m.Of(t), .. label] : m.Of(t).ToArray());
                tokenRendering.Add(examples[e].Rendering);
            }
        }
        // Counted per rendering (as written, lowercased, upper-cased copies): a feature is kept when one rendering
        // alone sees it MinFeatureCount times, so case copies do not let every feature seen once through.
        var counts = new Dictionary<(int Rendering, uint Hash), int>();
        for (int i = 0; i < tokenFeatures.Count; i++)
            foreach (uint h in tokenFeatures[i].Distinct())
                counts[(tokenRendering[i], h)] = counts.GetValueOrDefault((tokenRendering[i], h)) + 1;
        var kept = counts.Where(kv => kv.Value >= options.MinFeatureCount).Select(kv => kv.Key.Hash).Distinct().ToArray();
        int seen = counts.Keys.Select(k => k.Hash).Distinct().Count();
        Array.Sort(kept);
        var index = new Dictionary<uint, int>(kept.Length);
        for (int i = 0; i < kept.Length; i++) index[kept[i]] = i;
        if (options.Algorithm == NerAlgorithm.Perceptron)
        {
            var (averaged, bias) = NerPerceptron.Train(examples, matrices, index, options);
            return Pack(examples, options, kept, averaged, bias, tokenFeatures.Count, seen, clock, NerDecoding.GlobalScores, out info);
        }

        var rows = new List<Row>(tokenFeatures.Count);
        int row = 0;
        for (int e = 0; e < examples.Count; e++)
        {
            for (int t = 0; t < examples[e].Tags.Length; t++)
            {
                var features = tokenFeatures[row++];
                var indices = new List<int>(features.Length);
                foreach (uint h in features)
                    if (index.TryGetValue(h, out int f)) indices.Add(f);
                indices.Sort();
                var unique = indices.Distinct().ToArray();
                var values = new float[unique.Length];
                Array.Fill(values, 1f);
                rows.Add(new Row { Label = (uint)examples[e].Tags[t], Features = new VBuffer<float>(kept.Length, unique.Length, values, unique) });
            }
        }

        var ml = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, kept.Length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            NumberOfThreads = 1,
            L2Regularization = options.L2,
            L1Regularization = options.L1,
            MaximumNumberOfIterations = options.Iterations,
        });
        var parameters = trainer.Fit(data).Model;

        VBuffer<float>[] weightRows = [];
        parameters.GetWeights(ref weightRows, out int classes);
        if (classes != NerTags.Count)
            throw new InvalidOperationException($"The trainer produced {classes} classes; the model format needs {NerTags.Count}.");
        var biases = parameters.GetBiases().ToArray();

        // ML.NET gives one weight vector per class; the model file keeps one row per feature. Rows that are zero for
        // every class (possible with L1) are dropped.
        var dense = new float[kept.Length * classes];
        for (int k = 0; k < classes; k++)
        {
            var vector = weightRows[k];
            var values = vector.GetValues();
            if (vector.IsDense)
                for (int f = 0; f < values.Length; f++) dense[f * classes + k] = values[f];
            else
            {
                var idx = vector.GetIndices();
                for (int j = 0; j < idx.Length; j++) dense[idx[j] * classes + k] = values[j];
            }
        }
        return Pack(examples, options, kept, dense, biases, rows.Count, seen, clock, NerDecoding.LocalProbabilities, out info);
    }

    // The model of a weight table (one row of NerTags.Count weights per kept feature), rounded as the file stores it.
    private static NerModel Pack(IReadOnlyList<NerExample> examples, NerTrainingOptions options, uint[] kept, float[] dense, float[] biases,
        int tokens, int seen, Stopwatch clock, NerDecoding decoding, out NerTrainingInfo info)
    {
        const int classes = NerTags.Count;
        var hashes = new List<uint>(kept.Length);
        var weights = new List<float>(dense.Length);
        for (int f = 0; f < kept.Length; f++)
        {
            var w = dense.AsSpan(f * classes, classes);
            if (!w.ContainsAnyExcept(0f)) continue;
            bool zero = true;
            foreach (float x in w) zero &= NerModel.Stored(x) == 0f;
            if (zero) continue;
            hashes.Add(kept[f]);
            // Rounded as the file stores them, so the model measured here is the model written.
            foreach (float x in w) weights.Add(NerModel.Stored(x));
        }
        info = new NerTrainingInfo(examples.Count, tokens, examples.Sum(e => e.Tags.Count(NerTags.IsBegin)), seen, hashes.Count, clock.Elapsed);
        return new NerModel(options.Groups, hashes.ToArray(), weights.ToArray(), biases.Select(NerModel.Stored).ToArray(), decoding, options.Clusters);
    }
}
