namespace NewsExtract.Tests;

/// <summary>Finds the repository (the folder with NewsExtract.sln) and the shared benchmark data beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No NewsExtract.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootLazy.Value;

    public static string Corpus => Path.Combine(Root, "corpus");

    /// <summary>../shared/data when present (NEWSEXTRACT_SHARED_DATA overrides), else null.</summary>
    public static string? SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("NEWSEXTRACT_SHARED_DATA");
            if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }
}
