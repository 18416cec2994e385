using System.Text;

namespace OnlineJudge.Data;

public class OnlineJudgeDbContext(DbContextOptions<OnlineJudgeDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<SysOption> SysOptions => Set<SysOption>();
    public DbSet<JudgeServer> JudgeServers => Set<JudgeServer>();
    public DbSet<JudgeTask> JudgeTasks => Set<JudgeTask>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemTag> ProblemTags => Set<ProblemTag>();
    public DbSet<ProblemTagLink> ProblemTagLinks => Set<ProblemTagLink>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<ContestAnnouncement> ContestAnnouncements => Set<ContestAnnouncement>();
    public DbSet<AcmContestRank> AcmContestRanks => Set<AcmContestRank>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<FlowchartSubmission> FlowchartSubmissions => Set<FlowchartSubmission>();
    public DbSet<FlowchartTask> FlowchartTasks => Set<FlowchartTask>();
    public DbSet<ProblemSet> ProblemSets => Set<ProblemSet>();
    public DbSet<ProblemSetProblem> ProblemSetProblems => Set<ProblemSetProblem>();
    public DbSet<ProblemSetBadge> ProblemSetBadges => Set<ProblemSetBadge>();
    public DbSet<ProblemSetProgress> ProblemSetProgresses => Set<ProblemSetProgress>();
    public DbSet<ProblemSetSubmission> ProblemSetSubmissions => Set<ProblemSetSubmission>();
    public DbSet<UserBadge> UserBadges => Set<UserBadge>();
    public DbSet<Tutorial> Tutorials => Set<Tutorial>();
    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<Achievement> Achievements => Set<Achievement>();
    public DbSet<UserStat> UserStats => Set<UserStat>();
    public DbSet<UserAchievement> UserAchievements => Set<UserAchievement>();
    public DbSet<AchievementRescanJob> AchievementRescanJobs => Set<AchievementRescanJob>();
    public DbSet<AiAnalysis> AiAnalyses => Set<AiAnalysis>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OnlineJudgeDbContext).Assembly);
        ApplySnakeCaseColumnNames(modelBuilder);
    }

    /// <summary>
    /// The reference schema names every column in snake_case (<c>CreatedById</c> → <c>created_by_id</c>).
    /// Columns a configuration names explicitly (such as <c>_id</c>) are left alone.
    /// </summary>
    private static void ApplySnakeCaseColumnNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation("Relational:ColumnName") is null)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
