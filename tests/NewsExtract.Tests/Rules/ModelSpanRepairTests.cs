using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Rules;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Rules;

/// <summary>
/// The model reads "Ketua Umum Golkar Airlangga Hartarto" as one organisation on real news; the repair step cuts
/// body and holder apart, and leaves bodies named after people or places alone. Each case hands the step the span
/// the model gave (written in brackets in the text) so the rule is tested whatever the shipped model does.
/// </summary>
public class ModelSpanRepairTests
{
    private static List<Entity> Repair(string bracketed, params string[] persons)
    {
        int open = bracketed.IndexOf('['), close = bracketed.IndexOf(']');
        string text = bracketed.Remove(close, 1).Remove(open, 1);
        var analysis = new Analysis(Document.Create(text), new SourceInfo(), null);
        new GazetteerStage(Vocabularies.Default).Process(analysis, CancellationToken.None);
        analysis.EntityModelRan = true;
        analysis.Entities.Add(new Entity(EntityType.ORG, text[open..(close - 1)], open, close - 1, EntitySource.Model, 0.9));
        foreach (var p in persons)
        {
            int at = text.LastIndexOf(p, StringComparison.Ordinal);
            analysis.Entities.Add(new Entity(EntityType.PER, p, at, at + p.Length, EntitySource.Model, 0.9));
        }
        new ModelSpanRepairStage(Vocabularies.Default).Process(analysis, CancellationToken.None);
        Assert.All(analysis.Entities, e => Assert.Equal(text[e.Start..e.End], e.Text));
        return analysis.Entities.Where(e => e.Source == EntitySource.Model).ToList();
    }

    private static string Show(List<Entity> entities) => string.Join(" | ", entities.OrderBy(e => e.Start).Select(e => $"{e.Type} {e.Text}"));

    [Theory]
    [InlineData("Ketua Umum [Golkar Airlangga Hartarto] menyatakan dukungannya.", "ORG Golkar | PER Airlangga Hartarto")]
    [InlineData("Wakil Sekretaris Jenderal [PKS Mardani Ali Sera] mengatakan hal itu.", "ORG PKS | PER Mardani Ali Sera")]
    [InlineData("Ketua [Majelis Hakim Sumpeno] membacakan putusan.", "PER Sumpeno")]
    [InlineData("Panglima [TNI Jenderal] Gatot Nurmantyo hadir.", "ORG TNI")]
    public void Cuts_a_body_from_its_holder(string text, string expected) => Assert.Equal(expected, Show(Repair(text)));

    [Fact]
    public void A_name_seen_elsewhere_as_a_person_is_evidence_without_a_role()
    {
        var entities = Repair("Sikap [DPR Setya Novanto] dipertanyakan. Setya menolak berkomentar.", "Setya");
        Assert.Equal("ORG DPR | PER Setya Novanto | PER Setya", Show(entities));
        entities = Repair("Menurut peneliti [LIPI Jaleswari Pramodhawardani] gagasan itu baik, kata Jaleswari.", "Jaleswari");
        Assert.Equal("ORG LIPI | PER Jaleswari Pramodhawardani | PER Jaleswari", Show(entities));
    }

    [Theory]
    [InlineData("Pasien dirujuk ke [RSUP Dr. Sardjito] di Yogyakarta.")]            // a body named after a titled person
    [InlineData("Berkat laporan Ketua [PPS Singkoyo], I Ketut Suweca, petugas bekerja.")] // the holder follows the comma
    [InlineData("Ia kuliah di [UIN Syarif Hidayatullah] sejak 2010.")]                 // no role, no person elsewhere
    [InlineData("Rapat digelar di kantor [DPP BMI] kemarin.")]                        // two bodies in capitals
    [InlineData("Kader [Partai Golkar Wilayah Indonesia] bersiap.")]                   // no name at the end
    public void Leaves_bodies_that_are_not_body_and_holder(string text)
    {
        var entities = Repair(text);
        Assert.Single(entities);
        Assert.Equal(EntityType.ORG, entities[0].Type);
    }
}

/// <summary>Later one-word mentions of a person named in full are that person (EntityStage).</summary>
public class ShortMentionTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    [Fact]
    public void A_word_of_a_full_name_standing_alone_is_the_person()
    {
        const string text = "Debat dipandu Ira Koesno di Hotel Bidakara. Menurut Ira, debat berjalan tertib.";
        var r = Extractor.Extract(text);
        Assert.Contains(r.Entities, e => e.Type == EntityType.PER && e.Text == "Ira" && e.Start == text.LastIndexOf("Ira", StringComparison.Ordinal));
    }

    [Fact]
    public void Everyday_words_and_words_inside_longer_names_are_not()
    {
        // "Ira Wibowo" is another name; "Bidakara" belongs to no person.
        const string text = "Debat dipandu Ira Koesno di Hotel Bidakara. Ira Wibowo juga hadir.";
        var r = Extractor.Extract(text);
        Assert.DoesNotContain(r.Entities, e => e.Type == EntityType.PER && e.Text == "Ira" && e.Start == text.LastIndexOf("Ira", StringComparison.Ordinal) && e.End - e.Start == 3);
    }
}

/// <summary>A pair in brackets right after a pair is its short form: one pair, not two (CandidateStage).</summary>
public class BracketPairTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    [Fact]
    public void The_bracketed_short_form_and_its_later_mentions_are_one_pair()
    {
        var r = Extractor.Extract("Pasangan Yohanis Fransiskus Lema-Jane Natalia Suryanto (Ansy-Jane) maju di Pilgub NTT. Ansy-Jane No 1, Melky-Johni No 2.");
        var pair = Assert.Single(r.Candidates, c => c.Deputy?.Name == "Jane Natalia Suryanto");
        Assert.Equal("Yohanis Fransiskus Lema", pair.Head.Name);
        Assert.Contains("Ansy", pair.Head.Aliases);
        Assert.Equal(1, pair.Number);
        Assert.Equal(2, r.Candidates.Count);
    }

    [Fact]
    public void A_bracket_that_is_no_pair_of_names_changes_nothing()
    {
        var r = Extractor.Extract("Pasangan Yohanis Fransiskus Lema-Jane Natalia Suryanto (nomor urut 1) maju di Pilgub NTT.");
        var pair = Assert.Single(r.Candidates);
        Assert.Empty(pair.Head.Aliases);
    }
}
