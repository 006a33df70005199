using System.Reflection;
using System.Text.RegularExpressions;
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

    [Theory]
    [InlineData("--help")]
    [InlineData("extract", "--help")]
    [InlineData("eval", "--help")]
    public void Usage_names_the_command_newsextract_and_lists_the_exit_codes(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.Exit);
        Assert.DoesNotContain("NewsExtract.Cli", r.Out);
        Assert.Matches(@"Usage:\n  newsextract( extract| eval)? ", r.Out);
        foreach (var code in (string[])["0  every input", "1  some inputs failed", "2  usage error", "3  internal error"])
            Assert.Contains(code, r.Out);
    }

    [Fact]
    public void Help_lists_the_accepted_file_types()
    {
        var r = CliRunner.Run("extract", "--help");
        foreach (var type in (string[])[".txt", ".html, .htm", ".jsonl", "-    ", "a folder"])
            Assert.Contains(type, r.Out);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("eval")]
    public void Help_placeholders_and_values_are_the_readmes(string command)
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        string usage = Regex.Match(readme, "## The command-line tool\n\n```\n(?<usage>.*?)```", RegexOptions.Singleline).Groups["usage"].Value;
        Assert.Contains($"newsextract {command} ", usage);
        var help = CliRunner.Run(command, "--help").Out;
        var options = Regex.Matches(help, @"(--[a-z-]+) <([^>]+)>").Select(m => (Option: m.Groups[1].Value, Value: m.Groups[2].Value)).ToArray();
        Assert.NotEmpty(options);
        foreach (var (option, value) in options)
        {
            // Choices are written bare in the README (--format jsonl|json|csv), placeholders in brackets (--output <file>).
            string expected = value.Contains('|') ? $"{option} {value}" : $"{option} <{value}>";
            Assert.True(usage.Contains(expected, StringComparison.Ordinal), $"the README's usage lacks '{expected}' (from {command} --help)");
        }
        var argument = Regex.Match(help, @"Usage:\n  newsextract \w+ (<[a-z-]+>)").Groups[1].Value;
        Assert.Contains($"newsextract {command} {argument}", usage);
        // And the other way: every option of the README's line exists in the help.
        string line = usage[usage.IndexOf($"newsextract {command} ", StringComparison.Ordinal)..];
        line = line[..line.IndexOf("\nnewsextract ", StringComparison.Ordinal)];
        foreach (Match m in Regex.Matches(line, @"--[a-z-]+"))
            Assert.Contains(m.Value, help);
    }

    [Fact]
    public void Maintainer_commands_are_hidden_from_the_user_help()
    {
        var r = CliRunner.Run("--help");
        var commands = r.Out[r.Out.IndexOf("Commands:", StringComparison.Ordinal)..];
        Assert.Matches(@"\n  extract <path>", commands);
        Assert.Matches(@"\n  eval <gold-dir>", commands);
        Assert.DoesNotMatch(@"\n  (train|corpus)\b", commands);
        Assert.DoesNotContain("newsextract train", r.Out);
        // They still have their own help.
        Assert.Equal(0, CliRunner.Run("train", "--help").Exit);
        Assert.Contains("stats", CliRunner.Run("corpus", "--help").Out);
    }

    [Theory]
    [InlineData("corpus", "stats")]
    [InlineData("corpus", "split")]
    [InlineData("train")]
    public void Maintainer_commands_refuse_cleanly_outside_the_repository(params string[] command)
    {
        using var elsewhere = new TempFolder();
        string missing = Path.Combine(elsewhere.Path, "corpus");
        var r = CliRunner.Run([.. command, "--corpus", missing]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("maintainer command", r.Err);
        // The hint points at the command's own help: the main help does not list it.
        Assert.Contains($"Run 'newsextract {command[0]} --help'", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
        // A folder that exists but holds no gold articles is not the corpus either.
        if (command[0] == "corpus")
        {
            var empty = CliRunner.Run([.. command, "--corpus", elsewhere.Path]);
            Assert.Equal(2, empty.Exit);
            Assert.Contains("no gold articles", empty.Err);
        }
    }

    [Fact]
    public void Train_with_the_default_output_refuses_outside_the_repository()
    {
        // The tests run in the build folder, which has no src/NewsExtract/Resources/model below it.
        Assert.False(Directory.Exists(Path.Combine("src", "NewsExtract", "Resources", "model")), "run the tests from their output folder, not the repository root");
        var r = CliRunner.Run("train", "--corpus", RepositoryPaths.Corpus);
        Assert.Equal(2, r.Exit);
        Assert.Contains("--output <dir>", r.Err);
    }
}
