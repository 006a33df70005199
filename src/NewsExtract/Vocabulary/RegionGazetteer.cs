using System.Text.RegularExpressions;
using NewsExtract.Common;
using NewsExtract.Documents;

namespace NewsExtract.Vocabulary;

/// <summary>Level of a region.</summary>
internal enum RegionKind : byte { Province, Regency, City }

/// <summary>A set of region kinds: what the context says a bare name may be.</summary>
[Flags]
internal enum RegionKinds : byte
{
    None = 0,
    Province = 1,
    Regency = 2,
    City = 4,
}

/// <summary>A province, regency (kabupaten) or city (kota) with its Kemendagri code.</summary>
/// <remarks>
/// Code: "35", "35.05", "35.72".<br/>
/// Name: Bare name: "Jawa Timur", "Blitar".<br/>
/// OfficialName: As the source data writes it: "Kota Blitar", "Kota Administrasi Jakarta Selatan".<br/>
/// ProvinceCode: Code of the province (a province's own code).<br/>
/// ProvinceName: Province name without "Provinsi": "Jawa Timur".<br/>
/// </remarks>
internal sealed record Region(int Id, string Code, RegionKind Kind, string Name, string OfficialName, string ProvinceCode, string ProvinceName)
{
    /// <summary>The name records use: "Provinsi Jawa Timur", "Kabupaten Blitar", "Kota Blitar".</summary>
    public string CanonicalName => Kind == RegionKind.Province ? "Provinsi " + Name : OfficialName;

    public override string ToString() => $"{CanonicalName} ({Code})";
}

/// <summary>
/// A region form the matcher finds: a prefixed form ("Kota Blitar") has one candidate, a bare name shared by
/// several regions ("Blitar", "Gorontalo", "Banjar") has several and needs <see cref="RegionGazetteer.Resolve(int, RegionKinds, string?)"/>.
/// </summary>
internal sealed record RegionName(int Id, string Form, IReadOnlyList<Region> Candidates)
{
    public bool IsAmbiguous => Candidates.Count > 1;
}

/// <summary>Outcome of resolving a region name: the region, or none with the candidates left and a warning.</summary>
internal readonly record struct RegionResolution(Region? Region, IReadOnlyList<Region> Candidates, string? Warning)
{
    public bool IsResolved => Region is not null;
}

/// <summary>
/// Provinces, regencies and cities of Indonesia (Resources/vocabulary/regions.tsv, from idn-area-data), the
/// forms news write them in (region-forms.tsv prefixes, region-aliases.tsv) and the cue words that decide a
/// bare name shared by several regions (region-cues.tsv).
/// </summary>
internal sealed partial class RegionGazetteer
{
    private readonly Dictionary<string, Region> _byCode;
    private readonly PhraseMatcher _cues;
    private readonly List<(string Position, RegionKinds Kind)> _cueInfo;

    private RegionGazetteer(List<Region> regions, List<RegionName> names, PhraseMatcher cues, List<(string, RegionKinds)> cueInfo)
    {
        Regions = regions;
        Names = names;
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _cues = cues;
        _cueInfo = cueInfo;
    }

    /// <summary>All regions, provinces first, in code order; <see cref="Region.Id"/> is the index.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Every form registered with the matcher; <see cref="RegionName.Id"/> is the matcher's entry id.</summary>
    public IReadOnlyList<RegionName> Names { get; }

    public int ProvinceCount => Regions.Count(r => r.Kind == RegionKind.Province);

    public int RegencyAndCityCount => Regions.Count(r => r.Kind != RegionKind.Province);

    /// <summary>Number of alias lines in region-aliases.tsv.</summary>
    public int AliasCount { get; private init; }

    /// <summary>The region with this Kemendagri code, or null.</summary>
    public Region? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The form behind a matcher entry id of category <see cref="VocabularyCategory.Region"/>.</summary>
    public RegionName Name(int entryId) => Names[entryId];

    /// <summary>
    /// Cue words right next to a region match: "Wali Kota Blitar" gives City, "Bupati Blitar" Regency, "Polres
    /// Pekalongan Kota" City (a cue after the name wins over one before it). None when there is no cue.
    /// </summary>
    public RegionKinds CuesAround(string text, IReadOnlyList<Token> tokens, PhraseMatch match)
    {
        var after = _cues.MatchAt(text, tokens, match.EndToken, maxTokens: 3);
        if (after is { } a && _cueInfo[a.EntryId].Position == "after") return _cueInfo[a.EntryId].Kind;
        for (int back = 1; back <= 3; back++)
        {
            var before = _cues.MatchAt(text, tokens, match.FirstToken - back, maxTokens: back);
            if (before is { } b && b.EndToken == match.FirstToken && _cueInfo[b.EntryId].Position == "before")
                return _cueInfo[b.EntryId].Kind;
        }
        return RegionKinds.None;
    }

    /// <summary>Resolves a region match of a document using the cue words around it.</summary>
    public RegionResolution Resolve(Document document, PhraseMatch match, string? provinceCode = null) =>
        Resolve(match.EntryId, CuesAround(document.Text, document.Tokens, match), provinceCode);

    /// <summary>
    /// Picks the region a name means. <paramref name="cues"/> are the kinds the context allows (from
    /// <see cref="CuesAround"/>, or the race the article is about); <paramref name="provinceCode"/> narrows
    /// names shared across provinces ("Banjar"). Where neither decides, the result keeps the candidates and a warning.
    /// </summary>
    public RegionResolution Resolve(int entryId, RegionKinds cues = RegionKinds.None, string? provinceCode = null)
    {
        var name = Names[entryId];
        var candidates = name.Candidates;
        if (candidates.Count == 1) return new RegionResolution(candidates[0], candidates, null);
        IReadOnlyList<Region> left = candidates;
        string? conflict = null;
        if (cues != RegionKinds.None)
        {
            var fitting = left.Where(r => cues.HasFlag(KindsOf(r.Kind))).ToList();
            if (fitting.Count > 0) left = fitting;
            else conflict = $"; the cue ({cues}) fits none of them";
        }
        if (provinceCode is not null)
        {
            var inProvince = left.Where(r => r.ProvinceCode == provinceCode).ToList();
            if (inProvince.Count > 0) left = inProvince;
        }
        if (left.Count == 1) return new RegionResolution(left[0], candidates, null);
        return new RegionResolution(null, left,
            $"ambiguous region '{name.Form}': {string.Join(" or ", left)}{conflict ?? "; no cue decides"}");
    }

    public static RegionKinds KindsOf(RegionKind kind) => kind switch
    {
        RegionKind.Province => RegionKinds.Province,
        RegionKind.Regency => RegionKinds.Regency,
        _ => RegionKinds.City,
    };

    /// <summary>Registers every region form with the main matcher (entry id = index in <see cref="Names"/>).</summary>
    internal void AddForms(PhraseMatcher.Builder builder, Dictionary<int, string> origins)
    {
        foreach (var name in Names)
            builder.Add(name.Form, VocabularyCategory.Region, name.Id, origins[name.Id]);
    }

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex ProvinceCode();

    [GeneratedRegex(@"^\d{2}\.\d{2}$")]
    private static partial Regex RegencyCode();

    /// <summary>Loads and checks the region files; throws <see cref="InvalidDataException"/> naming file and line.</summary>
    internal static RegionGazetteer Load(out Dictionary<int, string> nameOrigins)
    {
        var regions = new List<Region>();
        var byCode = new Dictionary<string, (Region Region, TsvRow Row)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("vocabulary/regions.tsv", 5, 5))
        {
            var kind = row[1] switch
            {
                "province" => RegionKind.Province,
                "regency" => RegionKind.Regency,
                "city" => RegionKind.City,
                _ => throw row.Error($"kind '{row[1]}' is not province, regency or city."),
            };
            string code = row[0];
            bool codeOk = kind == RegionKind.Province
                ? ProvinceCode().IsMatch(code) && row[4] == code
                : RegencyCode().IsMatch(code) && code.StartsWith(row[4] + ".", StringComparison.Ordinal);
            if (!codeOk) throw row.Error($"malformed code '{code}' for a {row[1]} of province '{row[4]}' (expected NN for a province, NN.NN under its province).");
            if (byCode.ContainsKey(code)) throw row.Error($"duplicate code '{code}' (first at line {byCode[code].Row.Line}).");
            string provinceName;
            if (kind == RegionKind.Province) provinceName = row[2];
            else if (byCode.TryGetValue(row[4], out var p) && p.Region.Kind == RegionKind.Province) provinceName = p.Region.Name;
            else throw row.Error($"unknown province '{row[4]}' (provinces must come first in the file).");
            var region = new Region(regions.Count, code, kind, row[2], row[3], row[4], provinceName);
            regions.Add(region);
            byCode[code] = (region, row);
        }

        // Bare names: each region's name plus its aliases.
        var bare = regions.Select(r => new List<(string Form, string Origin)> { (r.Name, $"Resources/vocabulary/regions.tsv:{byCode[r.Code].Row.Line}") }).ToList();
        int aliasCount = 0;
        foreach (var row in EmbeddedTsv.Read("vocabulary/region-aliases.tsv", 3, 3))
        {
            if (!byCode.TryGetValue(row[0], out var target)) throw row.Error($"unknown region code '{row[0]}'.");
            if (target.Region.Name != row[1]) throw row.Error($"code {row[0]} is '{target.Region.Name}' in regions.tsv, not '{row[1]}': check the code.");
            bare[target.Region.Id].Add((row[2], row.File + ":" + row.Line));
            aliasCount++;
        }

        var prefixes = new Dictionary<RegionKind, List<string>>();
        foreach (var row in EmbeddedTsv.Read("vocabulary/region-forms.tsv", 2, 2))
        {
            var kind = row[0] switch
            {
                "province" => RegionKind.Province,
                "regency" => RegionKind.Regency,
                "city" => RegionKind.City,
                _ => throw row.Error($"kind '{row[0]}' is not province, regency or city."),
            };
            if (row[1] != row[1].ToLowerInvariant()) throw row.Error($"prefix '{row[1]}' must be lowercase (it matches in any case).");
            (prefixes.TryGetValue(kind, out var list) ? list : prefixes[kind] = []).Add(row[1]);
        }

        // Group forms by what the matcher compares; a form shared by several regions becomes one ambiguous name.
        var groups = new Dictionary<string, (string Form, string Origin, List<Region> Regions)>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var (form, origin) in bare[region.Id])
            {
                var forms = new List<string> { form };
                forms.AddRange(prefixes.GetValueOrDefault(region.Kind, []).Select(p => p + " " + form));
                for (int f = 0; f < forms.Count; f++)
                {
                    var parsed = VocabularyForm.Parse(forms[f]);
                    if (parsed.Count == 0) throw new InvalidDataException($"{origin}: region form '{forms[f]}' has no letters.");
                    string signature = parsed[0].Signature;
                    if (!groups.TryGetValue(signature, out var group))
                        groups[signature] = group = (forms[f], origin, []);
                    if (group.Regions.Contains(region))
                    {
                        if (f == 0) throw new InvalidDataException($"{origin}: '{form}' is already a name of {region} (at {group.Origin}); remove the duplicate.");
                        continue;
                    }
                    group.Regions.Add(region);
                }
            }
        }
        var names = new List<RegionName>(groups.Count);
        nameOrigins = [];
        foreach (var (form, origin, list) in groups.Values)
        {
            nameOrigins[names.Count] = origin;
            names.Add(new RegionName(names.Count, form, list));
        }

        var cueBuilder = new PhraseMatcher.Builder();
        var cueInfo = new List<(string, RegionKinds)>();
        foreach (var row in EmbeddedTsv.Read("vocabulary/region-cues.tsv", 3, 3))
        {
            if (row[1] is not ("before" or "after")) throw row.Error($"position '{row[1]}' is not before or after.");
            var kind = row[2] switch
            {
                "province" => RegionKinds.Province,
                "regency" => RegionKinds.Regency,
                "city" => RegionKinds.City,
                _ => throw row.Error($"kind '{row[2]}' is not province, regency or city."),
            };
            cueBuilder.Add(row[0], VocabularyCategory.RegionCue, cueInfo.Count, row.File + ":" + row.Line);
            cueInfo.Add((row[1], kind));
        }
        return new RegionGazetteer(regions, names, cueBuilder.Build(), cueInfo) { AliasCount = aliasCount };
    }
}
