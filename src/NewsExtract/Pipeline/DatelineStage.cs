using System.Text.RegularExpressions;
using NewsExtract.Common;
using NewsExtract.Records;

namespace NewsExtract.Pipeline;

/// <summary>
/// Reads the dateline that opens many news texts and fills <see cref="SourceInfo.Dateline"/> and, when the
/// source does not name one, <see cref="SourceInfo.Outlet"/>:
/// "Semarang (ANTARA) -", "Pekalongan, ERANASIONAL.COM –", "KOTA PASURUAN, BANGSAONLINE.com -",
/// "Kediri, rakyatindonesia.com –", "JAKARTA, KOMPAS.com -", "Ambon, Kabar Timur -", "JAKARTA (Pos Kota) -Ketua";
/// and a lone lead word before a dash at the very start: an outlet ("Suara.com -", "Merdeka.com -", "Rimanews -"), a
/// place ("JAKARTA –Pemilu") or a section label that is neither ("OPINI -", "ANALISIS –"; language/section-labels.txt).
/// </summary>
internal sealed partial class DatelineStage : IStage
{
    // Place: one to four capitalised words. Outlet: in brackets, or a word with a domain, or up to three capitalised words,
    // followed by a dash. The whole dateline sits at the start of a paragraph, within its first 80 characters.
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*){0,3})(?:,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}(?=\s*\())?\s*(?:,\s*(?<outlet>[\p{L}\p{N}][\p{L}\p{N}.\-]*(?:\.(?:com|co\.id|id|net|org|news|tv)|[\p{L}\p{N}]*)(?: [\p{Lu}][\p{L}\p{N}.]*){0,2})|\((?<outlet>[^()\n]{2,30})\))\s*[-–—]{1,2}(?:\s|(?=\p{Lu}))",
        RegexOptions.CultureInvariant | RegexOptions.Multiline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Dateline();

    // "Rimanews - Calon ...", "Suara.com -  \"Ada ...", "JAKARTA –Pemilu ...": one word (a domain allowed) opening the text,
    // a space before the dash ("Lewi-Jafar No 1" is a pair label).
    [GeneratedRegex(@"\A\s*(?<lead>\p{L}[\p{L}\p{N}]*(?:\.(?:com|co\.id|id|net|org|news|tv))?)\s+[-–—]{1,2}\s*(?=[""“\p{Lu}])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LoneLead();

    private static readonly Lazy<HashSet<string>> SectionLabels = new(() =>
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTsv.Read("language/section-labels.txt", 1, 1))
            if (!set.Add(row[0])) throw row.Error($"'{row[0]}' is listed twice.");
        return set;
    });

    private static readonly Lazy<HashSet<string>> PlaceNames = new(() =>
        Vocabulary.Vocabularies.Default.Regions.Names.Select(n => n.Form).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public void Process(Analysis analysis, CancellationToken cancellationToken)
    {
        if (Find(analysis.Text) is not { } found) return;
        analysis.Dateline = found;
        string text = analysis.Text;
        analysis.Source = analysis.Source with
        {
            Dateline = analysis.Source.Dateline ?? (IsEmpty(found.Place) ? null : Tidy(text[found.Place])),
            Outlet = analysis.Source.Outlet ?? (IsEmpty(found.Outlet) ? null : text[found.Outlet].Trim()),
        };
    }

    /// <summary>
    /// The character ranges of the dateline's place and outlet in a text (either may be empty: "Rimanews -" has no
    /// place, "JAKARTA –" no outlet), or null without a dateline. The entity model reads them as features too.
    /// </summary>
    public static (Range Place, Range Outlet)? Find(string text)
    {
        var lone = LoneLead().Match(text.Length > 200 ? text[..200] : text);
        if (lone.Success)
        {
            var lead = lone.Groups["lead"];
            var range = new Range(lead.Index, lead.Index + lead.Length);
            var none = new Range(lead.Index, lead.Index);
            string word = lead.Value;
            if (SectionLabels.Value.Contains(word)) { }
            else if (word.Contains('.', StringComparison.Ordinal)) return (none, range);
            else if (word.Length >= 3 && (word.All(c => !char.IsLower(c)) || PlaceNames.Value.Contains(word))) return (range, none);
            else if (word.Length >= 3) return (none, range);
        }
        // Only the first few paragraphs: a headline and a caption may come before the dateline.
        int limit = Math.Min(text.Length, 1500);
        foreach (Match m in Dateline().Matches(text[..limit]))
        {
            var place = m.Groups["place"];
            var outlet = m.Groups["outlet"];
            if (place.Value.Length < 3 || outlet.Value.Trim().Length < 2) continue;
            var placeRange = new Range(place.Index, place.Index + place.Length);
            var outletRange = new Range(outlet.Index, outlet.Index + outlet.Length);
            // "JogjaSepekan.com, Yogyakarta –": the outlet may come first; a web domain tells which is which.
            if (IsDomain(place.Value) && !IsDomain(outlet.Value)) (placeRange, outletRange) = (outletRange, placeRange);
            return (placeRange, outletRange);
        }
        return null;
    }

    private static bool IsDomain(string s) => DomainSuffix().IsMatch(s);

    [GeneratedRegex(@"\.(?:com|co\.id|id|net|org|news|tv)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DomainSuffix();

    private static bool IsEmpty(Range r) => r.Start.Value == r.End.Value;

    /// <summary>"KOTA PASURUAN" reads "Kota Pasuruan"; mixed-case names stay as written.</summary>
    private static string Tidy(string place)
    {
        if (place.Any(char.IsLower)) return place;
        return string.Join(' ', place.Split(' ').Select(w => w.Length <= 1 ? w : w[0] + w[1..].ToLowerInvariant()));
    }
}
