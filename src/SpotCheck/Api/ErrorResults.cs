using Microsoft.AspNetCore.Http.HttpResults;
using SpotCheck.Core.Common;

namespace SpotCheck.Api;

public sealed record SavedDto(int Id);

/// <summary>The one place choosing status codes for failed use cases.</summary>
public static class ErrorResults
{
    public static ProblemHttpResult ToProblem(this Error e) => TypedResults.Problem(
        title: e.Message,
        statusCode: e.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        extensions: Extensions(e));

    static Dictionary<string, object?> Extensions(Error e)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = e.Code, ["field"] = e.Field };
        if (e.Conflicts.Count > 0)
            extensions["conflicts"] = e.Conflicts.Select(c => new { field = CamelCase(c.Field), label = c.Label, current = c.Current, submitted = c.Submitted }).ToList();
        return extensions;
    }

    /// <summary>A validation failure as a 400 whose <c>errors</c> name the field.</summary>
    public static ValidationProblem ToValidationProblem(this Error e) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [CamelCase(e.Field ?? "")] = [e.Message] },
            title: e.Message, extensions: new Dictionary<string, object?> { ["code"] = e.Code });

    /// <summary>A save use case's outcome: the id, a 400 naming the field, or the problem for not found/conflict.</summary>
    public static Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult> ToSaved(this Result<int> result)
    {
        if (result.IsSuccess) return TypedResults.Ok(new SavedDto(result.Value));
        return result.Error!.Kind == ErrorKind.Validation ? result.Error.ToValidationProblem() : result.Error.ToProblem();
    }

    public static string CamelCase(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToLowerInvariant(field[0]).ToString(), field[1..]);
}
