using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// Opens a page in Debian's headless Chromium (installed by .ci/install-browser.sh) over the DevTools protocol and
/// reports what a person's browser would: console errors and uncaught exceptions (a Content-Security-Policy
/// violation is one), every network request other than the page itself, a full-page screenshot and an A4 PDF.
/// Every wait is bounded; the browser and its profile folder are removed when done.
/// </summary>
internal sealed partial class HeadlessChromium : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new(Patience * 3);
    private int _nextId;

    private HeadlessChromium(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>What the page did while it loaded.</summary>
    public sealed record PageVisit(IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, string Title, string Text, byte[] Screenshot, byte[] Pdf, int HeightPixels);

    /// <summary>The Chromium executable, or null when it is not installed.</summary>
    public static string? FindExecutable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static HeadlessChromium Start(string executable)
    {
        string profile = Path.Combine(Path.GetTempPath(), "bordersim-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
            "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var chromium = new HeadlessChromium(process, profile);
        try
        {
            chromium.Connect();
        }
        catch
        {
            chromium.Dispose();
            throw;
        }

        return chromium;
    }

    private void Connect()
    {
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr.
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _browser.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && DevToolsLine().Match(line) is { Success: true } m)
            {
                found.TrySetResult(m.Groups[1].Value);
            }
        };
        _browser.OutputDataReceived += (_, _) => { };
        _browser.BeginErrorReadLine();
        _browser.BeginOutputReadLine();
        if (!found.Task.Wait(Patience))
        {
            throw new TimeoutException("chromium did not open its DevTools port");
        }

        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket.ConnectAsync(new Uri(found.Task.Result), _stop.Token).GetAwaiter().GetResult();
    }

    /// <summary>Loads <paramref name="path"/> at <paramref name="widthPixels"/> wide and records what happened.</summary>
    public PageVisit Visit(string path, int widthPixels = 1280)
    {
        string url = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        var errors = new List<string>();
        var requests = new List<string>();
        var events = new List<JsonObject>();

        string targetId = (string)Send(null, "Target.createTarget", new JsonObject { ["url"] = "about:blank" }, events)["targetId"]!;
        string session = (string)Send(null, "Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, events)["sessionId"]!;
        foreach (string domain in new[] { "Runtime.enable", "Log.enable", "Network.enable", "Page.enable" })
        {
            Send(session, domain, new JsonObject(), events);
        }

        Send(session, "Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = widthPixels, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false }, events);
        Send(session, "Page.navigate", new JsonObject { ["url"] = url }, events);
        WaitFor(events, e => (string?)e["method"] == "Page.loadEventFired");
        // Late console messages and requests (none are expected from a page with no script) get a moment to arrive.
        Thread.Sleep(500);
        Send(session, "Runtime.evaluate", new JsonObject { ["expression"] = "1" }, events);

        foreach (JsonObject e in events)
        {
            string method = (string?)e["method"] ?? "";
            JsonNode? p = e["params"];
            string? consoleType = p?["type"]?.GetValue<string>();
            string? level = p?["entry"]?["level"]?.GetValue<string>();
            string? requested = p?["request"]?["url"]?.GetValue<string>();
            if (method == "Runtime.consoleAPICalled" && consoleType is "error" or "assert")
            {
                errors.Add("console." + consoleType + ": " + p?["args"]?.ToJsonString());
            }
            else if (method == "Runtime.exceptionThrown")
            {
                errors.Add("exception: " + p?["exceptionDetails"]?.ToJsonString());
            }
            else if (method == "Log.entryAdded" && level == "error")
            {
                errors.Add("log: " + p?["entry"]?["text"]?.GetValue<string>() + " " + p?["entry"]?["url"]?.GetValue<string>());
            }
            else if (method == "Network.requestWillBeSent" && requested is not null && requested != url)
            {
                requests.Add(requested);
            }
            else if (method == "Network.loadingFailed")
            {
                errors.Add("failed to load: " + p?.ToJsonString());
            }
        }

        string title = (string?)Send(session, "Runtime.evaluate", new JsonObject { ["expression"] = "document.title", ["returnByValue"] = true }, events)["result"]?["value"] ?? "";
        string text = (string?)Send(session, "Runtime.evaluate", new JsonObject { ["expression"] = "document.body.innerText", ["returnByValue"] = true }, events)["result"]?["value"] ?? "";
        JsonNode metrics = Send(session, "Page.getLayoutMetrics", new JsonObject(), events);
        int height = (int)Math.Ceiling((double?)metrics["cssContentSize"]?["height"] ?? 900);
        JsonNode shot = Send(session, "Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = widthPixels, ["height"] = Math.Min(height, 16000), ["scale"] = 1 },
        }, events);
        JsonNode pdf = Send(session, "Page.printToPDF", new JsonObject { ["preferCSSPageSize"] = true, ["printBackground"] = true }, events);
        Send(null, "Target.closeTarget", new JsonObject { ["targetId"] = targetId }, events);
        return new PageVisit(errors, requests, title, text, Convert.FromBase64String((string)shot["data"]!), Convert.FromBase64String((string)pdf["data"]!), height);
    }

    /// <summary>
    /// Loads <paramref name="path"/> and returns, for each element matching <paramref name="selector"/>, its text and
    /// the font families Chromium drew its text with (CSS.getPlatformFontsForNode: the fonts actually used, after fallback).
    /// </summary>
    public IReadOnlyList<(string Text, IReadOnlyList<string> Families)> FontsOf(string path, string selector)
    {
        var events = new List<JsonObject>();
        string targetId = (string)Send(null, "Target.createTarget", new JsonObject { ["url"] = "about:blank" }, events)["targetId"]!;
        string session = (string)Send(null, "Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, events)["sessionId"]!;
        Send(session, "Page.enable", new JsonObject(), events);
        Send(session, "Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri }, events);
        WaitFor(events, e => (string?)e["method"] == "Page.loadEventFired");
        Send(session, "DOM.enable", new JsonObject(), events);
        Send(session, "CSS.enable", new JsonObject(), events);
        int root = (int)Send(session, "DOM.getDocument", new JsonObject { ["depth"] = 0 }, events)["root"]!["nodeId"]!;
        JsonArray nodes = Send(session, "DOM.querySelectorAll", new JsonObject { ["nodeId"] = root, ["selector"] = selector }, events)["nodeIds"]!.AsArray();
        string expression = $"Array.from(document.querySelectorAll({JsonValue.Create(selector).ToJsonString()})).map(e => e.textContent)";
        JsonArray texts = Send(session, "Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, events)["result"]!["value"]!.AsArray();
        var found = new List<(string, IReadOnlyList<string>)>();
        for (int i = 0; i < nodes.Count; i++)
        {
            JsonArray fonts = Send(session, "CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = (int)nodes[i]! }, events)["fonts"]!.AsArray();
            found.Add(((string)texts[i]!, [.. fonts.Select(f => (string)f!["familyName"]!)]));
        }

        Send(null, "Target.closeTarget", new JsonObject { ["targetId"] = targetId }, events);
        return found;
    }

    /// <summary>Sends one command and returns its result; events that arrive meanwhile go to <paramref name="events"/>.</summary>
    private JsonNode Send(string? session, string method, JsonObject parameters, List<JsonObject> events)
    {
        int id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token).GetAwaiter().GetResult();
        while (true)
        {
            JsonObject reply = Receive();
            if ((int?)reply["id"] == id)
            {
                if (reply["error"] is { } error)
                {
                    throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                }

                return reply["result"] ?? new JsonObject();
            }

            events.Add(reply);
        }
    }

    private void WaitFor(List<JsonObject> events, Func<JsonObject, bool> done)
    {
        if (events.Any(done))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            JsonObject next = Receive();
            events.Add(next);
            if (done(next))
            {
                return;
            }
        }

        throw new TimeoutException("the page did not finish loading");
    }

    private JsonObject Receive()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(Patience);
        while (true)
        {
            WebSocketReceiveResult part = _socket.ReceiveAsync(buffer, timeout.Token).GetAwaiter().GetResult();
            if (part.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("chromium closed the DevTools connection");
            }

            message.Write(buffer, 0, part.Count);
            if (part.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                _socket.Abort();
            }
        }
        finally
        {
            _socket.Dispose();
            try
            {
                if (!_browser.HasExited)
                {
                    _browser.Kill(entireProcessTree: true);
                    _browser.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _browser.Dispose();
            _stop.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying renderer: the temp folder is cleaned later.
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
