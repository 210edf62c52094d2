using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

/// <summary>
/// Exports run in the background so a million-row list shows its progress and can be cancelled. Each job is a row of
/// <see cref="ExportJob"/> (any instance shows it, offers its file and records a cancel) and a file named by its 128
/// random bits under SpotCheck:ExportRoot (shared by the instances, like the evidence root), offered only to the user
/// who started it for an hour after it ended and deleted by the next export started after that hour. The instance
/// writing a job records its rows and a heartbeat about once a second and reads back a cancel; a job whose heartbeat
/// stops for <see cref="LostAfter"/> was lost with its instance and shows as failed. A job's start, a cancel and its end
/// (done, cancelled or failed, with the rows written) are audit entries. When the host stops, its writers
/// are stopped and their jobs recorded as failed before the services go (the user may export again at once, on any
/// instance, instead of a minute later).
/// </summary>
public sealed class ExportJobs(IServiceScopeFactory scopes, Storage storage, TimeProvider clock, ILogger<ExportJobs> log) : IHostedService, IDisposable
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(1);
    static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    /// <summary>The jobs this instance is writing, to stop them at once when asked here or when the host stops.</summary>
    readonly ConcurrentDictionary<string, CancellationTokenSource> _writing = new(StringComparer.Ordinal);

    /// <summary>The writers' tasks, awaited when the host stops.</summary>
    readonly ConcurrentDictionary<string, Task> _writers = new(StringComparer.Ordinal);

    string Folder => storage.ExportRoot;

    string FileOf(string id) => Path.Combine(Folder, id);

    /// <summary>Starts an export under the user's data scope, or returns the user's export already running (not started).</summary>
    public async Task<(ExportJob Job, bool Started)> StartAsync(AppDbContext db, string owner, DataScope scope, ListKind kind, TabularFormat format,
        CancellationToken ct)
    {
        await SweepAsync(db, ct);
        if (await RunningAsync(db, owner, ct) is { } running)
        {
            if (!IsLost(running)) return (running, false);
            await FailLostAsync(db, owner, ct);
        }
        Directory.CreateDirectory(Folder);
        var job = new ExportJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), owner, kind, format, clock.GetUtcNow().UtcDateTime);
        db.ExportJobs.Add(job);
        try
        {
            // The job and its audit entry are saved together.
            await new AuditLog(db, clock).AppendAsync(new AuditEvent("LIST_EXPORT_STARTED", owner, new JsonObject
            {
                ["job"] = job.Id, ["list"] = ListKinds.Slug(kind), ["format"] = format == TabularFormat.Xlsx ? "xlsx" : "csv",
            }), ct);
        }
        catch (DbUpdateException e) when (SingleWinner.IsLostRace(e))
        {
            // The same user started one at the same moment, on this instance or another.
            db.ChangeTracker.Clear();
            return (await RunningAsync(db, owner, ct) ?? throw new InvalidOperationException("export start lost a race to a job that is gone", e), false);
        }
        var cancel = new CancellationTokenSource();
        _writing[job.Id] = cancel;
        // Known before it starts: a writer that ends at once removes itself.
        var writer = new Task(() => Write(job.Id, kind, format, owner, scope, cancel), TaskCreationOptions.LongRunning);
        _writers[job.Id] = writer;
        writer.Start(TaskScheduler.Default);
        return (job, true);
    }

    /// <summary>The job with this id if <paramref name="owner"/> started it; nobody else learns it exists.</summary>
    public async Task<ExportJob?> FindAsync(AppDbContext db, string? id, string owner, CancellationToken ct)
    {
        if (id is null) return null;
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Owner == owner, ct);
        if (job is null || !IsLost(job)) return job;
        await FailLostAsync(db, owner, ct);
        return await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
    }

    /// <summary>Records a cancel for the owner's running job (the writing instance stops within a second); null when there is no such job.</summary>
    public async Task<ExportJob?> CancelAsync(AppDbContext db, string? id, string owner, CancellationToken ct)
    {
        if (await FindAsync(db, id, owner, ct) is not { } job) return null;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Once per job: a second cancel, or one after the job ended, changes nothing and records nothing.
            var marked = await db.ExportJobs.Where(j => j.Id == job.Id && j.State == ExportState.Running && !j.CancelRequested)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
            if (marked > 0) await new AuditLog(db, clock).AppendAsync(new AuditEvent("LIST_EXPORT_CANCELLED", owner, new JsonObject { ["job"] = job.Id }), ct);
            await tx.CommitAsync(ct);
        }
        if (_writing.TryGetValue(job.Id, out var cancel)) Stop(cancel);
        return job;
    }

    /// <summary>The finished file of the owner's job, null when there is none (not done, expired, or not on the shared folder).</summary>
    public async Task<(ExportJob Job, FileStream File)?> OpenFileAsync(AppDbContext db, string? id, string owner, CancellationToken ct)
    {
        if (await FindAsync(db, id, owner, ct) is not { State: ExportState.Done } done || !File.Exists(FileOf(done.Id))) return null;
        return (done, new FileStream(FileOf(done.Id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16));
    }

    static Task<ExportJob?> RunningAsync(AppDbContext db, string owner, CancellationToken ct) =>
        db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Owner == owner && j.State == ExportState.Running, ct);

    /// <summary>A running job whose writer fell silent for <see cref="LostAfter"/> (its instance stopped or crashed).</summary>
    bool IsLost(ExportJob job) => job.State == ExportState.Running && job.HeartbeatAtUtc < clock.GetUtcNow().UtcDateTime - LostAfter;

    /// <summary>The owner's lost jobs (<see cref="IsLost"/>) are recorded as failed.</summary>
    async Task FailLostAsync(AppDbContext db, string owner, CancellationToken ct)
    {
        var silentSince = clock.GetUtcNow().UtcDateTime - LostAfter;
        var lost = await db.ExportJobs.AsNoTracking().Where(j => j.Owner == owner && j.State == ExportState.Running && j.HeartbeatAtUtc < silentSince)
            .Select(j => new { j.Id, j.Rows }).ToListAsync(ct);
        foreach (var job in lost)
            await RecordEndAsync(db, job.Id, ExportState.Failed, job.Rows, "lost", j => j.HeartbeatAtUtc < silentSince, ct);
    }

    /// <summary>
    /// A running job ends once (another instance may be ending it at the same moment), and its end is an audit entry by
    /// the system naming the user, the outcome and the rows written. A stop is recorded as cancelled only if the user
    /// asked for it; otherwise the job failed (its host stopped).
    /// </summary>
    async Task RecordEndAsync(AppDbContext db, string id, ExportState state, int rows, string? reason,
        System.Linq.Expressions.Expression<Func<ExportJob, bool>>? still, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = state == ExportState.Cancelled ? ExportState.Failed : state;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var running = db.ExportJobs.Where(j => j.Id == id && j.State == ExportState.Running);
        if (still is not null) running = running.Where(still);
        var ended = await running.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, j => j.CancelRequested ? state : failed).SetProperty(j => j.Rows, rows)
            .SetProperty(j => j.EndedAtUtc, now).SetProperty(j => j.HeartbeatAtUtc, now), ct);
        if (ended == 0) return;
        var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        var payload = new JsonObject { ["job"] = id, ["user"] = job.Owner, ["state"] = StateSlug(job.State), ["rows"] = rows };
        if (job.State == ExportState.Failed) payload["reason"] = reason ?? "stopped";
        await new AuditLog(db, clock).AppendAsync(new AuditEvent("LIST_EXPORT_ENDED", StartupTasks.Actor, payload), ct);
        await tx.CommitAsync(ct);
    }

    static string StateSlug(ExportState state) => state switch
    {
        ExportState.Done => "done",
        ExportState.Cancelled => "cancelled",
        _ => "failed",
    };

    void Write(string id, ListKind kind, TabularFormat format, string owner, DataScope scope, CancellationTokenSource cancel)
    {
        var part = FileOf(id) + ".part";
        var (state, rows, reason) = (ExportState.Failed, 0, (string?)null);
        try
        {
            using var services = scopes.CreateScope();
            services.ServiceProvider.GetRequiredService<DataScopeHolder>().Current = scope;
            var transfer = services.ServiceProvider.GetRequiredService<TransferLists>();
            // Its own context: the export's reader holds the other one's connection while it reports.
            using var progressScope = scopes.CreateScope();
            var progress = new Progress(progressScope.ServiceProvider.GetRequiredService<AppDbContext>(), id, clock, cancel);
            progress.Report(0, transfer.Count(kind));
            using (var file = File.Create(part))
                rows = transfer.Export(kind, file, format, cancel.Token, written =>
                {
                    rows = written; // what a stopped job shows it had written
                    progress.Report(written, null);
                });
            File.Move(part, FileOf(id));
            state = ExportState.Done;
            log.LogInformation("Export of {List} ({Count} rows) by {User}", kind, rows, owner);
        }
        catch (OperationCanceledException)
        {
            state = ExportState.Cancelled;
        }
        catch (Exception e)
        {
            reason = "error";
            log.LogError(e, "Export of {List} by {User} failed", kind, owner);
        }
        finally
        {
            if (state != ExportState.Done) File.Delete(part);
            End(id, state, rows, reason);
            _writing.TryRemove(id, out _);
            _writers.TryRemove(id, out _);
            cancel.Dispose();
        }
    }

    /// <summary>Runs on the writer's own thread, which has nothing else to do.</summary>
    void End(string id, ExportState state, int rows, string? reason)
    {
        try
        {
            using var services = scopes.CreateScope();
            RecordEndAsync(services.ServiceProvider.GetRequiredService<AppDbContext>(), id, state, rows, reason, null, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ObjectDisposedException or DbUpdateException or System.Data.Common.DbException)
        {
            // The host is stopping or the database is gone: the job shows as failed once its heartbeat is old.
            log.LogWarning(e, "Export {Job} ended {State} but could not be recorded", id, state);
        }
    }

    /// <summary>Rows and heartbeat written at most once per <see cref="ReportEvery"/>; a recorded cancel stops the writer.</summary>
    sealed class Progress(AppDbContext db, string id, TimeProvider clock, CancellationTokenSource cancel)
    {
        DateTimeOffset _last = DateTimeOffset.MinValue;

        public void Report(int rows, int? total)
        {
            var now = clock.GetUtcNow();
            if (total is null && now - _last < ReportEvery) return;
            _last = now;
            var at = now.UtcDateTime;
            var jobs = db.ExportJobs.Where(j => j.Id == id && !j.CancelRequested);
            var updated = total is { } t
                ? jobs.ExecuteUpdate(s => s.SetProperty(j => j.Rows, rows).SetProperty(j => j.Total, t).SetProperty(j => j.HeartbeatAtUtc, at))
                : jobs.ExecuteUpdate(s => s.SetProperty(j => j.Rows, rows).SetProperty(j => j.HeartbeatAtUtc, at));
            if (updated == 0) cancel.Cancel();
        }
    }

    /// <summary>Forgets jobs ended more than <see cref="Kept"/> ago and deletes their files.</summary>
    async Task SweepAsync(AppDbContext db, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - Kept;
        var expired = await db.ExportJobs.AsNoTracking().Where(j => j.EndedAtUtc < before).Select(j => j.Id).ToListAsync(ct);
        if (expired.Count == 0) return;
        foreach (var id in expired)
        {
            File.Delete(FileOf(id));
            File.Delete(FileOf(id) + ".part");
        }
        await db.ExportJobs.Where(j => expired.Contains(j.Id)).ExecuteDeleteAsync(ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host is stopping: this instance's writers stop and record their jobs failed while the database is still there.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var cancel in _writing.Values) Stop(cancel);
        try
        {
            await Task.WhenAll(_writers.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("The host stopped before {Count} export(s) recorded their end; they show as failed later", _writers.Count);
        }
    }

    /// <summary>Stops any writer still running when the services go: its job shows as failed once its heartbeat is old.</summary>
    public void Dispose()
    {
        foreach (var cancel in _writing.Values) Stop(cancel);
    }

    static void Stop(CancellationTokenSource cancel)
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That writer has just ended.
        }
    }
}
