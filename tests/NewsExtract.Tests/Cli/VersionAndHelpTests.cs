using System.Reflection;
using NewsExtract.Cli;

namespace NewsExtract.Tests.Cli;

public class VersionAndHelpTests
{
    [Fact]
    public void Version_prints_the_informational_version_of_the_tool()
    {
        var r = CliRunner.Run("--version");
        Assert.Equal(0, r.Exit);
        string expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, r.Out.Trim());
        Assert.StartsWith(typeof(Program).Assembly.GetName().Version!.ToString(3), expected);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("extract", "--help")]
    [InlineData("eval", "--help")]
    public void Help_shows_usage_with_examples(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.Exit);
        Assert.Contains("Usage:", r.Out);
        Assert.Contains("Examples:", r.Out);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var r = CliRunner.Run();
        Assert.Equal(2, r.Exit);
        Assert.Contains("newsextract --help", r.Err);
    }
}
