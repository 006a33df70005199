using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// The library and the tool never touch the network: no type from the HTTP, socket, mail or web-request APIs is
/// referenced by their assemblies. (Reading a page is the caller's business; NewsExtract only reads bytes it is given.)
/// </summary>
public class IsolationTests
{
    private static readonly string[] ForbiddenNamespaces =
    [
        "System.Net.Http", "System.Net.Sockets", "System.Net.WebSockets", "System.Net.Mail", "System.Net.NetworkInformation",
        "System.Net.Security", "System.Net.Quic", "System.Net.Http.Headers", "System.Net.Http.Json",
    ];

    private static readonly string[] ForbiddenTypes =
    [
        "System.Net.WebRequest", "System.Net.HttpWebRequest", "System.Net.FtpWebRequest", "System.Net.WebClient", "System.Net.Dns",
        "System.Net.HttpListener", "System.Net.IPAddress", "System.Net.IPEndPoint", "System.Net.DnsEndPoint",
    ];

    private static readonly string[] ForbiddenAssemblies =
    [
        "System.Net.Http", "System.Net.Sockets", "System.Net.WebSockets", "System.Net.WebSockets.Client", "System.Net.Mail",
        "System.Net.Requests", "System.Net.WebClient", "System.Net.NameResolution", "System.Net.Security", "System.Net.Quic",
    ];

    public static TheoryData<string> Assemblies => new()
    {
        typeof(NewsExtractor).Assembly.Location,
        typeof(NewsExtract.Cli.Program).Assembly.Location,
        Path.Combine(Path.GetDirectoryName(typeof(NewsExtract.Cli.Program).Assembly.Location)!, "NewsExtract.Training.dll"),
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_network_type_is_referenced(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var found = new List<string>();
        int types = 0;
        foreach (var handle in md.TypeReferences)
        {
            var t = md.GetTypeReference(handle);
            string ns = md.GetString(t.Namespace), name = md.GetString(t.Name);
            types++;
            if (ForbiddenNamespaces.Contains(ns) || ForbiddenTypes.Contains(ns + "." + name)) found.Add($"{ns}.{name}");
        }
        foreach (var handle in md.AssemblyReferences)
        {
            string name = md.GetString(md.GetAssemblyReference(handle).Name);
            if (ForbiddenAssemblies.Contains(name)) found.Add("assembly " + name);
        }
        Assert.True(types > 10, $"only {types} type references read from {path}");
        Assert.True(found.Count == 0, $"{Path.GetFileName(path)} references network APIs: {string.Join(", ", found.Distinct())}");
    }

    [Fact]
    public void The_library_references_only_the_runtime_and_its_html_parser()
    {
        var references = typeof(NewsExtractor).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var other = references.Where(n => !(n.StartsWith("System.", StringComparison.Ordinal) || n is "System" or "netstandard" or "mscorlib" or "HtmlAgilityPack")).ToArray();
        Assert.True(other.Length == 0, "unexpected library dependencies: " + string.Join(", ", other));
    }
}
