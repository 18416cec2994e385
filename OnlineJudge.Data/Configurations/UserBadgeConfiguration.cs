namespace OnlineJudge.Data.Configurations;

public class UserBadgeConfiguration : IEntityTypeConfiguration<UserBadge>
{
    public void Configure(EntityTypeBuilder<UserBadge> builder)
    {
        builder.ToTable("user_badge");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.EarnedTime).HasDefaultValueSql("now()");

        builder.HasIndex(b => b.BadgeId).HasDatabaseName("user_badge_badge_id_92a983e9");
        builder.HasIndex(b => b.UserId).HasDatabaseName("user_badge_user_id_a286d718");
        builder.HasIndex(b => new { b.UserId, b.BadgeId }).IsUnique().HasDatabaseName("unique_user_badge");

        builder.HasOne(b => b.Badge).WithMany()
            .HasForeignKey(b => b.BadgeId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.User).WithMany()
            .HasForeignKey(b => b.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
