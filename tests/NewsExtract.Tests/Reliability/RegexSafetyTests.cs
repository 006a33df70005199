using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Every regex NewsExtract runs has a match timeout or is NonBacktracking, so hostile text cannot hang a batch.
/// Two scans: the compiled regexes themselves (static fields, [GeneratedRegex] methods, the rule pattern library),
/// and the assemblies' metadata for Regex constructors and static helpers that take no timeout.
/// </summary>
public class RegexSafetyTests
{
    // Known exceptions, each linear by construction. Listed by name so a new one fails until someone looks at it.
    private static readonly HashSet<string> LinearWithoutTimeout = new(StringComparer.Ordinal)
    {
        // ^\d{2}$ and ^\d{2}\.\d{2}$ on region codes from vocabulary/regions.tsv at load: fixed length, no alternation.
        "NewsExtract.Vocabulary.RegionGazetteer.ProvinceCode",
        "NewsExtract.Vocabulary.RegionGazetteer.RegencyCode",
    };

    // Static helpers called without a timeout, checked by hand: pattern names in patterns/*.tsv at load (^[a-z][a-z0-9_]*$).
    private static readonly HashSet<string> StaticCallsWithoutTimeout = new(StringComparer.Ordinal)
    {
        "NewsExtract:IsMatch",
    };

    private static readonly Assembly[] Shipped =
    [
        typeof(NewsExtractor).Assembly,
        typeof(NewsExtract.Cli.Program).Assembly,
    ];

    private static bool Safe(Regex regex) =>
        regex.MatchTimeout != Regex.InfiniteMatchTimeout || regex.Options.HasFlag(RegexOptions.NonBacktracking);

    [Fact]
    public void Every_regex_in_a_static_field_or_generated_method_has_a_timeout()
    {
        var unsafeOnes = new List<string>();
        int seen = 0;
        foreach (var assembly in Shipped)
            foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
            {
                const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                foreach (var field in type.GetFields(all).Where(f => f.FieldType == typeof(Regex)))
                {
                    if (field.GetValue(null) is not Regex regex) continue;
                    seen++;
                    if (!Safe(regex) && !LinearWithoutTimeout.Contains($"{type.FullName}.{field.Name}")) unsafeOnes.Add($"{type.FullName}.{field.Name}: {regex}");
                }
                foreach (var method in type.GetMethods(all).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters))
                {
                    if (method.Invoke(null, null) is not Regex regex) continue;
                    seen++;
                    if (!Safe(regex) && !LinearWithoutTimeout.Contains($"{type.FullName}.{method.Name}")) unsafeOnes.Add($"{type.FullName}.{method.Name}(): {regex}");
                }
            }
        Assert.True(seen > 5, $"only {seen} regexes found: is the scan still looking in the right places?");
        Assert.True(unsafeOnes.Count == 0, "Regexes without a match timeout (add matchTimeoutMilliseconds or RegexOptions.NonBacktracking):\n" + string.Join("\n", unsafeOnes));
    }

    [Fact]
    public void Every_rule_pattern_has_a_timeout()
    {
        var library = NewsExtract.Rules.PatternLibrary.Default;
        Assert.NotEmpty(library.Names);
        var unsafeOnes = library.Names.Where(n => !Safe(library[n])).ToList();
        Assert.True(unsafeOnes.Count == 0, "Rule patterns without a timeout: " + string.Join(", ", unsafeOnes));
    }

    [Fact]
    public void No_assembly_builds_a_regex_or_calls_a_static_helper_without_a_timeout()
    {
        var offenders = new List<string>();
        foreach (var assembly in Shipped)
        {
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var md = pe.GetMetadataReader();
            string name = md.GetString(md.GetAssemblyDefinition().Name);
            foreach (var handle in md.MemberReferences)
            {
                var member = md.GetMemberReference(handle);
                if (member.Parent.Kind != HandleKind.TypeReference || member.GetKind() != MemberReferenceKind.Method) continue;
                var parent = md.GetTypeReference((TypeReferenceHandle)member.Parent);
                if (md.GetString(parent.Namespace) != "System.Text.RegularExpressions" || md.GetString(parent.Name) != "Regex") continue;
                string method = md.GetString(member.Name);
                var signature = member.DecodeMethodSignature(new TypeNames(md), null);
                bool hasTimeout = signature.ParameterTypes.Contains("System.TimeSpan");
                if (method == ".ctor")
                {
                    // Regex() and Regex(SerializationInfo, ...) are the bases [GeneratedRegex] classes call; checked at run time above.
                    if (signature.ParameterTypes.Length == 0) continue;
                    if (!hasTimeout) offenders.Add($"{name}: new Regex({string.Join(", ", signature.ParameterTypes)})");
                }
                else if (!signature.Header.IsInstance && method is "IsMatch" or "Match" or "Matches" or "Replace" or "Split" or "Count" or "EnumerateMatches" or "EnumerateSplits")
                {
                    if (!hasTimeout && !StaticCallsWithoutTimeout.Contains($"{name}:{method}"))
                        offenders.Add($"{name}: static Regex.{method}({string.Join(", ", signature.ParameterTypes)})");
                }
            }
        }
        Assert.True(offenders.Count == 0, "Regex uses without a match timeout:\n" + string.Join("\n", offenders.Distinct()));
    }

    /// <summary>Type names from signatures, just enough to spot a TimeSpan parameter.</summary>
    private sealed class TypeNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeDefinition(handle);
            return reader.GetString(t.Namespace) + "." + reader.GetString(t.Name);
        }
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var t = md.GetTypeReference(handle);
            return md.GetString(t.Namespace) + "." + md.GetString(t.Name);
        }
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType + "<>";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetTypeFromSpecification(MetadataReader reader, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
