using NewsExtract.Evaluation;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Corpus;

/// <summary>Splits are by article, complete and disjoint, with no near-duplicate text across them; parties and regions are canonical.</summary>
public class CorpusSplitTests
{
    private static readonly Lazy<GoldCorpus> Gold = new(() => GoldCorpus.Load(RepositoryPaths.Corpus));

    [Fact]
    public void Every_article_is_in_exactly_one_split()
    {
        var corpus = Gold.Value;
        Assert.Equal(GoldCorpus.AllSplitNames.Length, corpus.Splits.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (split, ids) in corpus.Splits)
            foreach (var id in ids)
                Assert.True(seen.TryAdd(id, split), $"{id} is in {seen.GetValueOrDefault(id)} and {split}");
        var all = corpus.Articles.Concat(corpus.Unavailable).ToArray();
        foreach (var article in all)
        {
            Assert.True(seen.ContainsKey(article.Id), $"{article.Id} is in no split (run 'newsextract corpus split')");
            // Real articles (text in the shared data) live in the real splits only, and written ones never there.
            Assert.Equal(article.IsReal, GoldCorpus.RealSplitNames.Contains(seen[article.Id]));
        }
        Assert.Equal(all.Length, seen.Count);
    }

    [Fact]
    public void Splits_are_about_70_15_15()
    {
        var corpus = Gold.Value;
        double total = corpus.Articles.Count(a => !a.IsReal);
        Assert.InRange(corpus.Splits["train"].Count / total, 0.62, 0.78);
        Assert.InRange(corpus.Splits["dev"].Count / total, 0.11, 0.19);
        Assert.InRange(corpus.Splits["test"].Count / total, 0.11, 0.19);
    }

    [Fact]
    public void No_near_duplicate_text_sits_across_splits()
    {
        var corpus = Gold.Value;
        var splitOf = corpus.Splits.SelectMany(kv => kv.Value.Select(id => (id, kv.Key))).ToDictionary(x => x.id, x => x.Key);
        var shingles = corpus.Articles.ToDictionary(a => a.Id, a => Shingles(a.Text));
        var ids = corpus.Articles.Select(a => a.Id).ToArray();
        var offenders = new List<string>();
        for (int i = 0; i < ids.Length; i++)
            for (int j = i + 1; j < ids.Length; j++)
            {
                if (splitOf[ids[i]] == splitOf[ids[j]]) continue;
                var (a, b) = (shingles[ids[i]], shingles[ids[j]]);
                int common = a.Count(b.Contains);
                double jaccard = (double)common / (a.Count + b.Count - common);
                if (jaccard > 0.3) offenders.Add($"{ids[i]} ~ {ids[j]} ({jaccard:F2})");
            }
        Assert.True(offenders.Count == 0, "near-duplicates across splits: " + string.Join(", ", offenders));
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 5 <= words.Length; i++) set.Add(string.Join(' ', words, i, 5));
        return set;
    }

    [Fact]
    public void Parties_are_canonical_short_names()
    {
        var canonical = Vocabularies.Default.Parties.Parties.Select(p => p.Canonical).ToHashSet(StringComparer.Ordinal);
        var wrong = Gold.Value.Articles.SelectMany(a => a.CandidateList.SelectMany(c => c.Parties ?? []).Where(p => !canonical.Contains(p)).Select(p => $"{a.Id}: {p}")).ToList();
        Assert.True(wrong.Count == 0, "non-canonical parties: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Regions_are_canonical_with_their_official_codes()
    {
        var regions = Vocabularies.Default.Regions;
        var wrong = new List<string>();
        foreach (var a in Gold.Value.Articles)
            foreach (var e in a.ElectionList)
            {
                if (e.Region is null) continue;
                var r = e.Region.Code is null ? null : regions.FindByCode(e.Region.Code);
                if (r is null || r.CanonicalName != e.Region.Name || r.ProvinceName != e.Region.Province)
                    wrong.Add($"{a.Id}: {e.Region.Name} ({e.Region.Code}, {e.Region.Province}) vs {r?.CanonicalName} ({r?.ProvinceName})");
            }
        Assert.True(wrong.Count == 0, "non-canonical regions: " + string.Join("; ", wrong));
    }
}
