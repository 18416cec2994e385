namespace OnlineJudge.Data.Configurations;

public class ProblemSetProgressConfiguration : IEntityTypeConfiguration<ProblemSetProgress>
{
    public void Configure(EntityTypeBuilder<ProblemSetProgress> builder)
    {
        builder.ToTable("problemset_progress");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProblemSetId).HasColumnName("problemset_id");
        builder.Property(p => p.JoinTime).HasDefaultValueSql("now()");
        builder.Property(p => p.IsCompleted).HasDefaultValue(false);
        builder.Property(p => p.ProgressPercentage).HasDefaultValue(0.0);
        builder.Property(p => p.CompletedProblemsCount).HasDefaultValue(0);
        builder.Property(p => p.TotalProblemsCount).HasDefaultValue(0);
        builder.Property(p => p.TotalScore).HasDefaultValue(0);
        builder.Property(p => p.ProgressDetail).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");

        builder.HasIndex(p => p.ProblemSetId).HasDatabaseName("problemset_progress_problemset_id_20a9632e");
        builder.HasIndex(p => p.UserId).HasDatabaseName("problemset_progress_user_id_c8041a80");
        builder.HasIndex(p => new { p.ProblemSetId, p.UserId }).IsUnique()
            .HasDatabaseName("unique_problemset_progress_user");

        builder.HasOne(p => p.ProblemSet).WithMany(s => s.Progresses)
            .HasForeignKey(p => p.ProblemSetId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.User).WithMany()
            .HasForeignKey(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
