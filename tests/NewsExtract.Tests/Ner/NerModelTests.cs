using NewsExtract.Documents;
using NewsExtract.Ner;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Ner;

public class NerModelTests
{
    [Fact]
    public void FeatureHashIsFnv1aOverUtf16()
    {
        // FNV-1a 32-bit of "a" (one UTF-16 unit 0x0061): the published test vector for the byte 0x61.
        Assert.Equal(0xE40C292Cu, FeatureHash.Of("a"));
        Assert.Equal(FeatureHash.Of("Blitar"), FeatureHash.Of("Blitar".AsSpan()));
    }

    [Fact]
    public void ShippedModelLoadsAndFindsNamesInAnArticle()
    {
        var model = NerModel.Default;
        Assert.True(model.FeatureCount > 10_000);
        Assert.True((model.Groups & NerFeatureGroups.Vocabulary) != 0);
        var document = Document.Create("Blitar (ANTARA) - Ketua KPU Kota Blitar Choirul Umam mengatakan pasangan Santoso-Tjutjuk mendapat nomor urut 2 dalam rapat pleno di Hotel Puri Perdana, Kamis (24/9/2020).");
        var spans = model.Tag(document);
        var found = spans.Select(s => (s.Type, document.Text[s.Start..s.End])).ToList();
        Assert.Contains((EntityType.PER, "Choirul Umam"), found);
        Assert.Contains((EntityType.ORG, "KPU Kota Blitar"), found);
        Assert.Contains((EntityType.PER, "Santoso"), found);
        Assert.Contains((EntityType.PER, "Tjutjuk"), found);
        Assert.All(spans, s => Assert.InRange(s.Score, 0.0, 1.0));
    }

    [Fact]
    public void ModelFileRoundTripsByteForByte()
    {
        var model = new NerModel(NerFeatureGroups.Lexical, [3u, 10u, 99u], Enumerable.Range(0, 21).Select(i => i * 0.5f).ToArray(), [0, 1, 2, 3, 4, 5, 6]);
        using var first = new MemoryStream();
        model.Write(first);
        first.Position = 0;
        var read = NerModel.Read(first, "test");
        using var second = new MemoryStream();
        read.Write(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(1, read.IndexOf(10u));
        Assert.Equal(-1, read.IndexOf(11u));
    }

    [Fact]
    public void ModelFilesOfFormatOneWithFullFloatsAreStillRead()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("NXNER"u8);
            w.Write((byte)1);
            w.Write((byte)NerFeatureGroups.Lexical);
            w.Write(NerTags.Count);
            foreach (var name in NerTags.Names) w.Write(name);
            w.Write(2);
            w.Write(5u);
            w.Write(9u);
            for (int k = 0; k < NerTags.Count; k++) w.Write(k * 0.1f);
            for (int i = 0; i < 2 * NerTags.Count; i++) w.Write(1f / 3 + i);
        }
        buffer.Position = 0;
        var model = NerModel.Read(buffer, "old.bin");
        Assert.Equal(2, model.FeatureCount);
        Assert.Equal(1f / 3 + 8, model.Weights[8]);   // full precision kept when read
        Assert.Equal(0.1f, model.Biases[1]);
        // Written again, it takes the current format: half floats.
        using var rewritten = new MemoryStream();
        model.Write(rewritten);
        rewritten.Position = 0;
        var reread = NerModel.Read(rewritten, "new.bin");
        Assert.Equal(NerModel.Stored(1f / 3 + 8), reread.Weights[8]);
        Assert.True(rewritten.Length < buffer.Length);
    }

    [Fact]
    public void CorruptModelFileFailsWithItsName()
    {
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(new MemoryStream("NOTAMODEL"u8.ToArray()), "broken.bin"));
        Assert.Contains("broken.bin", ex.Message);
    }

    [Fact]
    public void DecoderNeverStartsWithInsideOrSwitchesTypeInside()
    {
        // Per-token probabilities that would, taken alone, give I-PER first and I-ORG after B-PER.
        const int K = NerTags.Count;
        var conditional = new float[2 * BioDecoder.Contexts * K];
        void Row(int i, int p, NerTag best) { for (int k = 0; k < K; k++) conditional[(i * BioDecoder.Contexts + p) * K + k] = k == (int)best ? 0.6f : 0.4f / (K - 1); }
        Row(0, K, NerTag.IPer);
        for (int p = 0; p < K; p++) Row(1, p, NerTag.IOrg);
        var tags = new NerTag[2];
        var chosen = new float[2];
        BioDecoder.Decode(conditional, 2, tags, chosen);
        Assert.False(NerTags.IsInside(tags[0]));
        Assert.True(NerTags.Allowed(tags[0], tags[1]));
    }

    [Fact]
    public void StageAddsModelEntitiesWithScores()
    {
        var document = Document.Create("Pasangan Santoso-Tjutjuk diusung PDIP dan Gerindra di Kota Blitar.");
        var analysis = new Analysis(document, new SourceInfo(), null);
        new NerStage(NerModel.Default, Vocabularies.Default).Process(analysis, CancellationToken.None);
        Assert.NotEmpty(analysis.Entities);
        Assert.All(analysis.Entities, e =>
        {
            Assert.Equal(EntitySource.Model, e.Source);
            Assert.Equal(document.Text[e.Start..e.End], e.Text);
            Assert.InRange(e.Score, 0.0, 1.0);
        });
        Assert.Contains(analysis.Entities, e => e.Type == EntityType.ORG && e.Text == "PDIP");
    }

    [Fact]
    public void GoldSpansAreAlignedOrCountedNeverDropped()
    {
        var corpus = NewsExtract.Evaluation.GoldCorpus.Load(RepositoryPaths.Corpus);
        var (examples, alignment) = NerGold.Align(corpus.Articles);
        Assert.Equal(corpus.Articles.Sum(a => a.EntityList.Count), alignment.Total);
        Assert.Equal(alignment.Snapped + alignment.Skipped, alignment.Problems.Count);
        // Nearly all spans fall on token boundaries; a jump here means the tokenizer or the annotations changed.
        Assert.True(alignment.Aligned >= 0.99 * alignment.Total, alignment.ToString());
        Assert.Equal(corpus.Articles.Count, examples.Count);
    }
}
