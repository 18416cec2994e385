using OnlineJudge.Data.Health;
using System.Globalization;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Operations;
using OnlineJudge.Services.Achievements;

namespace OnlineJudge.Web.Commands;

/// <summary>
/// Operator commands run through the web project instead of serving:
/// <c>migrate</c>, <c>adopt</c> (take over a database of the Django reference or its upstream),
/// <c>inituser --username U --password P --action create_super_admin|create_admin|reset_password [--email E]</c> and
/// <c>recompute_achievements [--user ID] [--silent]</c>.
/// </summary>
public static class CommandRunner
{
    private static readonly string[] Commands = ["migrate", "adopt", "inituser", "recompute_achievements"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OnlineJudge.Commands");
        switch (args[0])
        {
            case "migrate":
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                return 0;
            case "adopt":
                var report = await scope.ServiceProvider.GetRequiredService<SiteAdoptionService>().AdoptAsync(CancellationToken.None);
                foreach (var line in report.Lines())
                {
                    await Console.Out.WriteLineAsync(line);
                }

                return report.ExitCode;
            case "recompute_achievements":
                return await RecomputeAchievementsAsync(scope.ServiceProvider.GetRequiredService<AchievementRecomputeService>(), logger, args);
            default:
                return await InitUserAsync(scope.ServiceProvider.GetRequiredService<InitUserService>(), logger, args);
        }
    }

    private static async Task<int> InitUserAsync(InitUserService service, ILogger logger, string[] args)
    {
        var username = Option(args, "--username");
        var password = Option(args, "--password");
        var action = Option(args, "--action");
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(action))
        {
            logger.LogError("Invalid args: inituser --username U --password P --action create_super_admin|create_admin|reset_password [--email E]");
            return 1;
        }

        var email = Option(args, "--email");
        var onlyIfNoUsers = args.Contains("--only-if-no-users");
        switch (action)
        {
            case "create_super_admin" or "create_admin":
                var created = await service.CreateAsync(username, password, email, superAdmin: action == "create_super_admin",
                    onlyIfNoUsers, CancellationToken.None);
                if (created && password == "rootroot")
                {
                    logger.LogWarning("User {Username} has the default password rootroot: change it after the first login", username);
                }

                return 0;
            case "reset_password" or "reset":
                return await service.ResetPasswordAsync(username, password, CancellationToken.None, email) ? 0 : 1;
            default:
                logger.LogError("Invalid action {Action}", action);
                return 1;
        }
    }

    /// <summary>achievement.md §3.6: rebuilds every non-disabled user's metrics (or one user's) and grants what they satisfy.</summary>
    private static async Task<int> RecomputeAchievementsAsync(AchievementRecomputeService service, ILogger logger, string[] args)
    {
        int? userId = null;
        if (Option(args, "--user") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                logger.LogError("Invalid args: recompute_achievements [--user ID] [--silent]");
                return 1;
            }

            userId = id;
        }

        var report = await service.RecomputeAsync(userId, args.Contains("--silent"), CancellationToken.None);
        logger.LogInformation("Recomputed the achievements of {Users} users: {Unlocked} new unlocks", report.Users, report.Unlocked);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
