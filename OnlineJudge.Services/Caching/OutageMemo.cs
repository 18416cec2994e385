using System.Collections.Concurrent;

namespace OnlineJudge.Services.Caching;

/// <summary>
/// What <see cref="CacheService"/> serves while Redis is unreachable (its circuit breaker refuses calls): the JSON of
/// values it computed from PostgreSQL, kept in this process for <see cref="Lifetime"/> at most, so that an outage costs
/// one database read per key and instance every few seconds instead of one per request. Nothing is kept while Redis
/// works; writes of this instance drop what they change; other instances may serve a value up to
/// <see cref="Lifetime"/> old, less than the cache itself serves stale data after an outage (lost version bumps).
/// </summary>
public sealed class OutageMemo(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, (long ExpiresTicks, byte[] Json)> entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out byte[] json)
    {
        if (entries.TryGetValue(key, out var entry) && entry.ExpiresTicks > time.GetUtcNow().UtcTicks)
        {
            json = entry.Json;
            return true;
        }

        json = [];
        return false;
    }

    public void Set(string key, byte[] json, TimeSpan ttl)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (entries.Count >= MaxEntries)
        {
            foreach (var (staleKey, entry) in entries)
            {
                if (entry.ExpiresTicks <= now)
                {
                    entries.TryRemove(staleKey, out _);
                }
            }

            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }
        }

        entries[key] = (now + Math.Min(ttl.Ticks, Lifetime.Ticks), json);
    }

    public void Remove(string key) => entries.TryRemove(key, out _);

    /// <summary>Drops every entry whose key starts with <paramref name="prefix"/> (a family, a key prefix).</summary>
    public void RemoveByPrefix(string prefix)
    {
        foreach (var key in entries.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
