using Microsoft.Extensions.Options;
using OnlineJudge.Data.Adoption;
using OnlineJudge.Services.Storage;

namespace OnlineJudge.Services.Operations;

/// <summary>The <c>adopt</c> report: the database's adoption and whether each problem's test-case folder is where the judges read.</summary>
public sealed record AdoptionReport(AdoptionResult Result, string TestCaseRoot, IReadOnlyList<LegacyTestCase> MissingTestCases)
{
    public int ExitCode => Result.Outcome == AdoptionOutcome.NotAdoptable ? 1 : 0;

    /// <summary>The report in plain words, one line each.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"This is a database of {Result.Source}.";
        if (Result.Outcome != AdoptionOutcome.Adopted)
        {
            yield return Result.Problem!;
            yield break;
        }

        yield return Result.Changes.Count == 0
            ? "Its schema already is this server's: nothing changed (it was adopted before)."
            : $"Added what this server's schema needs, without changing existing rows ({Result.Changes.Count} changes):";
        foreach (var change in Result.Changes)
        {
            yield return "  - " + change;
        }

        foreach (var failure in Result.Failures)
        {
            yield return "  ! " + failure;
        }

        yield return "Not carried over:";
        foreach (var note in Result.NotCarriedOver)
        {
            yield return "  - " + note;
        }

        if (MissingTestCases.Count == 0)
        {
            yield return $"Test cases: the folders of all {Result.TestCases.Count} problems are in {TestCaseRoot}.";
        }
        else
        {
            yield return $"Test cases: {MissingTestCases.Count} of {Result.TestCases.Count} problems have no folder with an info file in {TestCaseRoot}; " +
                         "copy the old site's test_case folder there (or set Storage:TestCaseDir to it), or their submissions cannot be judged:";
            foreach (var missing in MissingTestCases)
            {
                yield return $"  - problem {missing.Problem}: {missing.TestCaseId}";
            }
        }

        yield return "The database is ready: run `migrate` to apply this server's later migrations.";
    }
}

/// <summary>Adopts the configured database (<see cref="DatabaseAdopter"/>) and looks for its problems' test cases.</summary>
public class SiteAdoptionService(DatabaseAdopter adopter, IOptions<StorageOptions> storage)
{
    public async Task<AdoptionReport> AdoptAsync(CancellationToken cancellationToken)
    {
        var result = await adopter.AdoptAsync(cancellationToken);
        var root = storage.Value.TestCaseRoot;
        var missing = await Task.Run(() => result.TestCases
            .Where(t => !IsPlainName(t.TestCaseId) || !File.Exists(Path.Combine(root, t.TestCaseId, "info")))
            .ToList(), cancellationToken);
        return new AdoptionReport(result, root, missing);
    }

    private static bool IsPlainName(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
