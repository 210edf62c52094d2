using SpotCheck.Core.Common;

namespace SpotCheck.Core.Draws;

public enum DrawStatus { Frozen, Committed, RandomnessEntered, Revealed, Drawn, Partial, Voided }

/// <summary>
/// One draw ceremony (draw-spec §6) as a persisted state machine. Every step is one transaction that ends in its
/// audit entry, so a crash between steps leaves a draw that can be resumed from its <see cref="Status"/> or voided.
/// Secrets are stored only once revealed; before that only their commitments exist.
/// </summary>
public sealed class DrawSession : Data.IVersioned
{
    public int RowVersion { get; private set; }

    public const string Organizer = "organizer";
    public const string Supervisor = "supervisor";
    public static readonly string[] Parties = [Organizer, Supervisor];

    readonly List<DrawStep> _steps = [];

    DrawSession() { }

    public int Id { get; private set; }
    public string DrawId { get; private set; } = "";
    public int PlanId { get; private set; }
    /// <summary>The draw whose infeasible targets this supplementary draw (-S1, -S2 …) staffs again.</summary>
    public string? SupplementOf { get; private set; }
    public DrawStatus Status { get; private set; }
    public DateOnly AsOf { get; private set; }
    public string ManifestJson { get; private set; } = "";
    public string InputsHash { get; private set; } = "";
    /// <summary>
    /// The frozen files, in their own table: a million-row frame is tens of megabytes that the ceremony steps and the
    /// lists never need. Loaded by default (AutoInclude); hot paths opt out with IgnoreAutoIncludes.
    /// </summary>
    public DrawSnapshot? Snapshot { get; private set; }
    public int FrameCount { get; private set; }
    /// <summary>The frozen frame's size per stratum ("A=120;B=30"), counted from population.tsv at freeze, so statistics need not re-read it.</summary>
    public string FrameStrata { get; private set; } = "";
    public int ExcludedCount { get; private set; }
    public int InspectorCount { get; private set; }
    public string PopulationTsv => LoadedSnapshot.Population;
    public string ExcludedTsv => LoadedSnapshot.Excluded;
    public string InspectorsTsv => LoadedSnapshot.Inspectors;
    public string ConflictsTsv => LoadedSnapshot.Conflicts;
    public string PreviousTeamsTsv => LoadedSnapshot.PreviousTeams;

    DrawSnapshot LoadedSnapshot => Snapshot ?? throw new InvalidOperationException($"draw {DrawId}: the snapshot was not loaded");
    public string RandomnessSource { get; private set; } = "";
    public string? OrganizerCommitment { get; private set; }
    public DateTime? OrganizerCommittedAtUtc { get; private set; }
    public string? SupervisorCommitment { get; private set; }
    public DateTime? SupervisorCommittedAtUtc { get; private set; }
    public string? PendingRandomness { get; private set; }
    public string? PendingRandomnessBy { get; private set; }
    public string? PublicRandomness { get; private set; }
    public DateTime? PublicRandomnessAtUtc { get; private set; }
    public string? OrganizerSecret { get; private set; }
    public string? SupervisorSecret { get; private set; }
    public string? Seed { get; private set; }
    public int SelectedCount { get; private set; }
    public int TeamCount { get; private set; }
    /// <summary>The infeasibility report (zh-CN lines), one per unstaffed target.</summary>
    public string InfeasibleReport { get; private set; } = "";
    public string? VoidReason { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime FrozenAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    /// <summary>公示: from then on the record and results are public (the task list stays confidential before).</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsFinal => Status is DrawStatus.Drawn or DrawStatus.Partial or DrawStatus.Voided;

    public static DrawSession Freeze(string drawId, int planId, string? supplementOf, DateOnly asOf, FrozenInputs inputs,
        string randomnessSource, string actor, DateTime utcNow) => new()
    {
        DrawId = drawId, PlanId = planId, SupplementOf = supplementOf, Status = DrawStatus.Frozen, AsOf = asOf,
        ManifestJson = inputs.ManifestJson, InputsHash = inputs.InputsHash, Snapshot = new DrawSnapshot(inputs),
        FrameCount = Lines(inputs.Population), FrameStrata = inputs.FrameStrata, ExcludedCount = Lines(inputs.Excluded), InspectorCount = Lines(inputs.Inspectors),
        RandomnessSource = randomnessSource, CreatedBy = actor, FrozenAtUtc = utcNow,
        _steps = { new DrawStep(DrawStep.Freeze, "", utcNow) },
    };

    static int Lines(string tsv) => tsv.AsSpan().Count('\n');

    public string? CommitmentOf(string party) => party == Organizer ? OrganizerCommitment : SupervisorCommitment;

    public DateTime? CommittedAtOf(string party) => party == Organizer ? OrganizerCommittedAtUtc : SupervisorCommittedAtUtc;

    public string? SecretOf(string party) => party == Organizer ? OrganizerSecret : SupervisorSecret;

    public Result Commit(string party, string commitment, DateTime utcNow)
    {
        if (Status != DrawStatus.Frozen) return WrongStep("提交承诺值");
        if (CommitmentOf(party) is not null) return new Error("draw.committed", $"{PartyLabel(party)}已提交承诺值，不能更改", "party", ErrorKind.Conflict);
        if (party == Organizer) (OrganizerCommitment, OrganizerCommittedAtUtc) = (commitment, utcNow);
        else (SupervisorCommitment, SupervisorCommittedAtUtc) = (commitment, utcNow);
        _steps.Add(new DrawStep(DrawStep.Commit, party, utcNow));
        if (OrganizerCommitment is not null && SupervisorCommitment is not null) Status = DrawStatus.Committed;
        return Result.Ok();
    }

    /// <summary>First entry is held; a second entry by another person must match exactly (draw-spec §6.4).</summary>
    public Result<bool> EnterRandomness(string value, string actor, DateTime utcNow)
    {
        if (Status != DrawStatus.Committed) return WrongStep("录入公共随机数");
        if (PendingRandomness is null)
        {
            (PendingRandomness, PendingRandomnessBy) = (value, actor);
            return false;
        }
        if (PendingRandomnessBy == actor)
            return new Error("draw.same_person", "公共随机数须由另一名人员独立录入核对", "publicRandomness", ErrorKind.Conflict);
        if (!string.Equals(PendingRandomness, value, StringComparison.Ordinal))
        {
            (PendingRandomness, PendingRandomnessBy) = (null, null);
            return new Error("draw.randomness_mismatch", "两次录入的公共随机数不一致，已清除，请两人重新录入", "publicRandomness");
        }
        (PublicRandomness, PublicRandomnessAtUtc, Status) = (value, utcNow, DrawStatus.RandomnessEntered);
        _steps.Add(new DrawStep(DrawStep.PublicRandomness, "", utcNow));
        return true;
    }

    public Result Reveal(string party, string secret, DateTime utcNow)
    {
        if (Status != DrawStatus.RandomnessEntered) return WrongStep("揭示秘密值");
        if (SecretOf(party) is not null) return new Error("draw.revealed", $"{PartyLabel(party)}已揭示秘密值", "party", ErrorKind.Conflict);
        if (SpotCheck.Draw.DrawHash.Commitment(DrawId, party, secret) != CommitmentOf(party))
            return new Error("draw.secret_mismatch", $"{PartyLabel(party)}揭示的秘密值与其承诺值不符，拒绝继续", "secret");
        if (party == Organizer) OrganizerSecret = secret;
        else SupervisorSecret = secret;
        _steps.Add(new DrawStep(DrawStep.Reveal, party, utcNow));
        if (OrganizerSecret is not null && SupervisorSecret is not null) Status = DrawStatus.Revealed;
        return Result.Ok();
    }

    public Result Complete(string seed, int selected, int teams, IReadOnlyList<string> infeasible, DateTime utcNow)
    {
        if (Status != DrawStatus.Revealed) return WrongStep("执行抽取");
        (Seed, SelectedCount, TeamCount, FinishedAtUtc) = (seed, selected, teams, utcNow);
        InfeasibleReport = string.Join('\n', infeasible);
        Status = infeasible.Count > 0 ? DrawStatus.Partial : DrawStatus.Drawn;
        _steps.Add(new DrawStep(DrawStep.Run, "", utcNow));
        return Result.Ok();
    }

    public Result Void(string reason, DateTime utcNow)
    {
        if (IsFinal) return new Error("draw.final", "已完成或已作废的抽取不能作废", Kind: ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(reason)) return new Error("draw.void_reason", "请填写作废原因", "reason");
        (Status, VoidReason, FinishedAtUtc) = (DrawStatus.Voided, reason.Trim(), utcNow);
        _steps.Add(new DrawStep(DrawStep.Void, "", utcNow));
        return Result.Ok();
    }

    public Result Publish(DateTime utcNow)
    {
        if (Status is not (DrawStatus.Drawn or DrawStatus.Partial))
            return new Error("draw.not_finished", "只有已完成的抽取可以公示", Kind: ErrorKind.Conflict);
        if (PublishedAtUtc is not null) return new Error("draw.published", "该抽取已公示", Kind: ErrorKind.Conflict);
        PublishedAtUtc = utcNow;
        _steps.Add(new DrawStep(DrawStep.Publish, "", utcNow));
        return Result.Ok();
    }

    public static string PartyLabel(string party) => party == Organizer ? "组织方（计划员）" : "监督方";

    Error WrongStep(string step) =>
        new("draw.wrong_step", $"当前状态为“{DrawLabels.Of(Status)}”，不能{step}", Kind: ErrorKind.Conflict);
}

/// <summary>
/// One ceremony step taken, at most once per draw and party: a unique key makes the database refuse a second
/// commitment or reveal of one party, a second run or a second 公示 even if two requests pass the state checks at once.
/// </summary>
public sealed class DrawStep
{
    public const string Freeze = "FREEZE", Commit = "COMMIT", PublicRandomness = "PUBLIC_RANDOMNESS", Reveal = "REVEAL",
        Run = "RUN", Void = "VOID", Publish = "PUBLISH";

    DrawStep() { }

    internal DrawStep(string step, string party, DateTime utcNow) => (Step, Party, AtUtc) = (step, party, utcNow);

    public long Id { get; private set; }
    public int DrawSessionId { get; private set; }
    public string Step { get; private set; } = "";
    /// <summary>organizer or supervisor for commitments and reveals; empty for steps of the whole draw.</summary>
    public string Party { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
}

/// <summary>
/// The five snapshot files of a draw (draw-spec §6.1), canonical TSV text exactly as hashed, stored packed
/// (<see cref="SnapshotPacking"/>) and unpacked the first time each is read.
/// </summary>
public sealed class DrawSnapshot
{
    DrawSnapshot() { }

    internal DrawSnapshot(FrozenInputs inputs)
    {
        string[] texts = [inputs.Population, inputs.Excluded, inputs.Inspectors, inputs.Conflicts, inputs.PreviousTeams];
        var packed = new byte[texts.Length][];
        Parallel.For(0, texts.Length, i => packed[i] = SnapshotPacking.Pack(texts[i]));
        (PopulationData, ExcludedData, InspectorsData, ConflictsData, PreviousTeamsData) = (packed[0], packed[1], packed[2], packed[3], packed[4]);
        (_population, _excluded, _inspectors, _conflicts, _previousTeams) = (texts[0], texts[1], texts[2], texts[3], texts[4]);
    }

    public int DrawSessionId { get; private set; }
    internal byte[] PopulationData { get; private set; } = [];
    internal byte[] ExcludedData { get; private set; } = [];
    internal byte[] InspectorsData { get; private set; } = [];
    internal byte[] ConflictsData { get; private set; } = [];
    internal byte[] PreviousTeamsData { get; private set; } = [];

    string? _population, _excluded, _inspectors, _conflicts, _previousTeams;

    public string Population => _population ??= SnapshotPacking.Unpack(PopulationData);
    public string Excluded => _excluded ??= SnapshotPacking.Unpack(ExcludedData);
    public string Inspectors => _inspectors ??= SnapshotPacking.Unpack(InspectorsData);
    public string Conflicts => _conflicts ??= SnapshotPacking.Unpack(ConflictsData);
    public string PreviousTeams => _previousTeams ??= SnapshotPacking.Unpack(PreviousTeamsData);

    /// <summary>Unpacks every file at once, each on its own core: a run reads them all.</summary>
    public void UnpackAll() => Parallel.Invoke(() => _ = Population, () => _ = Excluded, () => _ = Inspectors, () => _ = Conflicts,
        () => _ = PreviousTeams);
}

/// <summary>The frozen snapshot texts and their manifest (draw-spec §6.1–6.2).</summary>
/// <param name="FrameStrata">The frame's size per stratum in <see cref="FrameStrataText"/> form.</param>
public sealed record FrozenInputs(string ManifestJson, string InputsHash, string Population, string Excluded,
    string Inspectors, string Conflicts, string PreviousTeams, string FrameStrata);

public static class DrawLabels
{
    public static string Of(DrawStatus s) => s switch
    {
        DrawStatus.Frozen => "已冻结名录",
        DrawStatus.Committed => "已提交承诺",
        DrawStatus.RandomnessEntered => "已录入公共随机数",
        DrawStatus.Revealed => "已揭示秘密值",
        DrawStatus.Drawn => "已完成抽取",
        DrawStatus.Partial => "部分完成（有无法配员的对象）",
        _ => "已作废",
    };
}
