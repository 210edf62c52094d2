using System.Collections.Concurrent;
using System.Security.Cryptography;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

public enum ExportState { Running, Done, Failed, Cancelled }

/// <summary>One list being written to a file in the background; read by the progress panel while it runs.</summary>
public sealed class ExportJob(string id, string owner, ListKind kind, TabularFormat format, string path, DateTimeOffset startedAt)
{
    volatile int _rows;
    volatile int _total;
    volatile ExportState _state;

    public string Id { get; } = id;
    public string Owner { get; } = owner;
    public ListKind Kind { get; } = kind;
    public TabularFormat Format { get; } = format;
    public string Path { get; } = path;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? EndedAt { get; private set; }
    public int Rows { get => _rows; set => _rows = value; }
    /// <summary>Rows the list held when the export started (0 until counted).</summary>
    public int Total { get => _total; set => _total = value; }
    public ExportState State => _state;
    public CancellationTokenSource Cancel { get; } = new();

    /// <summary>Whole percent written, at most 99 until the file is complete.</summary>
    public int Percent => State == ExportState.Done ? 100 : Total <= 0 ? 0 : (int)Math.Min(99, 100L * Rows / Total);

    public void End(ExportState state, DateTimeOffset at)
    {
        EndedAt = at;
        _state = state;
    }
}

/// <summary>
/// Exports run in the background so a million-row list shows its progress and can be cancelled: each writes to a file
/// under the data directory named by 128 random bits, offered only to the user who started it for an hour after it
/// ended, and deleted by the next export started after that hour or when the host stops. One running export per user. Jobs live in this instance's memory: behind several
/// instances, the progress panel needs the load balancer's sticky sessions.
/// </summary>
public sealed class ExportJobs(IServiceScopeFactory scopes, Storage storage, TimeProvider clock, ILogger<ExportJobs> log) : IDisposable
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);
    readonly Lock _starting = new();

    string Folder => System.IO.Path.Combine(storage.DataDir, "exports");

    /// <summary>Starts an export under the user's data scope, or returns the user's export already running (not started).</summary>
    public (ExportJob Job, bool Started) Start(string owner, DataScope scope, ListKind kind, TabularFormat format)
    {
        Sweep();
        lock (_starting)
        {
            if (_jobs.Values.FirstOrDefault(j => j.Owner == owner && j.State == ExportState.Running) is { } running) return (running, false);
            System.IO.Directory.CreateDirectory(Folder);
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var job = new ExportJob(id, owner, kind, format, System.IO.Path.Combine(Folder, id), clock.GetUtcNow());
            _jobs[id] = job;
            _ = Task.Factory.StartNew(() => Run(job, scope), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return (job, true);
        }
    }

    /// <summary>The job with this id if <paramref name="owner"/> started it; nobody else learns it exists.</summary>
    public ExportJob? Find(string? id, string owner) =>
        id is not null && _jobs.TryGetValue(id, out var job) && string.Equals(job.Owner, owner, StringComparison.Ordinal) ? job : null;

    void Run(ExportJob job, DataScope scope)
    {
        var part = job.Path + ".part";
        try
        {
            using var services = scopes.CreateScope();
            services.ServiceProvider.GetRequiredService<DataScopeHolder>().Current = scope;
            var transfer = services.ServiceProvider.GetRequiredService<TransferLists>();
            job.Total = transfer.Count(job.Kind);
            using (var file = File.Create(part))
                job.Rows = transfer.Export(job.Kind, file, job.Format, job.Cancel.Token, rows => job.Rows = rows);
            File.Move(part, job.Path);
            job.End(ExportState.Done, clock.GetUtcNow());
            log.LogInformation("Export of {List} ({Count} rows) by {User}", job.Kind, job.Rows, job.Owner);
        }
        catch (OperationCanceledException)
        {
            File.Delete(part);
            job.End(ExportState.Cancelled, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            File.Delete(part);
            job.End(ExportState.Failed, clock.GetUtcNow());
            log.LogError(e, "Export of {List} by {User} failed", job.Kind, job.Owner);
        }
    }

    /// <summary>Forgets jobs ended more than <see cref="Kept"/> ago and deletes their files.</summary>
    void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var job in _jobs.Values.Where(j => j.EndedAt is { } end && now - end > Kept).ToList())
            if (_jobs.TryRemove(job.Id, out _)) File.Delete(job.Path);
    }

    public void Dispose()
    {
        foreach (var job in _jobs.Values)
        {
            job.Cancel.Cancel();
            if (job.State == ExportState.Done) File.Delete(job.Path);
        }
    }
}
