namespace SpotCheck.Hosting.Security;

public static class ApiPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}
