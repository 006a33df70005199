namespace NewsExtract.Documents;

/// <summary>Coarse class of a token, decided by the tokenizer.</summary>
internal enum TokenKind
{
    /// <summary>Letters, possibly with inner hyphens, apostrophes or dots ("masing-masing", "PDI-P", "Muh.").</summary>
    Word,
    /// <summary>A known abbreviation or title ending in a dot or containing dots ("Drs.", "M.Pd", "S.H.").</summary>
    Abbreviation,
    /// <summary>Digits with Indonesian separators ("222.451", "53,33", "13.00", "0808").</summary>
    Number,
    /// <summary>Numeric date or fraction with slashes ("3/12/2024", "1/7", "13/2020").</summary>
    NumericDate,
    /// <summary>Web address or domain ("ERANASIONAL.COM", "pilkada2024.kpu.go.id").</summary>
    Url,
    /// <summary>Punctuation mark.</summary>
    Punctuation,
    /// <summary>Any other symbol (%, Rp sign, emoji).</summary>
    Symbol,
}

/// <summary>A token: a run of the normalised text between <see cref="Start"/> and <see cref="End"/>.</summary>
/// <param name="Start">Offset of the first character in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Kind">Coarse class.</param>
internal readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);

    public string Text(string text) => text.Substring(Start, End - Start);
}

/// <summary>A sentence: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>) and their character range.</summary>
internal readonly record struct Sentence(int Start, int End, int FirstToken, int EndToken, bool IsBoilerplate)
{
    public int TokenCount => EndToken - FirstToken;
}
