using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// The policy a page handler needs beyond its page's (Razor Pages ignore <c>[Authorize]</c> on handler methods):
/// <c>[HandlerPolicy(Policies.Reviewers)] public Task&lt;IActionResult&gt; OnPostApproveAsync(…)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Enforces <see cref="HandlerPolicyAttribute"/> before the handler runs: a refused user gets the access-denied answer.</summary>
sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var policy = context.HandlerMethod?.MethodInfo.GetCustomAttribute<HandlerPolicyAttribute>()?.Policy;
        if (policy is not null && !(await authorization.AuthorizeAsync(context.HttpContext.User, policy)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}

public static class PolicyChecks
{
    /// <summary>Whether the signed-in user satisfies a policy: what pages and the navigation show, never a duplicated role list.</summary>
    public static async Task<bool> MayAsync(this HttpContext http, string policy) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, policy)).Succeeded;
}
