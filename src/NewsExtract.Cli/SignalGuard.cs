using System.Runtime.InteropServices;

namespace NewsExtract.Cli;

/// <summary>
/// While an --output file is being written, SIGINT, SIGTERM and SIGHUP remove its temporary file before the process
/// ends (with 128 + the signal's number, as a shell reports a process a signal stopped), so an interrupted run leaves
/// the old output as it was and no debris beside it.
/// </summary>
internal sealed class SignalGuard : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private SignalGuard(RecordWriter writer, string output, TextWriter stderr)
    {
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1) })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                try
                {
                    writer.Abort();
                    stderr.WriteLine($"newsextract: stopped by {signal}; --output '{output}' was not written (an existing file is unchanged).");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"newsextract: stopped by {signal}; the temporary file beside --output '{output}' could not be removed: {ex.Message}");
                }
                stderr.Flush();
                Environment.Exit(128 + number);
            }));
        }
    }

    /// <summary>Guards <paramref name="writer"/> until disposed; null (nothing to guard) when it writes to standard output.</summary>
    public static SignalGuard? Register(RecordWriter? writer, string? output, TextWriter stderr) =>
        writer is null || output is null ? null : new SignalGuard(writer, output, stderr);

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
