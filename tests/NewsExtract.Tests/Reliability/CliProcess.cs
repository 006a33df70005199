using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Runs the built newsextract CLI as a separate process (the NewsExtract.Cli.dll copied beside the tests, same
/// configuration), so that exits, signals, pipes and special files are those of the real tool.
/// </summary>
internal static class CliProcess
{
    public static string Dll
    {
        get
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "NewsExtract.Cli.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The CLI is not built beside the tests ({dll}); build the solution first.");
        }
    }

    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workDir = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = workDir ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs the CLI with <paramref name="args"/>; standard input gets <paramref name="stdin"/> (or is closed).</summary>
    public static ProcessResult Run(string[] args, byte[]? stdin = null, int timeoutSeconds = 90, string? workDir = null) =>
        Wait(StartInfo(args, workDir), stdin, timeoutSeconds);

    /// <summary>Runs <c>/bin/sh -c script</c>, where <c>$CLI_DLL</c> is the CLI: for pipes, ulimit and setpriv.</summary>
    public static ProcessResult Shell(string script, int timeoutSeconds = 90, string? workDir = null)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = workDir ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["CLI_DLL"] = Dll;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Wait(info, null, timeoutSeconds);
    }

    private static ProcessResult Wait(ProcessStartInfo info, byte[]? stdin, int timeoutSeconds)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        // Peak RSS: the kernel's high-water mark (VmHWM), read until the process ends (Linux; 0 elsewhere).
        var sampler = Task.Run(() =>
        {
            string status = $"/proc/{process.Id}/status";
            while (!process.HasExited)
            {
                try
                {
                    foreach (var line in File.ReadLines(status))
                        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                            peak = Math.Max(peak, long.Parse(line[6..].Trim().Split(' ')[0]) * 1024);
                }
                catch (IOException) { break; } // the process ended between the check and the read
                catch (UnauthorizedAccessException) { break; }
                Thread.Sleep(10);
            }
        });
        try
        {
            if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool may stop reading standard input early (a size limit): that is what some tests check.
        }
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"newsextract did not finish within {timeoutSeconds} s (hang): {string.Join(' ', info.ArgumentList)}\nstderr: {stderr.Result}");
        }
        process.WaitForExit();
        sampler.Wait();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed) { PeakRss = peak };
    }

    /// <summary>Sends a real signal to a process (kill(2)).</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static void MakeFifo(string path)
    {
        var r = Shell($"mkfifo '{path}'");
        if (r.Exit != 0) throw new InvalidOperationException($"mkfifo failed: {r.Err}");
    }
}

internal sealed record ProcessResult(int Exit, string Out, string Err, TimeSpan Elapsed)
{
    /// <summary>Peak resident memory in bytes (from /proc on Linux; 0 where there is none).</summary>
    public long PeakRss { get; init; }

    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public ArticleRecord[] Records => Lines.Select(RecordJson.Parse).ToArray();

    public override string ToString() => $"exit {Exit} after {Elapsed.TotalSeconds:0.0} s; stderr:\n{Err}";
}

/// <summary>A test that needs a POSIX system (mkfifo, signals, symbolic links, /dev/zero); skipped with that reason on Windows.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Needs a POSIX system (FIFOs, signals, /dev/zero, symbolic links); run it on Linux or macOS.";
    }
}

/// <summary>A test that reads /proc (peak memory of a child process); skipped with that reason elsewhere than Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Reads a child's peak memory from /proc; run it on Linux.";
    }
}

/// <inheritdoc cref="PosixFactAttribute"/>
public sealed class PosixTheoryAttribute : TheoryAttribute
{
    public PosixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Needs a POSIX system (FIFOs, signals, /dev/zero, symbolic links); run it on Linux or macOS.";
    }
}
