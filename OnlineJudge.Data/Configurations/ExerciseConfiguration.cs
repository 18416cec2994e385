namespace OnlineJudge.Data.Configurations;

public class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.ToTable("exercise");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).IsRequired().HasMaxLength(16);
        builder.Property(e => e.Data).HasJsonbConversion().IsRequired();
        builder.Property(e => e.Order).HasDefaultValue(0);
        builder.Property(e => e.CreatedAt).HasDefaultValueSql("now()");

        builder.HasIndex(e => e.TutorialId).HasDatabaseName("exercise_tutorial_id_6fd04055");

        builder.HasOne(e => e.Tutorial).WithMany(t => t.Exercises)
            .HasForeignKey(e => e.TutorialId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
