using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OnlineJudge.Judge.Endpoints;
using OnlineJudge.Judge.Heartbeat;
using OnlineJudge.Judge.Hosting;
using OnlineJudge.Judge.Judging;
using OnlineJudge.Judge.Options;
using OnlineJudge.Judge.Sandbox;

namespace OnlineJudge.Judge;

/// <summary>Composition of the judge server: configuration, services, endpoints. Tests build it with their own settings.</summary>
public static class JudgeServerApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The repository's appsettings.json (copied beside the binaries) is shared with the web server: one Judge:Token and
        // one Storage section serve both. It is the lowest source: environment variables and arguments override it.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // The shared file's Urls key belongs to the web server; this server listens on JudgeServer:Urls.
        builder.WebHost.UseUrls((builder.Configuration[$"{JudgeServerOptions.Section}:Urls"] is { Length: > 0 } urls ? urls : new JudgeServerOptions().Urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // One line per heartbeat would drown the log; failures are logged by the heartbeat service itself.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        AddServices(builder.Services);
        var app = builder.Build();
        app.MapJudgeEndpoints();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<JudgeServerOptions>, JudgeServerOptionsSetup>();
        services.AddSingleton<IValidateOptions<JudgeServerOptions>, JudgeServerOptionsValidator>();
        services.AddOptions<JudgeServerOptions>().ValidateOnStart();
        services.AddSingleton<SandboxHost>();
        services.AddSingleton<SandboxMonitor>();
        services.AddSingleton<SandboxRunner>();
        services.AddSingleton<Compiler>();
        services.AddSingleton<TestCaseRunner>();
        services.AddSingleton<JudgeService>();
        services.AddSingleton<SystemUsage>();
        services.AddSingleton<ServerInfo>();
        services.AddHttpClient(HeartbeatService.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHostedService<SandboxSelfTest>();
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<ParentProcessWatcher>();
    }
}
