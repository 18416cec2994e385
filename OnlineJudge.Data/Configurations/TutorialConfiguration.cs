namespace OnlineJudge.Data.Configurations;

public class TutorialConfiguration : IEntityTypeConfiguration<Tutorial>
{
    public void Configure(EntityTypeBuilder<Tutorial> builder)
    {
        builder.ToTable("tutorial");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).IsRequired().HasMaxLength(128);
        builder.Property(t => t.Content).IsRequired();
        builder.Property(t => t.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        builder.Property(t => t.IsPublic).HasDefaultValue(false);
        builder.Property(t => t.Order).HasDefaultValue(0);
        builder.Property(t => t.Type).IsRequired().HasMaxLength(10).HasDefaultValue(TutorialType.Python);

        builder.HasIndex(t => t.CreatedById).HasDatabaseName("tutorial_created_by_id_07973cab");

        builder.HasOne(t => t.CreatedBy).WithMany()
            .HasForeignKey(t => t.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
