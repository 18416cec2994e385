using OnlineJudge.Services.Users;

namespace OnlineJudge.Tests.Users;

/// <summary>The Python statistics behind class PK (account.md B3), checked against values Python 3 prints.</summary>
public class ClassStatisticsTests
{
    [TestCase(2.675, 2, 2.67)]
    [TestCase(0.125, 2, 0.12)]
    [TestCase(0.375, 2, 0.38)]
    [TestCase(83.75, 1, 83.8)]
    [TestCase(66.66666666666667, 2, 66.67)]
    [TestCase(-1.005, 2, -1.0)]
    [TestCase(4.163331998932265, 2, 4.16)]
    [TestCase(0.0, 2, 0.0)]
    public void Round_is_pythons_round(double value, int digits, double expected) =>
        Assert.That(ClassStatistics.Round(value, digits), Is.EqualTo(expected));

    [TestCase(new[] { 1, 2, 3, 4 }, 1.25, 3.75)]
    [TestCase(new[] { 0, 3, 3, 4, 6, 10 }, 2.25, 7.0)]
    [TestCase(new[] { 3, 3 }, 3.0, 3.0)]
    [TestCase(new[] { 1, 9 }, -1.0, 11.0)]
    [TestCase(new[] { 5, 1, 4, 2, 3 }, 1.5, 4.5)]
    public void Quartiles_are_exclusive_like_statistics_quantiles(int[] values, double q1, double q3)
    {
        var (actualQ1, actualQ3) = ClassStatistics.Quartiles(values);
        Assert.Multiple(() =>
        {
            Assert.That(actualQ1, Is.EqualTo(q1));
            Assert.That(actualQ3, Is.EqualTo(q3));
        });
    }

    [Test]
    public void Median_and_sample_standard_deviation()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ClassStatistics.Median([10, 6, 4, 0]), Is.EqualTo(5.0));
            Assert.That(ClassStatistics.Median([3, 1, 2]), Is.EqualTo(2.0));
            Assert.That(ClassStatistics.SampleStdDev([10, 6, 4, 0]), Is.EqualTo(4.163331998932265).Within(1e-12));
            Assert.That(ClassStatistics.Mean([]), Is.Zero);
        });
    }
}
