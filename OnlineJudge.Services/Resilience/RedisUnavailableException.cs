using StackExchange.Redis;

namespace OnlineJudge.Services.Resilience;

/// <summary>
/// Redis was not called (the breaker is open) or did not answer in time. A <see cref="RedisException"/>, so every
/// <c>catch (RedisException)</c> that degrades gracefully handles it too.
/// </summary>
public sealed class RedisUnavailableException : RedisException
{
    public RedisUnavailableException(string message)
        : base(message)
    {
    }

    public RedisUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
