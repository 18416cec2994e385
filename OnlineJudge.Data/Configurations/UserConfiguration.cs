namespace OnlineJudge.Data.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("user");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Password).HasMaxLength(128).IsRequired();
        builder.Property(u => u.Username).IsRequired();
        builder.HasIndex(u => u.Username).IsUnique().HasDatabaseName("user_username_key");
        builder.Property(u => u.AdminType).IsRequired().HasDefaultValue(AdminType.RegularUser);
        builder.Property(u => u.ProblemPermission).IsRequired().HasDefaultValue(ProblemPermission.None);
        builder.Property(u => u.SessionKeys).HasJsonbConversion().HasDefaultValueSql("'[]'::jsonb");
        builder.Property(u => u.OpenApi).HasDefaultValue(false);
        // Ours: every APPKEY request looks its user up by key.
        builder.HasIndex(u => u.OpenApiAppkey).HasDatabaseName("user_open_api_appkey_idx").HasFilter("open_api_appkey IS NOT NULL");
        builder.Property(u => u.IsDisabled).HasDefaultValue(false);
        // Widened from varchar(20) to hold the data-protection ciphertext (spec README, decision 6).
        builder.Property(u => u.RawPassword).HasMaxLength(1024);
        builder.Property(u => u.CreateTime).HasDefaultValueSql("now()");
        // Ours: class ranks and class usernames filter by class.
        builder.HasIndex(u => u.ClassName).HasDatabaseName("user_class_name_idx");

        builder.HasOne(u => u.Profile).WithOne(p => p.User)
            .HasForeignKey<UserProfile>(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
