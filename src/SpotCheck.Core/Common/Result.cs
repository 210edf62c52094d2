namespace SpotCheck.Core.Common;

public enum ErrorKind { Validation, NotFound, Conflict, Forbidden }

/// <summary>A failed use case: a stable English code, a zh-CN message for people, and the field it concerns.</summary>
public sealed record Error(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Validation);

public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }
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
