namespace SpotCheck.Api;

public static class ApiEndpoints
{
    public static IServiceCollection AddSpotCheckApi(this IServiceCollection services) => services;

    public static void MapSpotCheckApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").AddEndpointFilterFactory(NullFields.Factory);
        v1.MapPublicApi();
        v1.MapMeApi();
        v1.MapUsersApi();
        v1.MapItemsApi();
        v1.MapEnterprisesApi();
        v1.MapOfficersApi();
        v1.MapTasksApi();
        v1.MapNoticesApi();
        v1.MapPlansApi();
        v1.MapDrawsApi();
        v1.MapPublicationsApi();
    }
}
