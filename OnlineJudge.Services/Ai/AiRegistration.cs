using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Services.Ai;

public static class AiRegistration
{
    /// <summary>
    /// The AI provider's clients: the typed <see cref="IAiChatClient"/> with the standard resilience pipeline for
    /// whole answers (retries with exponential back-off, a circuit breaker, a timeout per attempt, all from
    /// <see cref="AiOptions"/>), and the plain named client of streamed answers and single attempts.
    /// </summary>
    public static IServiceCollection AddAiClients(this IServiceCollection services)
    {
        services.AddHttpClient<IAiChatClient, AiChatClient>(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                AiOptions settings;
                try
                {
                    settings = provider.GetRequiredService<IOptions<AiOptions>>().Value;
                }
                catch (OptionsValidationException)
                {
                    // A wrong Ai:* setting: AiOptions' own check stops the host naming the key, once, not twice.
                    return;
                }

                resilience.AttemptTimeout.Timeout = settings.Timeout;
                resilience.Retry.MaxRetryAttempts = settings.MaxRetries;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds);
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.CircuitBreaker.FailureRatio = settings.BreakerFailureRatio;
                resilience.CircuitBreaker.MinimumThroughput = settings.BreakerMinimumThroughput;
                resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(settings.BreakerBreakSeconds);
                // The pipeline requires a sampling window of at least two attempt timeouts.
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * settings.TimeoutSeconds));
                // Every attempt, and the longest back-offs between them (each at most 30 s with jitter).
                resilience.TotalRequestTimeout.Timeout =
                    TimeSpan.FromSeconds(settings.TimeoutSeconds * (settings.MaxRetries + 1) + 30 * settings.MaxRetries + 1);
            });
        services.AddHttpClient(AiChatClient.SingleAttemptClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptions<AiOptions>>().Value.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddScoped<AiEventStream>();
        return services;
    }
}
