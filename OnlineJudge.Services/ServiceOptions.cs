using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Ai;
using OnlineJudge.Services.Conf;
using OnlineJudge.Services.Sessions;
using OnlineJudge.Services.Storage;
using OnlineJudge.Services.TestCases;

namespace OnlineJudge.Services;

/// <summary>
/// Every configuration section of the services, bound and validated when the host starts (a wrong setting stops it
/// with the key named), and the outbound HTTP clients that read them.
/// </summary>
public static class ServiceOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, checked with its data annotations at start.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    public static IServiceCollection AddServiceOptions(this IServiceCollection services)
    {
        services.AddValidatedOptions<PasswordOptions>(PasswordOptions.Section);
        services.AddValidatedOptions<UserSessionOptions>(UserSessionOptions.Section);
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddValidatedOptions<TestCaseLimits>(TestCaseLimits.Section);
        services.AddValidatedOptions<ReleaseNotesOptions>(ReleaseNotesOptions.Section);
        services.AddValidatedOptions<AiOptions>(AiOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.ApiKey = string.IsNullOrEmpty(options.ApiKey) ? configuration["AI_KEY"] : options.ApiKey);
        return services;
    }

    /// <summary>Typed <see cref="IHttpClientFactory"/> clients, their timeouts from the options above.</summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        services.AddHttpClient<ReleaseNotesService>((provider, client) =>
            client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<ReleaseNotesOptions>>().Value.TimeoutSeconds));
        services.AddAiClients();
        return services;
    }
}
