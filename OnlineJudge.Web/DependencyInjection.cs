using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using OnlineJudge.Services;

namespace OnlineJudge.Web;

public static class DependencyInjection
{
    /// <summary>
    /// Loads the repository's root <c>appsettings.json</c>, which the build copies next to the binaries, at the lowest
    /// priority: <c>dotnet run</c> starts in the project folder, where there is none.
    /// </summary>
    public static WebApplicationBuilder AddRootAppSettings(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
        });
        return builder;
    }

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddServices();
        builder.Services.AddControllers();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.MapControllers();
        return app;
    }
}
