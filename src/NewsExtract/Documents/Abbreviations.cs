using NewsExtract.Common;

namespace NewsExtract.Documents;

/// <summary>How an abbreviation's final dot relates to sentence ends (see Resources/language/abbreviations.tsv).</summary>
internal enum AbbreviationKind
{
    /// <summary>Title or rank before a name: its dot never ends a sentence ("Drs. Santoso").</summary>
    Prenominal,
    /// <summary>Degree after a name: its dot ends a sentence when an uppercase word follows.</summary>
    Degree,
    /// <summary>Other abbreviation: its dot ends a sentence when an uppercase word follows.</summary>
    General,
    /// <summary>Never ends a sentence ("No. 13", "Kab. Blitar").</summary>
    Inner,
}

/// <summary>The tokenizer's abbreviation list, loaded once from the embedded resource.</summary>
internal sealed class Abbreviations
{
    private static readonly Lazy<Abbreviations> Lazy = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, AbbreviationKind> _kinds;
    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Abbreviations(Dictionary<string, AbbreviationKind> kinds)
    {
        _kinds = kinds;
        _lookup = kinds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Abbreviations Default => Lazy.Value;

    public int Count => _kinds.Count;

    public bool TryGet(ReadOnlySpan<char> text, out AbbreviationKind kind) => _lookup.TryGetValue(text, out kind);

    private static Abbreviations Load()
    {
        var kinds = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTsv.Read("language/abbreviations.tsv", 2, 2))
        {
            var kind = row[1] switch
            {
                "prenominal" => AbbreviationKind.Prenominal,
                "degree" => AbbreviationKind.Degree,
                "general" => AbbreviationKind.General,
                "inner" => AbbreviationKind.Inner,
                _ => throw row.Error($"unknown kind '{row[1]}' (prenominal, degree, general, inner)."),
            };
            if (!row[0].Contains('.'))
                throw row.Error($"abbreviation '{row[0]}' has no dot; words without dots need no entry.");
            if (!kinds.TryAdd(row[0], kind))
                throw row.Error($"duplicate abbreviation '{row[0]}'.");
        }
        return new Abbreviations(kinds);
    }
}
