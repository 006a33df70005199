using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsExtract.Tests.Cli;

/// <summary>The README warns that the first `dotnet run` is silent for minutes and shows the installed tool as the fast path.</summary>
public class ReadmeFirstRunTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    private static string TwoCommands => Regex.Match(Readme, "## Two commands\\n(?<section>.*?)\\n## ", RegexOptions.Singleline).Groups["section"].Value;

    [Fact]
    public void The_first_run_section_says_that_dotnet_run_is_silent_while_it_builds()
    {
        Assert.Contains("dotnet run -c Release --project src/NewsExtract.Cli", TwoCommands);
        Assert.Matches(@"first `dotnet run` restores .* prints nothing meanwhile: about a minute", TwoCommands.ReplaceLineEndings(" "));
    }

    [Fact]
    public void The_installed_tool_path_uses_the_cli_package_and_its_command_name()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "NewsExtract.Cli", "NewsExtract.Cli.csproj"));
        string packageId = project.Descendants("PackageId").Single().Value;
        string command = project.Descendants("ToolCommandName").Single().Value;
        Assert.Equal("newsextract", command);
        Assert.Contains("dotnet pack src/NewsExtract.Cli/NewsExtract.Cli.csproj", TwoCommands);
        Assert.Matches($@"dotnet tool install --global --add-source artifacts/packages {Regex.Escape(packageId)}\b", TwoCommands);
        Assert.Matches($@"\n{command} extract ", TwoCommands);
    }
}
