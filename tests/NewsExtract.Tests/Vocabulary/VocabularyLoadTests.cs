using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Vocabulary;

public class VocabularyLoadTests
{
    private static readonly Vocabularies V = Vocabularies.Default;

    [Fact]
    public void Counts_match_idn_area_data_4_0_1()
    {
        Assert.Equal(38, V.Regions.ProvinceCount);
        Assert.Equal(514, V.Regions.RegencyAndCityCount);
        Assert.Equal(416, V.Regions.Regions.Count(r => r.Kind == RegionKind.Regency));
        Assert.Equal(98, V.Regions.Regions.Count(r => r.Kind == RegionKind.City));
    }

    [Theory]
    [InlineData("35.72", "Kota Blitar", "Jawa Timur")]
    [InlineData("35.05", "Kabupaten Blitar", "Jawa Timur")]
    [InlineData("53.09", "Kabupaten Ngada", "Nusa Tenggara Timur")]
    [InlineData("53", "Provinsi Nusa Tenggara Timur", "Nusa Tenggara Timur")]
    [InlineData("96", "Provinsi Papua Barat Daya", "Papua Barat Daya")]
    [InlineData("12.12", "Kabupaten Toba", "Sumatera Utara")]
    public void Region_lookup_by_code(string code, string canonical, string province)
    {
        var region = V.Regions.FindByCode(code);
        Assert.NotNull(region);
        Assert.Equal(canonical, region.CanonicalName);
        Assert.Equal(province, region.ProvinceName);
    }

    [Fact]
    public void Every_canonical_party_of_the_gold_exists()
    {
        string[] gold = ["PDIP", "Gerindra", "Golkar", "PKB", "NasDem", "PKS", "Demokrat", "PAN", "PPP", "PSI", "Perindo", "Hanura",
            "PBB", "Gelora", "Buruh", "Ummat", "PKN", "Garuda", "Prima", "PKPI", "Berkarya", "Partai Aceh", "PNA", "PAS Aceh", "PDA",
            "SIRA", "Partai Gabthat"];
        foreach (var name in gold) Assert.NotNull(V.Parties.Find(name));
        Assert.Equal(gold.Length, V.Parties.Parties.Count);
    }

    [Fact]
    public void Coalition_members_are_parties()
    {
        var kim = V.Parties.Coalitions.Single(c => c.Canonical == "KIM");
        Assert.Contains(kim.Members, p => p.Canonical == "Gerindra");
    }

    [Theory]
    [InlineData("Kapolresta", "Polresta", "Police")]
    [InlineData("Dandim", "Kodim", "Military")]
    [InlineData("Mendagri", "Kementerian Dalam Negeri", "Government")]
    [InlineData("Pangdam", "Kodam", "Military")]
    public void Fused_office_words_map_to_their_institution(string word, string stem, string sector)
    {
        int id = V.EntryOf(word, VocabularyCategory.Office);
        Assert.True(id >= 0, word);
        var office = V.Institutions.Office(id);
        Assert.Equal(stem, office.Institution?.Stem);
        Assert.Equal(Enum.Parse<Sector>(sector), office.Sector);
    }

    [Fact]
    public void Mendagri_role_is_spelled_out()
    {
        var office = V.Institutions.Office(V.EntryOf("Menteri Dalam Negeri", VocabularyCategory.Office));
        Assert.Equal("Menteri Dalam Negeri", office.Role);
        Assert.Equal(office, V.Institutions.Office(V.EntryOf("Mendagri", VocabularyCategory.Office)));
    }

    [Theory]
    [InlineData("Mm", "MM", "Degree")]
    [InlineData("M.M.", "MM", "Degree")]
    [InlineData("S.H.", "S.H.", "Degree")]
    [InlineData("SH", "S.H.", "Degree")]
    [InlineData("M.Pd", "M.Pd", "Degree")]
    [InlineData("dr.", "dr.", "Honorific")]
    [InlineData("Dr.", "Dr.", "Honorific")]
    [InlineData("Drs.", "Drs.", "Honorific")]
    [InlineData("AKBP", "AKBP", "Rank")]
    [InlineData("Letkol", "Letkol", "Rank")]
    [InlineData("Arh.", "Arh.", "Corps")]
    public void Titles_have_a_canonical_form(string text, string canonical, string kind)
    {
        int id = V.EntryOf(text, VocabularyCategory.Title);
        Assert.True(id >= 0, text);
        Assert.Equal(canonical, V.Titles.Title(id).Canonical);
        Assert.Equal(Enum.Parse<TitleKind>(kind), V.Titles.Title(id).Kind);
    }

    [Theory]
    [InlineData("dua", 2, "Cardinal")]
    [InlineData("sepuluh", 10, "Cardinal")]
    [InlineData("tujuh belas", 17, "Cardinal")]
    [InlineData("sembilan puluh sembilan", 99, "Cardinal")]
    [InlineData("seratus", 100, "Cardinal")]
    [InlineData("juta", 1000000, "Multiplier")]
    [InlineData("pertama", 1, "Ordinal")]
    [InlineData("kesatu", 1, "Ordinal")]
    [InlineData("kedua", 2, "Ordinal")]
    [InlineData("kedua belas", 12, "Ordinal")]
    public void Number_words(string text, long value, string kind)
    {
        int id = V.EntryOf(text, VocabularyCategory.Number);
        Assert.True(id >= 0, text);
        Assert.Equal(value, V.Numbers.Word(id).Value);
        Assert.Equal(Enum.Parse<NumberWordKind>(kind), V.Numbers.Word(id).Kind);
    }

    [Theory]
    [InlineData("Januari", 1)]
    [InlineData("Agt", 8)]
    [InlineData("Agus", 8)]
    [InlineData("Sept", 9)]
    [InlineData("Des", 12)]
    [InlineData("Nopember", 11)]
    [InlineData("December", 12)]
    public void Months(string text, int number) =>
        Assert.Equal(number, V.Calendar.Month(V.EntryOf(text, VocabularyCategory.Month)).Number);

    [Theory]
    [InlineData("Senin", 1)]
    [InlineData("Jumat", 5)]
    [InlineData("Jum'at", 5)]
    [InlineData("Ahad", 7)]
    [InlineData("Minggu", 7)]
    public void Weekdays(string text, int number) =>
        Assert.Equal(number, V.Calendar.Weekday(V.EntryOf(text, VocabularyCategory.Weekday)).Number);

    [Fact]
    public void Lowercase_minggu_is_a_week_not_a_weekday() =>
        Assert.Equal(-1, V.EntryOf("minggu", VocabularyCategory.Weekday));
}
