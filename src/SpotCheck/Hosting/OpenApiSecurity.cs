using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Hosting;

/// <summary>
/// Declares the bearer scheme and gives every operation its <c>security</c>: the bearer requirement, or an empty
/// list for anonymous operations (public reads), so no operation leaves its rule unstated.
/// </summary>
static class OpenApiSecurity
{
    public static OpenApiOptions AddSpotCheckSecurity(this OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SpotCheck API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerTokenHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "`spotcheck users token NAME` 生成的令牌",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Security = metadata.OfType<IAllowAnonymous>().Any()
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerTokenHandler.SchemeName, context.Document)] = [] }];
            return Task.CompletedTask;
        });
        return o;
    }
}
