using System.Text.Json;
using Microsoft.Playwright;

namespace SpotCheck.Bench.Workflow;

/// <summary>
/// Samples the used JS heap of a page and of its dedicated worker every 100 ms over CDP (Runtime.getHeapUsage) and keeps
/// the largest values. The worker is reached through the page's session with auto-attach, messages wrapped in
/// Target.sendMessageToTarget, because Playwright exposes CDP sessions for pages only.
/// </summary>
sealed class HeapSampler : IAsyncDisposable
{
    readonly ICDPSession _session;
    readonly CancellationTokenSource _stop = new();
    readonly TaskCompletionSource<string> _worker = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long _pagePeak, _workerPeak, _samples;
    int _nextId = 1_000_000;
    Task _loop = Task.CompletedTask;

    HeapSampler(ICDPSession session) => _session = session;

    public static async Task<HeapSampler> StartAsync(IPage page)
    {
        var sampler = new HeapSampler(await page.Context.NewCDPSessionAsync(page));
        sampler._session.Event("Target.attachedToTarget").OnEvent += (_, e) =>
        {
            if (e?.GetProperty("targetInfo").GetProperty("type").GetString() == "worker")
                sampler._worker.TrySetResult(e.Value.GetProperty("sessionId").GetString()!);
        };
        sampler._session.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            using var message = JsonDocument.Parse(e!.Value.GetProperty("message").GetString()!);
            if (message.RootElement.TryGetProperty("result", out var result) && result.TryGetProperty("usedSize", out var used))
                InterlockedMax(ref sampler._workerPeak, (long)used.GetDouble());
        };
        await sampler._session.SendAsync("Target.setAutoAttach", new Dictionary<string, object>
        {
            ["autoAttach"] = true, ["waitForDebuggerOnStart"] = false, ["flatten"] = false,
        });
        var worker = await sampler._worker.Task.WaitAsync(TimeSpan.FromSeconds(60));
        sampler._loop = sampler.LoopAsync(worker);
        return sampler;
    }

    async Task LoopAsync(string worker)
    {
        while (!_stop.IsCancellationRequested)
        {
            var page = await _session.SendAsync("Runtime.getHeapUsage");
            InterlockedMax(ref _pagePeak, (long)page!.Value.GetProperty("usedSize").GetDouble());
            await _session.SendAsync("Target.sendMessageToTarget", new Dictionary<string, object>
            {
                ["sessionId"] = worker, ["message"] = JsonSerializer.Serialize(new { id = _nextId++, method = "Runtime.getHeapUsage" }),
            });
            Interlocked.Increment(ref _samples);
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<(long PagePeak, long WorkerPeak, long Samples)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return (Interlocked.Read(ref _pagePeak), Interlocked.Read(ref _workerPeak), Interlocked.Read(ref _samples));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }

    static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
