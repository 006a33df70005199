using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsExtract.Tests.Report;

/// <summary>
/// Headless Chromium (the Debian package <c>chromium</c>) driven over the DevTools protocol with
/// System.Net.WebSockets: navigate, evaluate script, collect console errors and exceptions, take screenshots.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Overrides where the browser is (a path to its executable).</summary>
    public const string ExecutableVariable = "NEWSEXTRACT_CHROMIUM";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _receiver;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiver = Task.Run(ReceiveLoop);
    }

    /// <summary>Console errors, uncaught exceptions and error log entries of the page so far.</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    /// <summary>The browser executable: $NEWSEXTRACT_CHROMIUM, else chromium (or chromium-browser, google-chrome) on the PATH; null when there is none.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in (string[])["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var file = Path.Combine(dir, name);
                if (File.Exists(file)) return file;
            }
        return null;
    }

    public static async Task<HeadlessChromium> StartAsync(int width = 1400, int height = 1000)
    {
        string exe = FindExecutable() ?? throw new InvalidOperationException($"No chromium on the PATH; install the Debian package 'chromium' or set {ExecutableVariable}.");
        string profile = Path.Combine(Path.GetTempPath(), "newsextract-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank"])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            const string marker = "DevTools listening on ";
            if (e.Data is { } line && line.Contains(marker, StringComparison.Ordinal))
                endpoint.TrySetResult(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var browserUrl = new Uri(await endpoint.Task.WaitAsync(Timeout));
            // The page target opened with about:blank: its own WebSocket takes Page/Runtime commands directly.
            using var http = new HttpClient { Timeout = Timeout };
            string? pageUrl = null;
            for (int attempt = 0; attempt < 50 && pageUrl is null; attempt++)
            {
                var list = JsonNode.Parse(await http.GetStringAsync($"http://{browserUrl.Host}:{browserUrl.Port}/json/list"))!.AsArray();
                pageUrl = list.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (pageUrl is null) await Task.Delay(100);
            }
            if (pageUrl is null) throw new InvalidOperationException("Chromium opened no page target.");
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(pageUrl), CancellationToken.None).WaitAsync(Timeout);
            var browser = new HeadlessChromium(process, profile, socket);
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Log.enable");
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
            });
            return browser;
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens a URL and waits for its load event (the page's inline script has run by then).</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (result.TryGetProperty("errorText", out var error))
            throw new InvalidOperationException($"Chromium could not open {url}: {error.GetString()}");
        await _loaded.Task.WaitAsync(Timeout);
    }

    /// <summary>Evaluates a script expression in the page and returns its value (promises are awaited).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var details))
            throw new InvalidOperationException($"The page script failed: {details}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v.Clone() : default;
    }

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
        return await reply.Task.WaitAsync(Timeout);
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The browser closed or the test is done.
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new InvalidOperationException("The Chromium connection closed."));
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        var root = doc.RootElement;
        if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error)) reply.TrySetException(new InvalidOperationException($"DevTools: {error}"));
            else reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            return;
        }
        if (!root.TryGetProperty("method", out var method)) return;
        var p = root.TryGetProperty("params", out var ps) ? ps : default;
        switch (method.GetString())
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                _problems.Enqueue("exception: " + p.GetProperty("exceptionDetails").ToString());
                break;
            case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                _problems.Enqueue("console.error: " + p.GetProperty("args").ToString());
                break;
            case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                _problems.Enqueue("log: " + p.GetProperty("entry").GetProperty("text").GetString());
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // Closing is best effort; the process is killed below.
        }
        _socket.Dispose();
        Kill(_process);
        await _receiver.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        TryDelete(_profile);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* a leftover browser profile in /tmp is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// A test that needs headless Chromium: skipped, with a message that says how to get it, on a machine without one
/// (CI installs the Debian package in .ci/run and skips only where it cannot).
/// </summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.FindExecutable() is null)
            Skip = $"No headless Chromium here: install the Debian package 'chromium' (apt-get install chromium) or set {HeadlessChromium.ExecutableVariable}; .ci/run installs it.";
    }
}
