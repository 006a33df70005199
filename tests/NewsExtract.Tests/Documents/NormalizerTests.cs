using System.Text;
using NewsExtract.Documents;

namespace NewsExtract.Tests.Documents;

public class NormalizerTests
{
    [Fact]
    public void Replaces_quotes_dashes_and_exotic_spaces_and_collapses_whitespace()
    {
        var n = TextNormalizer.Normalize("“Kami”\u00A0menang –  kata\tdia\r\n\r\n\r\n\r\nLalu   ‘pergi’.  ");
        Assert.Equal("\"Kami\" menang - kata dia\n\nLalu 'pergi'.", n.Text);
    }

    [Fact]
    public void Maps_every_normalised_offset_back_to_the_input()
    {
        const string input = "  Wali\u00A0Kota  Blitar\r\n\r\nDrs.\u200B Santoso – M.Pd";
        var n = TextNormalizer.Normalize(input);
        Assert.Equal("Wali Kota Blitar\n\nDrs. Santoso - M.Pd", n.Text);
        int i = n.Text.IndexOf("Blitar", StringComparison.Ordinal);
        var (s, e) = n.ToOriginal(i, i + "Blitar".Length);
        Assert.Equal("Blitar", input[s..e]);
        int j = n.Text.IndexOf("Santoso - M.Pd", StringComparison.Ordinal);
        (s, e) = n.ToOriginal(j, j + "Santoso - M.Pd".Length);
        Assert.Equal("Santoso – M.Pd", input[s..e]);
        Assert.Equal(n.Text.IndexOf("Drs.", StringComparison.Ordinal), n.FromOriginal(input.IndexOf("Drs.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Composes_to_nfc_and_maps_composed_characters_to_their_source()
    {
        string decomposed = "Pe\u0301mkot Blitar";
        var n = TextNormalizer.Normalize(decomposed);
        Assert.Equal("Pe\u0301mkot Blitar".Normalize(NormalizationForm.FormC), n.Text);
        int b = n.Text.IndexOf("Blitar", StringComparison.Ordinal);
        var (s, e) = n.ToOriginal(b, b + 6);
        Assert.Equal("Blitar", decomposed[s..e]);
        (s, e) = n.ToOriginal(0, 3);
        Assert.Equal("Pe\u0301m", decomposed[s..e]);
    }

    [Fact]
    public void Keeps_characters_outside_the_basic_plane()
    {
        var n = TextNormalizer.Normalize("Menang 🎉 besar");
        Assert.Equal("Menang 🎉 besar", n.Text);
        var (s, e) = n.ToOriginal(7, 9);
        Assert.Equal("🎉", "Menang 🎉 besar"[s..e]);
    }
}
