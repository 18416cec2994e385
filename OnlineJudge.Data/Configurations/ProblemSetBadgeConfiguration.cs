namespace OnlineJudge.Data.Configurations;

public class ProblemSetBadgeConfiguration : IEntityTypeConfiguration<ProblemSetBadge>
{
    public void Configure(EntityTypeBuilder<ProblemSetBadge> builder)
    {
        builder.ToTable("problemset_badge");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.ProblemSetId).HasColumnName("problemset_id");
        builder.Property(b => b.Name).IsRequired();
        builder.Property(b => b.Description).IsRequired();
        builder.Property(b => b.Icon).IsRequired();
        builder.Property(b => b.ConditionType).IsRequired();
        builder.Property(b => b.ConditionValue).HasDefaultValue(0);

        builder.HasIndex(b => b.ProblemSetId).HasDatabaseName("problemset_badge_problemset_id_6cb6c74f");

        builder.HasOne(b => b.ProblemSet).WithMany(s => s.Badges)
            .HasForeignKey(b => b.ProblemSetId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
