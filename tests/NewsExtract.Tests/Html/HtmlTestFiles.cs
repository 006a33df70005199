using System.Runtime.CompilerServices;

namespace NewsExtract.Tests.Html;

/// <summary>Where the HTML tests find their fixtures, the seed articles and the shared benchmark data.</summary>
internal static class HtmlTestFiles
{
    public static string FixturesDirectory => Path.Combine(SourceDirectory(), "Fixtures");

    /// <summary>corpus/seed of the repository (the lead copies the seeds there), else /work-style shared/seeds.</summary>
    public static IReadOnlyList<string> SeedFiles()
    {
        foreach (var dir in new[] { Path.Combine(RepositoryRoot(), "corpus", "seed"), SharedFolder("seeds") })
            if (dir is not null && Directory.Exists(dir) && Directory.GetFiles(dir, "*.txt").Length > 0)
                return Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        return [];
    }

    /// <summary>shared/data beside the repository, or NEWSEXTRACT_SHARED_DATA; null when absent (a fresh clone).</summary>
    public static string? SharedData()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NEWSEXTRACT_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        return SharedFolder("data");
    }

    private static string? SharedFolder(string name)
    {
        for (var dir = new DirectoryInfo(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(SourceDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No NewsExtract.sln above {SourceDirectory()}; run the tests from a checkout of the repository.");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) is { Length: > 0 } dir && Directory.Exists(dir)
            ? dir
            : throw new DirectoryNotFoundException($"The test sources are not at '{path}'; the HTML fixtures are read from there.");
}
