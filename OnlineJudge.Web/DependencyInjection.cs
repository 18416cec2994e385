using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OnlineJudge.Services;
using OnlineJudge.Services.Storage;
using OnlineJudge.Web.Infrastructure.Auth;
using OnlineJudge.Web.Infrastructure.Csrf;
using OnlineJudge.Web.Infrastructure.Envelopes;
using OnlineJudge.Web.Infrastructure.Errors;
using OnlineJudge.Web.Infrastructure.Hosting;
using OnlineJudge.Web.Infrastructure.RequestParsing;
using OnlineJudge.Web.Infrastructure.Validation;
using OnlineJudge.Web.WebSockets;
using Scalar.AspNetCore;

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
        builder.Services.AddValidatedOptions<CsrfOptions>(CsrfOptions.Section);
        builder.Services.AddValidatedOptions<RequestLoggingOptions>(RequestLoggingOptions.Section);
        builder.Services.AddControllers(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<CsrfFilter>();
                options.Filters.Add<RequestDataFilter>();
                options.Filters.Add<ValidationFailureFilter>();
                options.Filters.Add<UnhandledExceptionFilter>();
                options.Filters.Add<EnvelopeResultFilter>();
                options.ModelBinderProviders.Insert(0, new RequestDtoBinderProvider());
            })
            .AddJsonOptions(options => ApiJson.Configure(options.JsonSerializerOptions));
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer<EnvelopeSchemaTransformer>()
            .AddOperationTransformer<QueryParameterNameTransformer>());
        // WebSockets (platform.md §17): the hub and its Redis fan-out.
        builder.Services.AddSocketEndpoints();
        // Behind a load balancer: trusted proxies, metrics and traces (README, Deployment).
        ProxyOptions.AddTrustedProxies(builder);
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // Connect to Redis now rather than inside the first request (up to ConnectRetry × ConnectTimeout when it is away).
        app.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
        app.UseForwardedHeaders();
        app.UseMiddleware<ExceptionEnvelopeMiddleware>();
        app.Use(SecurityHeaders);
        app.UseMetricsEndpoint();
        app.UseWebSockets();
        app.UseRouting();
        // Django's order (platform.md §10): session user, API key, admin gate, session record; then the endpoint.
        app.UseMiddleware<SessionAuthenticationMiddleware>();
        app.UseMiddleware<ApiTokenAuthMiddleware>();
        app.UseMiddleware<AdminRoleRequiredMiddleware>();
        app.UseMiddleware<SessionRecordMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<StatusPagesMiddleware>();

        app.UsePublicFiles();
        app.MapControllers();
        app.MapSocketEndpoints();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options.WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        return app;
    }

    /// <summary>Avatars, rich-text uploads and the favicon under <c>/public</c>, from the data folder (platform.md §18).</summary>
    private static void UsePublicFiles(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.AvatarDir);
        Directory.CreateDirectory(storage.UploadDir);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/public",
            FileProvider = new PhysicalFileProvider(storage.PublicDir),
            ServeUnknownFileTypes = false,
        });
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
