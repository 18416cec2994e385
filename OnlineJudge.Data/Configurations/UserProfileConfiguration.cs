namespace OnlineJudge.Data.Configurations;

public class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.ToTable("user_profile");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.AcmProblemsStatus).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");
        builder.Property(p => p.Avatar).IsRequired().HasDefaultValue(UserProfile.DefaultAvatar);
        builder.Property(p => p.Blog).HasMaxLength(200);
        builder.Property(p => p.AcceptedNumber).HasDefaultValue(0);
        builder.Property(p => p.SubmissionNumber).HasDefaultValue(0);
        // Ours: the user rank list orders by these columns.
        builder.HasIndex(p => new { p.AcceptedNumber, p.SubmissionNumber, p.Id }).IsDescending(true, false, false)
            .HasDatabaseName("user_profile_rank_idx");
    }
}
