using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OnlineJudge.Services.Resilience;

namespace OnlineJudge.Tests.Resilience;

/// <summary>The breaker's states, on a clock the test moves.</summary>
public class RedisCircuitBreakerTests
{
    private ManualClock clock = null!;
    private RedisCircuitBreaker breaker = null!;

    [SetUp]
    public void CreateBreaker()
    {
        clock = new ManualClock();
        breaker = new RedisCircuitBreaker(Options.Create(new RedisResilienceOptions { FailuresToOpen = 2, BreakMilliseconds = 5000 }), clock,
            NullLogger<RedisCircuitBreaker>.Instance);
    }

    [Test]
    public void Consecutive_failures_open_it_and_a_success_between_them_does_not()
    {
        Fail();
        Succeed();
        Fail();
        Assert.That(breaker.IsOpen, Is.False, "a success resets the count");

        Fail();
        Assert.Multiple(() =>
        {
            Assert.That(breaker.IsOpen, Is.True);
            Assert.That(breaker.IsRefusing, Is.True);
            Assert.That(breaker.TryEnter(out _), Is.False);
        });
    }

    [Test]
    public void After_the_break_one_probe_goes_through_and_its_success_closes_it()
    {
        Fail();
        Fail();
        clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.That(breaker.TryEnter(out _), Is.False);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(breaker.TryEnter(out var probe), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(probe, Is.True);
            Assert.That(breaker.TryEnter(out _), Is.False, "one probe at a time");
        });

        breaker.OnSuccess(probe);
        Assert.Multiple(() =>
        {
            Assert.That(breaker.IsOpen, Is.False);
            Assert.That(breaker.TryEnter(out var next), Is.True);
            Assert.That(next, Is.False);
        });
    }

    [Test]
    public void A_failed_probe_opens_it_for_another_break_and_an_abandoned_one_lets_the_next_call_probe()
    {
        Fail();
        Fail();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(breaker.TryEnter(out var probe), Is.True);
        breaker.OnFailure(probe, new TimeoutException());
        Assert.That(breaker.TryEnter(out _), Is.False);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(breaker.TryEnter(out probe), Is.True);
        breaker.OnAbandoned(probe);
        Assert.That(breaker.TryEnter(out probe), Is.True);
        Assert.That(probe, Is.True);
    }

    private void Fail()
    {
        Assert.That(breaker.TryEnter(out var probe), Is.True);
        breaker.OnFailure(probe, new TimeoutException());
    }

    private void Succeed()
    {
        Assert.That(breaker.TryEnter(out var probe), Is.True);
        breaker.OnSuccess(probe);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
