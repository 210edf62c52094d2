using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Draw;

namespace SpotCheck.Core.Draws;

static partial class DrawLookup
{
    /// <summary>The session for a step; the snapshot files only when the step replays the draw.</summary>
    public static async Task<Result<DrawSession>> FindAsync(AppDbContext db, string drawId, CancellationToken ct, bool withSnapshot = false) =>
        await (withSnapshot ? db.DrawSessions : db.DrawSessions.IgnoreAutoIncludes()).SingleOrDefaultAsync(d => d.DrawId == drawId, ct) is { } d
            ? d
            : new Error("draw.not_found", "抽取不存在", Kind: ErrorKind.NotFound);

    public static Error? Party(string party) => DrawSession.Parties.Contains(party, StringComparer.Ordinal)
        ? null
        : new Error("draw.party", "承诺方只能是组织方（organizer）或监督方（supervisor）", "party");

    [GeneratedRegex("^[0-9A-Za-z_.-]{16,128}$")]
    public static partial Regex SecretPattern();
}

/// <summary>Step 2: a party commits to a secret (generated here and shown once, or entered); only the commitment is kept.</summary>
public static class CommitDraw
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        /// <summary>Returns the secret, which the party must keep for the reveal; the server does not store it.</summary>
        public async Task<Result<string>> HandleAsync(string drawId, string party, string? secret, string actor, CancellationToken ct = default)
        {
            if (DrawLookup.Party(party) is { } e) return e;
            if (string.IsNullOrEmpty(secret)) secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            else if (!DrawLookup.SecretPattern().IsMatch(secret))
                return new Error("draw.secret", "秘密值须为16至128位的字母、数字或 _ . -", "secret");
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            return await db.RunAsync(async () =>
            {
                var found = await DrawLookup.FindAsync(db, drawId, ct);
                if (!found.IsSuccess) return found.Error!;
                var draw = found.Value;
                var commitment = DrawHash.Commitment(draw.DrawId, party, secret);
                var done = draw.Commit(party, commitment, clock.GetUtcNow().UtcDateTime);
                if (!done.IsSuccess) return done.Error!;
                await audit.AppendAsync(new AuditEvent("COMMIT", actor, new JsonObject { ["party"] = party, ["commitment"] = commitment }, draw.DrawId), ct);
                return Result<string>.Ok(secret);
            }, ct);
        }
    }
}

/// <summary>Step 3: the public randomness, typed by two people independently; returns the 8-hex read-aloud code.</summary>
public static class EnterPublicRandomness
{
    public sealed record Outcome(bool Confirmed, string ReadAloudCode);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<Outcome>> HandleAsync(string drawId, string value, string actor, CancellationToken ct = default)
        {
            if (PublicRandomnessFormat.Check(value) is { } problem) return new Error("draw.randomness", problem, "publicRandomness");
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            return await db.RunAsync(async () =>
            {
                var found = await DrawLookup.FindAsync(db, drawId, ct);
                if (!found.IsSuccess) return found.Error!;
                var draw = found.Value;
                if (PublicRandomnessFormat.CheckAgainst(value, draw.RandomnessSource) is { } mismatch)
                    return new Error("draw.randomness_kind", mismatch, "publicRandomness");
                var code = DrawHash.ReadAloudCode(value);
                var hadPending = draw.PendingRandomness is not null;
                var entered = draw.EnterRandomness(value, actor, clock.GetUtcNow().UtcDateTime);
                if (!entered.IsSuccess)
                {
                    if (hadPending && draw.PendingRandomness is null) // mismatch: the held first entry was discarded
                        await audit.AppendAsync(new AuditEvent("PUBLIC_RANDOMNESS_MISMATCH", actor, new JsonObject { ["readAloudCode"] = code }, draw.DrawId), ct);
                    return entered.Error!;
                }
                if (entered.Value)
                    await audit.AppendAsync(new AuditEvent("PUBLIC_RANDOMNESS", actor, new JsonObject
                    {
                        ["publicRandomness"] = value, ["readAloudCode"] = code, ["source"] = draw.RandomnessSource,
                    }, draw.DrawId), ct);
                else
                    await audit.AppendAsync(new AuditEvent("PUBLIC_RANDOMNESS_FIRST_ENTRY", actor, new JsonObject { ["readAloudCode"] = code }, draw.DrawId), ct);
                return Result<Outcome>.Ok(new Outcome(entered.Value, code));
            }, ct);
        }
    }
}

/// <summary>Step 4: each party reveals its secret; a secret that does not open the commitment is refused.</summary>
public static class RevealSecret
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(string drawId, string party, string secret, string actor, CancellationToken ct = default)
        {
            if (DrawLookup.Party(party) is { } e) return e;
            if (string.IsNullOrEmpty(secret)) return new Error("draw.secret", "请输入秘密值", "secret");
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            return await db.RunAsync(async () =>
            {
                var found = await DrawLookup.FindAsync(db, drawId, ct);
                if (!found.IsSuccess) return found.Error!;
                var draw = found.Value;
                var revealed = draw.Reveal(party, secret, clock.GetUtcNow().UtcDateTime);
                if (!revealed.IsSuccess) return revealed;
                await audit.AppendAsync(new AuditEvent("REVEAL", actor, new JsonObject { ["party"] = party, ["secret"] = secret }, draw.DrawId), ct);
                return Result.Ok();
            }, ct);
        }
    }
}

/// <summary>Voids an unfinished draw (draw-spec §6.6); a retry needs a fresh drawId and fresh commitments.</summary>
public static class VoidDraw
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(string drawId, string reason, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var found = await DrawLookup.FindAsync(db, drawId, ct);
            if (!found.IsSuccess) return found.Error!;
            var draw = found.Value;
            var stepReached = draw.Status;
            var voided = draw.Void(reason, clock.GetUtcNow().UtcDateTime);
            if (!voided.IsSuccess) return voided;
            var count = await db.DrawSessions.CountAsync(d => d.PlanId == draw.PlanId && d.Status == DrawStatus.Voided, ct) + 1;
            await audit.AppendAsync(new AuditEvent("VOIDED", actor, new JsonObject
            {
                ["reason"] = draw.VoidReason, ["stepReached"] = stepReached.ToString(), ["voidedDrawsOfPlan"] = count,
            }, draw.DrawId), ct);
            return Result.Ok();
        }, ct);
    }
}

/// <summary>公示 of a finished draw: its record becomes public (PUBLISHED, draw-spec §6.7).</summary>
public static class PublishDraw
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(string drawId, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            var found = await DrawLookup.FindAsync(db, drawId, ct);
            if (!found.IsSuccess) return found.Error!;
            var draw = found.Value;
            var published = draw.Publish(clock.GetUtcNow().UtcDateTime);
            if (!published.IsSuccess) return published;
            var voided = await db.DrawSessions.CountAsync(d => d.PlanId == draw.PlanId && d.Status == DrawStatus.Voided, ct);
            await audit.AppendAsync(new AuditEvent("PUBLISHED", actor, new JsonObject
            {
                ["inputsHash"] = draw.InputsHash, ["seed"] = draw.Seed, ["voidedDrawsOfPlan"] = voided,
            }, draw.DrawId), ct);
            return Result.Ok();
        }, ct);
    }
}
