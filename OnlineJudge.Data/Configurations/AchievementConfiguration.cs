namespace OnlineJudge.Data.Configurations;

public class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> builder)
    {
        builder.ToTable("achievement");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).IsRequired();
        builder.Property(a => a.Description).IsRequired();
        builder.Property(a => a.Icon).IsRequired();
        builder.Property(a => a.Rarity).IsRequired().HasDefaultValue(AchievementRarity.Bronze);
        builder.Property(a => a.Hidden).HasDefaultValue(false);
        builder.Property(a => a.Metric).IsRequired();
        builder.Property(a => a.Operator).IsRequired().HasDefaultValue(AchievementOperator.Gte);
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(a => a.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(a => a.UnlockCount).HasDefaultValue(0);
        builder.Property(a => a.Order).HasDefaultValue(0);
        builder.Property(a => a.CreateTime).HasDefaultValueSql("now()");
    }
}
