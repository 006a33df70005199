using NewsExtract.Documents;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Vocabulary;

public class RegionMatchingTests
{
    private static readonly Vocabularies V = Vocabularies.Default;

    private static (Document Doc, List<PhraseMatch> Regions) Regions(string text)
    {
        var doc = Document.Create(text);
        return (doc, V.Matcher.Match(doc).Where(m => m.Category == VocabularyCategory.Region).ToList());
    }

    private static RegionResolution ResolveOnly(string text, string expectedSpan)
    {
        var (doc, regions) = Regions(text);
        var match = Assert.Single(regions);
        Assert.Equal(expectedSpan, match.Text(doc.Text));
        return V.Regions.Resolve(doc, match);
    }

    [Fact]
    public void Every_region_is_found_in_a_pengundian_sentence_and_resolves_to_its_code()
    {
        var failures = new List<string>();
        foreach (var region in V.Regions.Regions)
        {
            string prefix = region.Kind switch { RegionKind.Province => "Provinsi", RegionKind.Regency => "Kabupaten", _ => "Kota" };
            foreach (string form in new[] { $"{prefix} {region.Name}", region.CanonicalName, region.OfficialName })
            {
                if (region.Kind == RegionKind.Province && form == region.OfficialName) continue;
                string sentence = $"KPU {form} menggelar rapat pleno pengundian nomor urut.";
                var (doc, regions) = Regions(sentence);
                var match = regions.SingleOrDefault();
                if (regions.Count != 1 || match.Text(doc.Text) != form) { failures.Add($"{region}: '{form}' found as [{string.Join(", ", regions.Select(m => m.Text(doc.Text)))}]"); continue; }
                var resolved = V.Regions.Resolve(doc, match);
                if (resolved.Region != region) failures.Add($"{region}: '{form}' resolved to {resolved.Region?.ToString() ?? resolved.Warning}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_bare_province_name_resolves_or_is_ambiguous_with_a_city()
    {
        foreach (var province in V.Regions.Regions.Where(r => r.Kind == RegionKind.Province))
        {
            var (doc, regions) = Regions($"Pilgub {province.Name} digelar serentak.");
            var match = Assert.Single(regions);
            var resolved = V.Regions.Resolve(doc, match);
            Assert.Equal(province, resolved.Region);
        }
    }

    [Theory]
    [InlineData("Kab. Blitar", "35.05")]
    [InlineData("Kab Blitar", "35.05")]
    [InlineData("kabupaten Blitar", "35.05")]
    [InlineData("Kota Blitar", "35.72")]
    [InlineData("KOTA PASURUAN", "35.75")]
    [InlineData("Kabupaten Toba Samosir", "12.12")]
    [InlineData("Kota Baubau", "74.72")]
    [InlineData("Kota Bau-Bau", "74.72")]
    [InlineData("Bau-Bau", "74.72")]
    [InlineData("Toli-Toli", "72.04")]
    [InlineData("Tolitoli", "72.04")]
    [InlineData("Jatim", "35")]
    [InlineData("Jawa Timur", "35")]
    [InlineData("Provinsi Jawa Timur", "35")]
    [InlineData("Papua Barat Daya", "96")]
    [InlineData("NTT", "53")]
    [InlineData("DKI Jakarta", "31")]
    [InlineData("Kota Administrasi Jakarta Selatan", "31.74")]
    [InlineData("Jakarta Selatan", "31.74")]
    [InlineData("Ngada", "53.09")]
    [InlineData("Lima Puluh Kota", "13.07")]
    public void Forms_news_use(string form, string code)
    {
        var resolved = ResolveOnly($"Kegiatan di {form} berjalan lancar.", form);
        Assert.Equal(code, resolved.Region?.Code);
    }

    [Theory]
    [InlineData("Wali Kota Blitar", "Blitar", "35.72")]
    [InlineData("Pilwali Blitar", "Blitar", "35.72")]
    [InlineData("Bupati Blitar", "Blitar", "35.05")]
    [InlineData("Pemkab Kediri", "Kediri", "35.06")]
    [InlineData("Pemkot Kediri", "Kediri", "35.71")]
    [InlineData("Polres Pekalongan Kota", "Pekalongan", "33.75")]
    [InlineData("Polres Pekalongan", "Pekalongan", "33.26")]
    [InlineData("Kapolresta Malang Kota", "Malang", "35.73")]
    [InlineData("Pj Wali Kota Bekasi", "Bekasi", "32.75")]
    [InlineData("Gubernur Gorontalo", "Gorontalo", "75")]
    [InlineData("Pemprov Jatim", "Jatim", "35")]
    public void Shared_names_resolve_from_cues(string text, string span, string code)
    {
        var resolved = ResolveOnly($"Menurut {text} kemarin.", span);
        Assert.Equal(code, resolved.Region?.Code);
        Assert.Null(resolved.Warning);
    }

    [Theory]
    [InlineData("Blitar", 2)]
    [InlineData("Gorontalo", 3)]
    [InlineData("Banjar", 2)]
    [InlineData("Yogyakarta", 2)]
    public void Shared_names_without_cue_stay_ambiguous_with_a_warning(string name, int candidates)
    {
        var resolved = ResolveOnly($"Warga {name} menunggu hasil.", name);
        Assert.Null(resolved.Region);
        Assert.Equal(candidates, resolved.Candidates.Count);
        Assert.Contains("ambiguous region", resolved.Warning);
    }

    [Fact]
    public void Province_hint_decides_a_name_shared_across_provinces()
    {
        var (doc, regions) = Regions("Warga Banjar menunggu hasil.");
        var resolved = V.Regions.Resolve(regions[0].EntryId, RegionKinds.None, provinceCode: "63");
        Assert.Equal("63.03", resolved.Region?.Code);
    }

    [Theory]
    [InlineData("Ia jatuh dari batu besar.")]
    [InlineData("Nasib malang menimpanya.")]
    [InlineData("Ia mendaki ke puncak bukit.")]
    public void Lowercase_common_words_are_not_regions(string text) => Assert.Empty(Regions(text).Regions);

    [Fact]
    public void Ambiguous_names_cover_the_known_pairs()
    {
        string[] shared = ["Blitar", "Kediri", "Pasuruan", "Malang", "Bogor", "Bekasi", "Tegal", "Pekalongan", "Magelang", "Madiun",
            "Mojokerto", "Probolinggo", "Cirebon", "Sukabumi", "Tasikmalaya", "Serang", "Tangerang", "Solok", "Bima", "Kupang", "Jayapura",
            "Sorong", "Bandung", "Semarang", "Banjar"];
        foreach (var name in shared)
        {
            var entry = V.Regions.Names.Single(n => n.Form == name);
            Assert.True(entry.IsAmbiguous, name);
            Assert.Contains(entry.Candidates, r => r.Kind == RegionKind.City);
            Assert.Contains(entry.Candidates, r => r.Kind == RegionKind.Regency);
        }
    }
}
