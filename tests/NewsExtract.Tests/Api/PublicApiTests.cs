using System.Reflection;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Tests.Api;

public class PublicApiTests
{
    /// <summary>
    /// The public surface of the library. A new public type is a promise to every user of the package: add it here
    /// on purpose, with XML docs, or make it internal.
    /// </summary>
    private static readonly string[] ExpectedPublicTypes =
    [
        "NewsExtract.ArticleInput",
        "NewsExtract.EntityModel",
        "NewsExtract.ExtractionOptions",
        "NewsExtract.NewsExtractor",
        "NewsExtract.Records.ArticleRecord",
        "NewsExtract.Records.CandidatePair",
        "NewsExtract.Records.DatedEvent",
        "NewsExtract.Records.Election",
        "NewsExtract.Records.ElectionType",
        "NewsExtract.Records.Entity",
        "NewsExtract.Records.EntitySource",
        "NewsExtract.Records.EntityType",
        "NewsExtract.Records.ExtractionError",
        "NewsExtract.Records.Figure",
        "NewsExtract.Records.FigureKind",
        "NewsExtract.Records.Official",
        "NewsExtract.Records.OfficialSector",
        "NewsExtract.Records.PersonName",
        "NewsExtract.Records.RecordJson",
        "NewsExtract.Records.RecordJsonContext",
        "NewsExtract.Records.Region",
        "NewsExtract.Records.SourceInfo",
        "NewsExtract.Records.Span",
        "NewsExtract.Records.VoteResult",
    ];

    private static readonly Assembly Library = typeof(NewsExtractor).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    [Fact]
    public void The_public_types_are_the_expected_ones()
    {
        var actual = PublicTypes.Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        var unexpected = actual.Except(ExpectedPublicTypes).ToArray();
        var gone = ExpectedPublicTypes.Except(actual).ToArray();
        Assert.True(unexpected.Length == 0 && gone.Length == 0,
            $"Public surface changed. Unexpected public types: [{string.Join(", ", unexpected)}]; missing: [{string.Join(", ", gone)}]. "
            + "Make new types internal, or add them to ExpectedPublicTypes on purpose (with XML docs).");
    }

    [Fact]
    public void Result_types_are_immutable()
    {
        // No public setter except init on any public type (RecordJsonContext is generated serializer metadata).
        var settable = PublicTypes.Where(t => t != typeof(RecordJsonContext))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();
        Assert.Empty(settable);
        var publicFields = PublicTypes.Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .ToArray();
        Assert.Empty(publicFields);
        // Collections in records are read-only lists.
        var mutableCollections = PublicTypes.Where(t => t.Namespace == "NewsExtract.Records")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var d
                && (d == typeof(List<>) || d == typeof(IList<>) || d == typeof(ICollection<>) || d == typeof(Dictionary<,>)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();
        Assert.Empty(mutableCollections);
    }

    [Fact]
    public void Public_classes_are_sealed_or_static()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.Name).ToArray();
        Assert.Empty(open);
    }

    [Fact]
    public void Every_public_member_has_xml_docs_in_the_shipped_documentation_file()
    {
        string xmlPath = Path.ChangeExtension(Library.Location, ".xml");
        Assert.True(File.Exists(xmlPath), $"{xmlPath} is missing: the package must ship its XML docs.");
        string xml = File.ReadAllText(xmlPath);
        foreach (var type in PublicTypes.Where(t => t != typeof(RecordJsonContext)))
            Assert.Contains($"\"T:{type.FullName}\"", xml, StringComparison.Ordinal);
        // Members too: every public method, constructor and property a user can call (compiler-made record members aside).
        var documented = DocumentedMembers(xml).Select(Key).ToHashSet(StringComparer.Ordinal);
        string[] generated = ["Equals", "GetHashCode", "ToString", "Deconstruct", "op_Equality", "op_Inequality", "<Clone>$", "EqualityContract", "PrintMembers", "value__"];
        var undocumented = PublicTypes.Where(t => t != typeof(RecordJsonContext))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !generated.Contains(m.Name))
                .Where(m => !(m is ConstructorInfo c && t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)))
                .Where(m => !(m is ConstructorInfo { IsStatic: false } c2 && c2.GetParameters() is [var only] && only.ParameterType == t)) // record copy constructor
                .Where(m => !(m is ConstructorInfo c3 && c3.GetParameters().Length == 0)) // the implicit "new T()" of init-property records
                .Select(m => $"{t.FullName}.{(m is ConstructorInfo ? "#ctor" : m.Name)}"))
            .Where(k => !documented.Contains(k))
            .Distinct()
            .ToArray();
        Assert.True(undocumented.Length == 0, "public members without XML docs: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_shipped_documentation_describes_the_public_surface_only()
    {
        string xml = File.ReadAllText(Path.ChangeExtension(Library.Location, ".xml"));
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var members = DocumentedMembers(xml).ToArray();
        Assert.True(members.Length > 100, $"only {members.Length} documented members: the documentation file lost the public docs");
        var notPublic = new List<string>();
        foreach (var id in members)
        {
            if (id.StartsWith("T:", StringComparison.Ordinal))
            {
                var type = Library.GetType(TypeName(id[2..]));
                if (type is not { IsVisible: true }) notPublic.Add(id);
                continue;
            }
            string key = Key(id);
            int dot = key.LastIndexOf('.');
            var owner = Library.GetType(TypeName(key[..dot]));
            string name = key[(dot + 1)..];
            bool visible = owner is { IsVisible: true } && owner.GetMembers(all).Any(m =>
                (m is ConstructorInfo ? "#ctor" : m.Name) == name
                && m switch
                {
                    MethodBase b => b.IsPublic || b.IsFamily || b.IsFamilyOrAssembly,
                    PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily),
                    FieldInfo f => f.IsPublic || f.IsFamily,
                    _ => false,
                });
            if (!visible) notPublic.Add(id);
        }
        Assert.True(notPublic.Count == 0, $"{notPublic.Count} internal members in the shipped docs, e.g. {string.Join(", ", notPublic.Take(10))}");
    }

    private static IEnumerable<string> DocumentedMembers(string xml) =>
        System.Xml.Linq.XDocument.Parse(xml).Descendants("member").Select(m => (string)m.Attribute("name")!);

    /// <summary>"M:NewsExtract.NewsExtractor.Extract(System.String,...)" gives "NewsExtract.NewsExtractor.Extract".</summary>
    private static string Key(string id)
    {
        string key = id[2..];
        int paren = key.IndexOf('(');
        if (paren >= 0) key = key[..paren];
        int generic = key.IndexOf("``", StringComparison.Ordinal);
        return generic >= 0 ? key[..generic] : key;
    }

    /// <summary>A documentation type name as reflection spells it: nested types are found by trying '+' from the right.</summary>
    private static string TypeName(string docName)
    {
        string name = docName;
        while (Library.GetType(name) is null && name.LastIndexOf('.') is var dot and > 0)
            name = name[..dot] + "+" + name[(dot + 1)..].Replace('+', '.');
        return Library.GetType(name) is null ? docName : name;
    }
}

public class NewsExtractorTests
{
    private const string Article = "Kupang (ANTARA) - KPU Kota Kupang menggelar pengundian nomor urut pasangan calon, Senin (23/9).\n\nAcara  berlangsung\u00A0tertib.";

    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    [Fact]
    public void CreateDefault_returns_one_shared_instance() =>
        Assert.Same(Extractor, NewsExtractor.CreateDefault());

    [Fact]
    public void Extract_gives_a_record_of_the_input_text_with_the_options_source()
    {
        var options = new ExtractionOptions { Source = new SourceInfo { Url = "https://example.org/a" }, Published = new DateOnly(2024, 9, 23) };
        var record = Extractor.Extract(Article, options);
        Assert.Null(record.Error);
        Assert.Equal("https://example.org/a", record.Source.Url);
        Assert.Equal(new DateOnly(2024, 9, 23), record.Source.Published);
        Assert.Equal(Article, record.Text);
        foreach (var e in record.Entities) Assert.Equal(e.Text, record.Text[e.Start..e.End]);
        foreach (var d in record.Dates) Assert.Equal(d.Text, record.Text[d.Start..d.End]);
        foreach (var f in record.Figures) Assert.Equal(f.Text, record.Text[f.Start..f.End]);
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract(null!));
        Assert.Throws<ArgumentNullException>(() => Extractor.ExtractHtml((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => Extractor.ExtractInput(null!));
        // An async iterator checks its arguments when enumeration starts.
        await Assert.ThrowsAsync<ArgumentNullException>(async () => { await foreach (var _ in Extractor.ExtractAllAsync((IAsyncEnumerable<ArticleInput>)null!)) { } });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => { await foreach (var _ in Extractor.ExtractAllAsync(Inputs(1), 0)) { } });
    }

    [Fact]
    public void Input_that_is_not_text_gives_an_error_record_not_an_exception()
    {
        var record = Extractor.Extract("\u0001\u0002\u0003\u0004\u0005binary\u0006\u0007", new ExtractionOptions { Source = new SourceInfo { Path = "x.bin" } });
        Assert.NotNull(record.Error);
        Assert.StartsWith("x.bin:", record.Error.Message);
        Assert.Empty(record.Entities);
        var tooLong = Extractor.Extract(new string('a', 100), new ExtractionOptions { MaxTextLength = 10 });
        Assert.Contains("MaxTextLength", tooLong.Error!.Message);
    }

    [Fact]
    public void Html_from_bytes_and_from_a_stream_give_the_same_record()
    {
        byte[] html = Encoding.UTF8.GetBytes($"<html><head><title>Pengundian</title></head><body><article><p>{Article}</p></article></body></html>");
        var fromBytes = Extractor.ExtractHtml(html);
        var fromStream = Extractor.ExtractHtml(new MemoryStream(html));
        Assert.Equal(RecordJson.ToJsonLine(fromBytes), RecordJson.ToJsonLine(fromStream));
        Assert.Equal(RecordJson.ToJsonLine(fromBytes), RecordJson.ToJsonLine(Extractor.ExtractInput(ArticleInput.FromHtml(html))));
    }

    [Fact]
    public void Records_round_trip_through_json()
    {
        var record = Extractor.Extract(Article, new ExtractionOptions { Published = new DateOnly(2024, 9, 23) });
        string json = RecordJson.ToJsonLine(record);
        Assert.DoesNotContain('\n', json);
        Assert.Equal(json, RecordJson.ToJsonLine(RecordJson.Parse(json)));
    }

    private static async IAsyncEnumerable<ArticleInput> Inputs(int n)
    {
        for (int i = 0; i < n; i++)
        {
            await Task.Yield();
            yield return ArticleInput.FromText($"Artikel {i}. " + Article, new ExtractionOptions { Source = new SourceInfo { Path = $"a{i}" } });
        }
    }

    [Fact]
    public async Task ExtractAllAsync_keeps_input_order_in_parallel()
    {
        var paths = new List<string?>();
        await foreach (var record in Extractor.ExtractAllAsync(Inputs(20), maxDegreeOfParallelism: 4))
            paths.Add(record.Source.Path);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"a{i}"), paths);
    }

    [Fact]
    public async Task ExtractAllAsync_stops_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Extractor.ExtractAllAsync(Inputs(1000), 2, cts.Token))
                if (++seen == 3) cts.Cancel();
        });
        Assert.InRange(seen, 3, 10);
    }

    [Fact]
    public void One_extractor_serves_many_threads_with_the_same_results()
    {
        string expected = RecordJson.ToJsonLine(Extractor.Extract(Article));
        var results = new string[64];
        System.Threading.Tasks.Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = RecordJson.ToJsonLine(Extractor.Extract(Article)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
