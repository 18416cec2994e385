namespace OnlineJudge.Data.Configurations;

public class UserAchievementConfiguration : IEntityTypeConfiguration<UserAchievement>
{
    public void Configure(EntityTypeBuilder<UserAchievement> builder)
    {
        builder.ToTable("user_achievement");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UnlockTime).HasDefaultValueSql("now()");
        builder.Property(u => u.Backfilled).HasDefaultValue(false);
        builder.Property(u => u.Notified).HasDefaultValue(false);

        builder.HasIndex(u => u.AchievementId).HasDatabaseName("user_achievement_achievement_id_29db600d");
        builder.HasIndex(u => u.UserId).HasDatabaseName("user_achievement_user_id_b8ec7d6a");
        builder.HasIndex(u => new { u.UserId, u.AchievementId }).IsUnique()
            .HasDatabaseName("unique_user_achievement");
        builder.HasIndex(u => new { u.UserId, u.UnlockTime }).IsDescending(false, true)
            .HasDatabaseName("user_achv_time_idx");
        builder.HasIndex(u => new { u.UserId, u.Notified }).HasDatabaseName("user_achv_notified_idx");

        builder.HasOne(u => u.Achievement).WithMany()
            .HasForeignKey(u => u.AchievementId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.User).WithMany()
            .HasForeignKey(u => u.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
