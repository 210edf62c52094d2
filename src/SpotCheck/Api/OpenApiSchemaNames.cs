using Microsoft.AspNetCore.OpenApi;

namespace SpotCheck.Api;

/// <summary>
/// Use cases nest their request types (<c>SavePlan.Command</c>, <c>SaveItem.Command</c>, …): by default they all
/// become one schema "Command". Each gets its own name from its declaring types (<c>SavePlanCommand</c>), so the
/// document shows every body's real fields.
/// </summary>
static class OpenApiSchemaNames
{
    public static OpenApiOptions UseDistinctSchemaNames(this OpenApiOptions o)
    {
        o.CreateSchemaReferenceId = info =>
        {
            var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            if (name is null || !info.Type.IsNested || info.Type.IsGenericType) return name;
            for (var outer = info.Type.DeclaringType; outer is not null; outer = outer.DeclaringType) name = outer.Name + name;
            return name;
        };
        return o;
    }
}
