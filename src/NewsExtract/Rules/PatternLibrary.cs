using System.Text.RegularExpressions;
using NewsExtract.Common;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Rule patterns as data: each family lives in Resources/patterns/FAMILY.tsv as named regex fragments that
/// refer to each other with {name} (as Recognizers-Text does). Fragments {month}, {weekday} come from the
/// vocabulary. Everything is expanded and compiled once, at load; an unknown reference, a cycle or a pattern
/// that does not compile fails with file and line. Every regex has a match timeout.
/// Each expanded pattern (and each one a stage derives from them) is also compiled to C# at build time by the regex
/// source generator, in PatternLibrary.Generated.cs: a regex whose text is there is taken from there (matching as
/// fast as RegexOptions.Compiled, at no cost at start-up), any other is built here, interpreted, as before. The TSV
/// files stay the source: an edited pattern simply runs interpreted until the generated file is rewritten
/// (GeneratedPatternsTests fails until then and says how).
/// </summary>
internal sealed partial class PatternLibrary
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<PatternLibrary> Lazy = new(() => Load(Vocabularies.Default), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Regex Reference = new(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant, Timeout);

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private readonly Dictionary<string, Regex> _compiled;
    private readonly List<(string Pattern, RegexOptions Options)> _built = [];

    private PatternLibrary(Dictionary<string, Regex> compiled) => _compiled = compiled;

    /// <summary>
    /// Every regex this library has built, patterns and derived ones, in order, with whether the generated code served
    /// it: the list PatternLibrary.Generated.cs is written from.
    /// </summary>
    internal IReadOnlyList<(string Pattern, RegexOptions Options, bool Generated)> Built
    {
        get
        {
            lock (_built) return _built.Select(b => (b.Pattern, b.Options, Generated(b.Pattern, b.Options) is not null)).ToList();
        }
    }

    /// <summary>
    /// A regex a stage makes from the library's patterns (one anchored with \G, a lookahead for where a pattern can
    /// start), with the library's timeout: taken from the generated code when it is there.
    /// </summary>
    internal Regex Derive(string pattern, RegexOptions options)
    {
        lock (_built)
            if (!_built.Contains((pattern, options))) _built.Add((pattern, options));
        return Build(pattern, options);
    }

    private static Regex Build(string pattern, RegexOptions options) => Generated(pattern, options) ?? new Regex(pattern, options, Timeout);

    public static PatternLibrary Default => Lazy.Value;

    public static readonly string[] Families = ["common", "dates", "figures", "elections", "candidates", "officials"];

    /// <summary>The compiled pattern "family.name".</summary>
    public Regex this[string qualifiedName] => _compiled.TryGetValue(qualifiedName, out var r) ? r
        : throw new KeyNotFoundException($"No pattern '{qualifiedName}' in Resources/patterns (families: {string.Join(", ", Families)}).");

    public IEnumerable<string> Names => _compiled.Keys;

    internal static PatternLibrary Load(Vocabularies vocabularies)
    {
        // name -> (source, raw pattern); the vocabulary gives the calendar words.
        var raw = new Dictionary<string, (string Origin, string Pattern)>(StringComparer.Ordinal)
        {
            ["month"] = ("vocabulary/calendar.tsv", Alternation(vocabularies.Calendar.Months.Select(m => m.Text), optionalDot: true)),
            ["weekday"] = ("vocabulary/calendar.tsv", Alternation(vocabularies.Calendar.Weekdays.Select(w => w.Text), optionalDot: false)),
        };
        var familyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in Families)
            foreach (var row in EmbeddedTsv.Read($"patterns/{family}.tsv", 2, 2))
            {
                if (!Regex.IsMatch(row[0], "^[a-z][a-z0-9_]*$"))
                    throw row.Error($"pattern name '{row[0]}' must be lowercase letters, digits and '_'.");
                if (!raw.TryAdd(row[0], (row.File + ":" + row.Line, row[1])))
                    throw row.Error($"pattern '{row[0]}' is defined twice (also at {raw[row[0]].Origin}).");
                familyOf[row[0]] = family;
            }

        var expanded = new Dictionary<string, string>(StringComparer.Ordinal);
        string Expand(string name, Stack<string> path)
        {
            if (expanded.TryGetValue(name, out var done)) return done;
            if (path.Contains(name)) throw new InvalidDataException($"{raw[name].Origin}: pattern '{name}' refers to itself through {string.Join(" -> ", path.Reverse())}.");
            path.Push(name);
            string result = Reference.Replace(raw[name].Pattern, m =>
            {
                string reference = m.Groups[1].Value;
                if (!raw.ContainsKey(reference))
                    throw new InvalidDataException($"{raw[name].Origin}: pattern '{name}' refers to unknown fragment '{{{reference}}}'.");
                return "(?:" + Expand(reference, path) + ")";
            });
            path.Pop();
            expanded[name] = result;
            return result;
        }

        var compiled = new Dictionary<string, Regex>(StringComparer.Ordinal);
        var built = new List<(string, RegexOptions)>();
        foreach (var (name, family) in familyOf)
        {
            string pattern = Expand(name, new Stack<string>());
            try
            {
                compiled[family + "." + name] = Build(pattern, Options);
                built.Add((pattern, Options));
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{raw[name].Origin}: pattern '{name}' does not compile: {ex.Message}", ex);
            }
        }
        var library = new PatternLibrary(compiled);
        library._built.AddRange(built);
        return library;
    }

    private static string Alternation(IEnumerable<string> words, bool optionalDot) =>
        "(?:" + string.Join("|", words.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length).Select(Regex.Escape)) + ")"
        + (optionalDot ? @"\.?" : "") + @"(?![\p{L}])";
}
