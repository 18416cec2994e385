namespace OnlineJudge.Data.Configurations;

public class UserStatConfiguration : IEntityTypeConfiguration<UserStat>
{
    public void Configure(EntityTypeBuilder<UserStat> builder)
    {
        builder.ToTable("user_stat");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Metrics).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");
        builder.Property(s => s.UpdateTime).HasDefaultValueSql("now()");
        builder.HasIndex(s => s.UserId).IsUnique().HasDatabaseName("user_stat_user_id_key");

        builder.HasOne(s => s.User).WithOne()
            .HasForeignKey<UserStat>(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
