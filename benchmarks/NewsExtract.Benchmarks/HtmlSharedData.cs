namespace NewsExtract.Benchmarks;

/// <summary>
/// Finds the third-party benchmark data (<c>shared/data</c> beside the repository, never inside it):
/// the NEWSEXTRACT_SHARED_DATA variable, else a <c>shared/data</c> folder in the current directory or
/// one of its parents, else the same search from the program's folder.
/// </summary>
internal static class HtmlSharedData
{
    public const string Variable = "NEWSEXTRACT_SHARED_DATA";

    public static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        return SearchUp(Directory.GetCurrentDirectory()) ?? SearchUp(AppContext.BaseDirectory);
    }

    private static string? SearchUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
