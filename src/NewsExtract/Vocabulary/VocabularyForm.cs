namespace NewsExtract.Vocabulary;

/// <summary>How the text must capitalise one word of a vocabulary form (see the header of the data files).</summary>
internal enum CaseRule : byte
{
    /// <summary>Written lowercase in the data: any case matches ("kabupaten", "partai").</summary>
    Any,
    /// <summary>Written with an initial capital: the text word must start with a capital ("Blitar", "Dr.").</summary>
    Capitalized,
    /// <summary>Written in capitals (two or more letters): the text word must be in capitals ("KPU", "PAN").</summary>
    Capitals,
}

/// <summary>
/// A vocabulary form cut into the words the matcher compares: hyphens split words ("PDI-P" is "pdi" + "p"),
/// dots and apostrophes are dropped ("S.H." is "sh", "Jum'at" is "jumat"), keys are lowercase.
/// </summary>
internal sealed class VocabularyForm
{
    private VocabularyForm(string text, string[] keys, CaseRule[] rules)
    {
        Text = text;
        Keys = keys;
        Rules = rules;
    }

    /// <summary>The form as written in the data.</summary>
    public string Text { get; }

    public string[] Keys { get; }

    public CaseRule[] Rules { get; }

    /// <summary>Keys and rules in one string, for finding duplicates.</summary>
    public string Signature => string.Join(' ', Keys.Select((k, i) => k + "/" + (int)Rules[i]));

    /// <summary>
    /// The form cut into words, and, when it has a hyphen, also written as one word ("Toli-Toli" also as
    /// "Tolitoli", "PDI-P" also as "PDIP"). Returns an empty list for a form with no letters or digits.
    /// </summary>
    public static List<VocabularyForm> Parse(string form)
    {
        var result = new List<VocabularyForm>(2);
        var keys = new List<string>();
        var rules = new List<CaseRule>();
        var joinedKeys = new List<string>();
        var joinedRules = new List<CaseRule>();
        bool hasHyphen = false;
        foreach (var word in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            hasHyphen |= parts.Length > 1;
            string joined = "";
            CaseRule joinedRule = CaseRule.Any;
            for (int p = 0; p < parts.Length; p++)
            {
                string key = Key(parts[p]);
                if (key.Length == 0) continue;
                var rule = RuleOf(parts[p]);
                keys.Add(key);
                rules.Add(rule);
                if (joined.Length == 0) joinedRule = rule;
                joined += key;
            }
            if (joined.Length > 0) { joinedKeys.Add(joined); joinedRules.Add(joinedRule); }
        }
        if (keys.Count == 0) return result;
        result.Add(new VocabularyForm(form, keys.ToArray(), rules.ToArray()));
        if (hasHyphen)
            result.Add(new VocabularyForm(form.Replace("-", ""), joinedKeys.ToArray(), joinedRules.ToArray()));
        return result;
    }

    /// <summary>Lowercase key of one word: letters and digits only.</summary>
    public static string Key(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int n = 0;
        foreach (char c in word)
            if (!IsDropped(c)) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>Characters left out of keys: dots and apostrophes ("S.H.", "Jum'at", "Tha'at").</summary>
    public static bool IsDropped(char c) => c is '.' or '\'' or '\u2019' or '`';

    private static CaseRule RuleOf(string word)
    {
        int letters = 0, upper = 0;
        char first = '\0';
        foreach (char c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (letters == 0) first = c;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters == 0 || char.IsLower(first)) return CaseRule.Any;
        return letters >= 2 && upper == letters ? CaseRule.Capitals : CaseRule.Capitalized;
    }
}
