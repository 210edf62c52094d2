using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Enterprises;

/// <summary>Creates or edits one 检查对象 from the staff form (Planner/Admin).</summary>
public static class SaveEnterprise
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public string Name { get; set; } = "";
        public string Uscc { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string Address { get; set; } = "";
        /// <summary>行业标签, ';'-separated.</summary>
        public string Tags { get; set; } = "";
        public string RiskClass { get; set; } = "B";
        public bool AbnormalList { get; set; }
        public bool SeriousViolation { get; set; }
        public string Status { get; set; } = "存续";
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? LegalRepresentative { get; set; }
        public string? LegacyRegistrationNo { get; set; }
        /// <summary>
        /// Admin only (the caller enforces the role): keeps a USCC whose check character fails, with this justification.
        /// Structural errors (length, alphabet, pos. 1/2, region) are never overridable.
        /// </summary>
        public string? UsccOverrideReason { get; set; }
        /// <summary>The <see cref="Enterprise.RowVersion"/> the edit was made on (form hidden field, API If-Match); null = no check.</summary>
        public int? ExpectedVersion { get; set; }
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            Enterprise? existing = null;
            if (cmd.Id is { } id)
            {
                existing = await db.Enterprises.Include(e => e.Tags).SingleOrDefaultAsync(e => e.Id == id, ct);
                if (existing is null) return new Error("enterprise.not_found", "检查对象不存在", Kind: ErrorKind.NotFound);
            }
            var rawUscc = (cmd.Uscc ?? "").Trim().ToUpperInvariant();
            var uscc = Uscc.Parse(rawUscc);
            var overrideReason = EnterpriseRules.Clean(cmd.UsccOverrideReason);
            var checkOnly = !uscc.IsSuccess && uscc.Error!.Code == "uscc.check";
            var keepsOverride = checkOnly && existing is { UsccOverridden: true } && existing.Uscc == rawUscc && overrideReason is null;
            if (!uscc.IsSuccess && !(checkOnly && (overrideReason is not null || keepsOverride))) return uscc.Error!;
            var data = Validate(cmd, rawUscc);
            if (!data.IsSuccess) return data.Error!;
            if (existing is not null && cmd.ExpectedVersion is int seen && seen != existing.RowVersion)
                return Error.Stale("该检查对象", seen, existing.RowVersion, existing.DifferencesFrom(data.Value));

            var duplicate = await db.Enterprises.AnyAsync(e => e.Uscc == rawUscc && e.Id != (cmd.Id ?? 0), ct);
            if (duplicate) return new Error("enterprise.duplicate_uscc", "该统一社会信用代码已存在", nameof(Command.Uscc), ErrorKind.Conflict);
            var now = clock.GetUtcNow().UtcDateTime;
            var overrideInfo = checkOnly && overrideReason is not null ? new UsccOverride(overrideReason, actor, now) : null;

            if (existing is null)
            {
                var created = Enterprise.Create(data.Value, now, usccOverride: overrideInfo);
                db.Enterprises.Add(created);
                await audit.AppendAsync(new AuditEvent("ENTERPRISE_CREATED", actor, new JsonObject
                {
                    ["uscc"] = rawUscc,
                    ["usccOverride"] = overrideInfo?.Reason,
                }), ct);
                return created.Id;
            }

            var changes = existing.Update(data.Value, actor, "form", now, overrideInfo);
            if (changes.Count == 0) return existing.Id;
            var fields = new JsonArray();
            foreach (var f in changes.Select(c => c.Field)) fields.Add(f);
            await audit.AppendAsync(new AuditEvent("ENTERPRISE_UPDATED", actor, new JsonObject
            {
                ["enterpriseId"] = existing.Id,
                ["uscc"] = existing.Uscc,
                ["fields"] = fields,
                ["usccOverride"] = overrideInfo?.Reason,
            }), ct);
            return existing.Id;
        }, ct);

        static Result<EnterpriseData> Validate(Command c, string uscc)
        {
            if (EnterpriseRules.Name(c.Name) is { } e1) return e1;
            if (EnterpriseRules.RegionCode(c.RegionCode?.Trim()) is { } e2) return e2;
            if (EnterpriseRules.Address(c.Address) is { } e3) return e3;
            var tags = EnterpriseRules.Tags(c.Tags);
            if (!tags.IsSuccess) return tags.Error!;
            var risk = EnterpriseRules.Risk(c.RiskClass);
            if (!risk.IsSuccess) return risk.Error!;
            var status = EnterpriseRules.Status(c.Status);
            if (!status.IsSuccess) return status.Error!;
            if (EnterpriseRules.Optional(c.ContactName, 100, nameof(c.ContactName), "联系人") is { } e4) return e4;
            if (EnterpriseRules.Optional(c.ContactPhone, 50, nameof(c.ContactPhone), "联系电话") is { } e5) return e5;
            if (EnterpriseRules.Optional(c.LegalRepresentative, 100, nameof(c.LegalRepresentative), "法定代表人") is { } e6) return e6;
            if (EnterpriseRules.Optional(c.LegacyRegistrationNo, 32, nameof(c.LegacyRegistrationNo), "注册号") is { } e7) return e7;
            return new EnterpriseData(c.Name.Trim(), uscc, c.RegionCode!.Trim(), c.Address.Trim(), tags.Value, risk.Value,
                c.AbnormalList, c.SeriousViolation, status.Value, EnterpriseRules.Clean(c.ContactName),
                EnterpriseRules.Clean(c.ContactPhone), EnterpriseRules.Clean(c.LegalRepresentative),
                EnterpriseRules.Clean(c.LegacyRegistrationNo));
        }
    }
}
