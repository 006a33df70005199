using System.Text.RegularExpressions;
using NewsExtract.Evaluation;
using NewsExtract.Records;

namespace NewsExtract.Tests.Corpus;

/// <summary>Checks every annotation of the corpus against corpus/GUIDELINES.md.</summary>
public class CorpusAnnotationTests
{
    private static readonly Lazy<GoldCorpus> Gold = new(() => GoldCorpus.Load(RepositoryPaths.Corpus));

    private static readonly HashSet<string> Stories =
    [
        "pendaftaran", "penetapan", "pengundian", "kampanye", "debat", "pemungutan", "rekapitulasi", "sengketa", "psu",
        "pelantikan", "logistik", "daftar-pemilih", "sosialisasi", "pengawasan", "profil", "survei", "non-election",
    ];

    private static readonly HashSet<string> Styles = ["wire", "portal", "regional", "press-release", "tabloid", "blog"];

    private static readonly HashSet<string> Events =
    [
        "pendaftaran", "penetapan", "pengundian", "kampanye", "debat", "pemungutan", "rekapitulasi", "pengumuman", "sidang",
        "putusan", "psu", "pelantikan", "rapat", "sosialisasi", "distribusi",
    ];

    public static TheoryData<string> ArticleIds()
    {
        var data = new TheoryData<string>();
        foreach (var a in Gold.Value.Articles) data.Add(a.Id);
        return data;
    }

    private static GoldArticle Article(string id) => Gold.Value.Articles.Single(a => a.Id == id);

    [Fact]
    public void The_corpus_holds_the_seeds_and_written_articles()
    {
        Assert.Equal(5, Gold.Value.Articles.Count(a => a.Id.StartsWith("seed-", StringComparison.Ordinal)));
        Assert.True(Gold.Value.Articles.Count >= 5);
    }

    [Theory]
    [MemberData(nameof(ArticleIds))]
    public void Entity_spans_match_the_text_and_do_not_overlap(string id)
    {
        var a = Article(id);
        Assert.NotEmpty(a.Text);
        int lastEnd = -1;
        foreach (var e in a.EntityList.OrderBy(e => e.Start))
        {
            Assert.True(e.Start >= 0 && e.End <= a.Text.Length && e.Start < e.End, $"{id}: entity {e} outside the text");
            Assert.Equal(e.Text, a.Text[e.Start..e.End]);
            Assert.True(e.Start >= lastEnd, $"{id}: entity {e} overlaps the previous one");
            Assert.Equal(e.Text.Trim(), e.Text);
            lastEnd = e.End;
        }
    }

    [Theory]
    [MemberData(nameof(ArticleIds))]
    public void Dates_and_figures_point_at_their_text(string id)
    {
        var a = Article(id);
        foreach (var d in a.DateList)
        {
            Assert.True(d.Start >= 0 && d.End <= a.Text.Length && d.Start < d.End, $"{id}: date {d} outside the text");
            Assert.Equal(d.Text, a.Text[d.Start..d.End]);
            Assert.True(d.Event is null || Events.Contains(d.Event), $"{id}: unknown event '{d.Event}'");
            Assert.InRange(d.Date.Year, 1945, 2030);
        }
        foreach (var f in a.FigureList)
        {
            Assert.True(f.Start >= 0 && f.End <= a.Text.Length && f.Start < f.End, $"{id}: figure {f} outside the text");
            Assert.Equal(f.Text, a.Text[f.Start..f.End]);
            Assert.True(f.Value >= 0, $"{id}: negative figure {f}");
        }
    }

    [Theory]
    [MemberData(nameof(ArticleIds))]
    public void Records_follow_the_guidelines(string id)
    {
        var a = Article(id);
        Assert.NotNull(a.Source);
        Assert.NotNull(a.Meta);
        Assert.True(a.Meta!.Story is not null && Stories.Contains(a.Meta.Story), $"{id}: unknown story '{a.Meta.Story}'");
        Assert.True(a.Meta.Style is not null && Styles.Contains(a.Meta.Style), $"{id}: unknown style '{a.Meta.Style}'");
        Assert.DoesNotContain("[[", a.Source!.Title ?? "");
        Assert.DoesNotContain("[[", a.Text);

        foreach (var e in a.ElectionList)
        {
            if (e.Type is ElectionType.Presiden or ElectionType.Dpr) continue;
            Assert.NotNull(e.Region);
            Assert.Matches(new Regex(@"^(Kota|Kabupaten|Provinsi) \S"), e.Region!.Name);
            Assert.Matches(new Regex(@"^\d{2}(\.\d{2})?$"), e.Region.Code ?? "");
            Assert.Equal(e.Region.Name.StartsWith("Provinsi", StringComparison.Ordinal), e.Region.Code!.Length == 2);
        }
        foreach (var c in a.CandidateList)
        {
            Assert.NotNull(c.Head);
            Assert.False(string.IsNullOrWhiteSpace(c.Head.Name), $"{id}: a pair without a head name");
            foreach (var p in new[] { c.Head, c.Deputy })
            {
                if (p is null) continue;
                foreach (var t in p.Titles ?? [])
                    Assert.DoesNotContain(t, p.Name.Split(' '));
            }
            if (c.Election is int i) Assert.InRange(i, 0, a.ElectionList.Count - 1);
            if (c.Number is int n) Assert.InRange(n, 1, 20);
        }
        foreach (var o in a.OfficialList)
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Name), $"{id}: an official without a name");
            Assert.NotNull(o.Sector);
        }
    }
}
