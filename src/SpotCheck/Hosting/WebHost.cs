using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using Serilog;
using SpotCheck.Api;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Hosting;

public static class WebHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        var urls = (app.Configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (PortCheck.Applies(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()) && PortCheck.FirstBusy(urls) is { } busy)
        {
            await Console.Error.WriteLineAsync(PortCheck.Message(busy));
            return 1;
        }
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (PortCheck.IsAddressInUse(e))
        {
            // Taken between the check and the start.
            await Console.Error.WriteLineAsync(PortCheck.Message(e.Message));
            return 1;
        }
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var (demo, rest) = HostSettings.SplitDemoFlag(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ContentRootPath = ContentRoot(rest) });
        // wwwroot of the project when run from the build output (dotnet run); a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        var settings = HostSettings.From(builder.Configuration, demo);
        settings.Storage.EnsureDataDir();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        AddLogging(builder, settings);
        AddServices(builder.Services, settings);
        builder.Services.AddSpotCheckDataProtection(builder.Configuration);
        builder.Services.AddSpotCheckForwardedHeaders(builder.Configuration);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>The executable's folder (appsettings, wwwroot), whatever the working directory, unless set explicitly.</summary>
    static string? ContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            ? null
            : AppContext.BaseDirectory;

    static void AddLogging(WebApplicationBuilder builder, HostSettings settings)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(settings.Storage.DataDir, "logs", "spotcheck-.log"),
        });
        builder.Services.AddSerilog((sp, lc) => lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp),
            preserveStaticLogger: true);
    }

    static void AddServices(IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublicGeneration>();
        services.AddSingleton<PublicPageCache>();
        services.AddSingleton<Pages.Staff.Export.ExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<Pages.Staff.Export.ExportJobs>());
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            settings.Storage.Configure(o, backgroundCheckpoints: true);
            o.AddInterceptors(sp.GetRequiredService<PublicGeneration>());
        });
        services.AddScoped<AuditLog>();
        services.AddDataScopes();
        services.AddScoped<DrawRecordCache>();
        services.AddSingleton<Core.Publication.PublicTotals>();
        services.AddSingleton<OpenDataFiles>();
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<AuditChainWatch>();
        services.AddHostedService<DrawWarmUp>();
        services.AddHostedService<SqliteCheckpoints>();

        services.AddSpotCheckUseCases();
        services.AddSpotCheckIdentityCore().AddSignInManager();
        services.AddSpotCheckSecurity();

        services.AddProblemDetails();
        // Binding failures reach BadRequestProblems, which names the field in a 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddValidation();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi(o => o.AddSpotCheckSecurity().UseDistinctSchemaNames());
        // Chinese text is written as is, not as &#x...; entities (still HTML-encoded where it matters).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.Conventions.AddSpotCheckPageRules()).AddMvcOptions(o =>
        {
            o.Filters.Add<HandlerPolicyFilter>();
            ChineseModelBinding.Apply(o);
        });
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddSpotCheckApi();
    }

    static void UsePipeline(WebApplication app)
    {
        app.UseSpotCheckForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseWhen(ctx => ApiPaths.IsApi(ctx.Request.Path), api =>
        {
            // Bad input (unparsable JSON or query values) is the client's 400, in every environment.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    // Two users changing the same thing at once (optimistic concurrency, a unique key taken by the
                    // other request): the loser retries, nothing was half-written.
                    Microsoft.EntityFrameworkCore.DbUpdateException => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !ApiPaths.IsApi(ctx.Request.Path), ui =>
        {
            ui.UseExceptionHandler("/Error");
            // A bare 404/403 from a page becomes a page in words, not the browser's own error screen.
            ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UsePublicResponseCache();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDataScopes();
        app.UseApiAntiforgery();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("SpotCheck API").DisableDefaultFonts()).AllowAnonymous();
        app.MapRazorPages();
        app.MapSpotCheckApi();
    }
}
