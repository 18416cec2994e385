namespace OnlineJudge.Data.Configurations;

public class AchievementRescanJobConfiguration : IEntityTypeConfiguration<AchievementRescanJob>
{
    public void Configure(EntityTypeBuilder<AchievementRescanJob> builder)
    {
        builder.ToTable("achievement_rescan_job");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Attempts).HasDefaultValue(0);

        // One waiting job per achievement (a second enqueue while one waits adds nothing); a running job may have a
        // successor waiting, so that a change made during a rescan is scanned again.
        builder.HasIndex(j => j.AchievementId).IsUnique().HasFilter("lease_id IS NULL")
            .HasDatabaseName("achievement_rescan_job_waiting_key");
        builder.HasIndex(j => j.LeaseExpiresAt).HasFilter("lease_id IS NOT NULL").HasDatabaseName("achievement_rescan_job_lease_idx");

        builder.HasOne<Achievement>().WithMany()
            .HasForeignKey(j => j.AchievementId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
