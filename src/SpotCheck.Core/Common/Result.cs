namespace SpotCheck.Core.Common;

public enum ErrorKind { Validation, NotFound, Conflict, Forbidden }

/// <summary>A failed use case: a stable English code, a zh-CN message for people, and the field it concerns.</summary>
public sealed record Error(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Validation)
{
    /// <summary>For a stale edit: each field where the stored value and the submitted one differ.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>
    /// The edit was made on version <paramref name="seen"/> but someone saved version <paramref name="current"/> since:
    /// nothing is saved, and both values of every differing field are returned so the person can decide.
    /// </summary>
    public static Error Stale(string what, int seen, int current, IReadOnlyList<FieldConflict> conflicts) => new("concurrency.stale",
        conflicts.Count == 0
            ? $"{what}已被他人修改（版本 {seen} → {current}），请刷新后重新保存"
            : $"{what}已被他人修改（{string.Join("、", conflicts.Select(c => c.Label))}），未保存。请核对当前值后重新保存",
        Kind: ErrorKind.Conflict) { Conflicts = conflicts };
}

/// <summary>One field of a stale edit: what is stored now and what the person submitted.</summary>
public sealed record FieldConflict(string Field, string Label, string? Current, string? Submitted);

public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Ok() => new(null);
    public static Result Fail(Error error) => new(error);
    public static implicit operator Result(Error error) => new(error);
}

public sealed class Result<T> : Result
{
    readonly T? _value;

    Result(T? value, Error? error) : base(error) => _value = value;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed: {Error!.Code}");

    public static Result<T> Ok(T value) => new(value, null);
    public static new Result<T> Fail(Error error) => new(default, error);
    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
