namespace NewsExtract.Cli;

/// <summary>A one-line progress bar on standard error, shown only when stderr is a terminal and the batch is large.</summary>
internal sealed class Progress : IDisposable
{
    private const int MinimumBatch = 50;
    private readonly TextWriter _stderr;
    private readonly int _total;
    private long _lastDraw;

    private Progress(TextWriter stderr, int total)
    {
        _stderr = stderr;
        _total = total;
    }

    public static Progress? Create(TextWriter stderr, int total) =>
        total >= MinimumBatch && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new Progress(stderr, total) : null;

    public void Report(int done)
    {
        long now = Environment.TickCount64;
        if (done < _total && now - _lastDraw < 100) return;
        _lastDraw = now;
        int width = 30;
        int filled = (int)((long)width * Math.Min(done, _total) / Math.Max(1, _total));
        _stderr.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{_total}");
    }

    private bool _cleared;

    /// <summary>Clears the bar (once), so that what follows on stderr starts on a clean line.</summary>
    public void Dispose()
    {
        if (_cleared) return;
        _cleared = true;
        _stderr.Write("\r" + new string(' ', 50) + "\r");
    }
}
