namespace SpotCheck.Hosting;

public static class WebHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok("ok")).AllowAnonymous();
        return app;
    }
}
