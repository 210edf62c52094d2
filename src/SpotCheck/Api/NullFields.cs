using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SpotCheck.Api;

/// <summary>
/// A JSON body may set a list, map or text that the contract says is never null to <c>null</c> explicitly
/// (<c>{"itemIds": null}</c>); the use cases would then fail deep inside. Every body is checked against its
/// nullable annotations before the handler runs, and each such field is named in a 400 ValidationProblem.
/// </summary>
static class NullFields
{
    const int MaxDepth = 5;

    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Where(p => IsModel(p.ParameterType) && !isService.IsService(p.ParameterType))
            .Select(p => p.Position).ToArray();
        if (bodies.Length == 0) return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var nullability = new NullabilityInfoContext();
            foreach (var i in bodies)
                if (invocation.Arguments[i] is { } body) Check(body, "", nullability, errors, 0);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求中有不能为 null 的字段");
            return await next(invocation);
        };
    }

    /// <summary>A request model of this product: a class of ours that is not a service.</summary>
    static bool IsModel(Type t) => t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("SpotCheck", StringComparison.Ordinal) == true;

    static void Check(object model, string prefix, NullabilityInfoContext nullability, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            var path = prefix + ErrorResults.CamelCase(property.Name);
            var info = nullability.Create(property);
            var value = property.GetValue(model);
            if (value is null)
            {
                if (info.WriteState == NullabilityState.NotNull && !property.PropertyType.IsValueType)
                    errors[path] = [$"{path} 不能为 null"];
                continue;
            }
            if (value is string) continue;
            if (value is IEnumerable items && value is not IDictionary)
            {
                var elementNullable = (info.ElementType ?? info.GenericTypeArguments.FirstOrDefault())?.WriteState != NullabilityState.NotNull;
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{index++}]";
                    if (item is null && !elementNullable) errors[at] = [$"{at} 不能为 null"];
                    else if (item is not null && IsModel(item.GetType())) Check(item, at + ".", nullability, errors, depth + 1);
                }
            }
            else if (IsModel(value.GetType())) Check(value, path + ".", nullability, errors, depth + 1);
        }
    }
}
