using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>Sector of an institution or office, as records write it (lowercase name).</summary>
internal enum Sector : byte { Kpu, Bawaslu, Police, Military, Government, Court, Parliament, Party, Other }

/// <summary>An institution: <see cref="Stem"/> is the name without a region ("KPU", "Polresta", "Kementerian Dalam Negeri").</summary>
/// <remarks>
/// Name: Spelled-out name ("Kepolisian Resor Kota"), or the stem where there is none.<br/>
/// </remarks>
internal sealed record Institution(int Id, string Stem, Sector Sector, string Name, IReadOnlyList<string> Forms);

/// <summary>
/// An office word, often fused with its institution: "Kapolresta" belongs to Polresta, "Dandim" to Kodim,
/// "Mendagri" (role "Menteri Dalam Negeri") to Kementerian Dalam Negeri. <see cref="Institution"/> is null for
/// offices of a region itself (Bupati, Wali Kota) or without a fixed institution.
/// </summary>
internal sealed record Office(int Id, string Role, Sector Sector, Institution? Institution, IReadOnlyList<string> Forms);

/// <summary>Kind of a role word.</summary>
internal enum RoleKind : byte
{
    /// <summary>A position in an institution ("Ketua", "Komisioner").</summary>
    Position,
    /// <summary>Acting or interim ("Pj.", "Plt.", "Plh."), written before an office.</summary>
    Acting,
}

/// <summary>A role word ("Ketua", "Koordinator Divisi", "Plt.").</summary>
internal sealed record Role(int Id, string Name, RoleKind Kind, IReadOnlyList<string> Forms);

/// <summary>Institutions (institutions.tsv), offices with the fused-word mapping (offices.tsv) and role words (roles.tsv).</summary>
internal sealed class InstitutionLexicon
{
    private readonly Dictionary<string, Institution> _byStem;

    private InstitutionLexicon(List<Institution> institutions, List<Office> offices, List<Role> roles)
    {
        Institutions = institutions;
        Offices = offices;
        Roles = roles;
        _byStem = institutions.ToDictionary(i => i.Stem, StringComparer.Ordinal);
    }

    public IReadOnlyList<Institution> Institutions { get; }

    public IReadOnlyList<Office> Offices { get; }

    public IReadOnlyList<Role> Roles { get; }

    /// <summary>The institution with this stem, or null.</summary>
    public Institution? Find(string stem) => _byStem.GetValueOrDefault(stem);

    /// <summary>The institution behind a matcher entry id of category <see cref="VocabularyCategory.Institution"/>.</summary>
    public Institution Institution(int entryId) => Institutions[entryId];

    /// <summary>The office behind a matcher entry id of category <see cref="VocabularyCategory.Office"/>.</summary>
    public Office Office(int entryId) => Offices[entryId];

    /// <summary>The role behind a matcher entry id of category <see cref="VocabularyCategory.Role"/>.</summary>
    public Role Role(int entryId) => Roles[entryId];

    /// <summary>The sector name records use ("kpu", "police").</summary>
    public static string SectorName(Sector sector) => sector.ToString().ToLowerInvariant();

    internal static InstitutionLexicon Load(PhraseMatcher.Builder matcher)
    {
        var institutions = new List<Institution>();
        var byStem = new Dictionary<string, Institution>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("vocabulary/institutions.tsv", 4, 4))
        {
            if (byStem.ContainsKey(row[0])) throw row.Error($"duplicate institution stem '{row[0]}'.");
            var forms = VocabularyFiles.Forms(row, 3);
            var institution = new Institution(institutions.Count, row[0], VocabularyFiles.Sector(row, 1), row[2] == "-" ? row[0] : row[2], forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Institution, institution.Id, row.File + ":" + row.Line);
            institutions.Add(institution);
            byStem[row[0]] = institution;
        }

        var offices = new List<Office>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("vocabulary/offices.tsv", 4, 4))
        {
            if (!seen.Add(row[0])) throw row.Error($"duplicate office '{row[0]}'.");
            var sector = VocabularyFiles.Sector(row, 1);
            Institution? institution = null;
            if (row[2] != "-")
            {
                institution = byStem.GetValueOrDefault(row[2]) ?? throw row.Error($"unknown institution '{row[2]}' (not a stem in institutions.tsv).");
                if (institution.Sector != sector) throw row.Error($"sector '{row[1]}' differs from the sector of {institution.Stem} ({SectorName(institution.Sector)}).");
            }
            var forms = VocabularyFiles.Forms(row, 3);
            var office = new Office(offices.Count, row[0], sector, institution, forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Office, office.Id, row.File + ":" + row.Line);
            offices.Add(office);
        }

        var roles = new List<Role>();
        seen.Clear();
        foreach (var row in EmbeddedTsv.Read("vocabulary/roles.tsv", 3, 3))
        {
            if (!seen.Add(row[0])) throw row.Error($"duplicate role '{row[0]}'.");
            var kind = row[1] switch
            {
                "position" => RoleKind.Position,
                "acting" => RoleKind.Acting,
                _ => throw row.Error($"kind '{row[1]}' is not position or acting."),
            };
            var forms = VocabularyFiles.Forms(row, 2);
            var role = new Role(roles.Count, row[0], kind, forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Role, role.Id, row.File + ":" + row.Line);
            roles.Add(role);
        }
        return new InstitutionLexicon(institutions, offices, roles);
    }
}
