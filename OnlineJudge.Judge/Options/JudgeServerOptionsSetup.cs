using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OnlineJudge.Judge.Options;

/// <summary>Binds <see cref="JudgeServerOptions"/>: the token from <c>Judge:Token</c>, the test-case folder from the web's storage settings.</summary>
public sealed class JudgeServerOptionsSetup(IConfiguration configuration) : IConfigureOptions<JudgeServerOptions>
{
    public void Configure(JudgeServerOptions options)
    {
        configuration.GetSection(JudgeServerOptions.Section).Bind(options);
        options.Token = configuration[JudgeServerOptions.TokenKey] ?? "";
        if (string.IsNullOrWhiteSpace(options.TestCaseDir))
        {
            var storageDir = configuration["Storage:TestCaseDir"];
            options.TestCaseDir = !string.IsNullOrWhiteSpace(storageDir)
                ? storageDir
                : Path.Combine(configuration["Storage:DataDir"] is { Length: > 0 } dataDir ? dataDir : "data", "test_case");
        }

        options.TestCaseDir = Path.GetFullPath(options.TestCaseDir);
        options.WorkDir = Path.GetFullPath(options.WorkDir);
    }
}

/// <summary>Checks both option objects (data annotations do not recurse) when the host starts.</summary>
public sealed class JudgeServerOptionsValidator : IValidateOptions<JudgeServerOptions>
{
    public ValidateOptionsResult Validate(string? name, JudgeServerOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        Validator.TryValidateObject(options.Sandbox, new ValidationContext(options.Sandbox), errors, validateAllProperties: true);
        var failures = errors.Select(e => e.ErrorMessage ?? "invalid setting").ToList();
        if (!string.IsNullOrWhiteSpace(options.BackendUrl) && !Uri.TryCreate(options.BackendUrl, UriKind.Absolute, out _))
        {
            failures.Add("JudgeServer:BackendUrl must be an absolute URL, e.g. http://10.0.0.5:8000");
        }

        if (!Uri.TryCreate(options.EffectiveServiceUrl, UriKind.Absolute, out _))
        {
            failures.Add("JudgeServer:ServiceUrl must be an absolute URL, e.g. http://10.0.0.6:8080");
        }

        if (options.Sandbox.EffectiveReadOnlyPaths.Any(p => !Path.IsPathRooted(p)))
        {
            failures.Add("JudgeServer:Sandbox:ReadOnlyPaths must hold absolute paths");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
