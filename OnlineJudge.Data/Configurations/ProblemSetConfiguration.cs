namespace OnlineJudge.Data.Configurations;

public class ProblemSetConfiguration : IEntityTypeConfiguration<ProblemSet>
{
    public void Configure(EntityTypeBuilder<ProblemSet> builder)
    {
        builder.ToTable("problemset");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).IsRequired();
        builder.Property(s => s.Description).IsRequired();
        builder.Property(s => s.CreateTime).HasDefaultValueSql("now()");
        builder.Property(s => s.LastUpdateTime).HasDefaultValueSql("now()");
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(s => s.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(s => s.Difficulty).IsRequired().HasDefaultValue(ProblemSetDifficulty.Easy);
        builder.Property(s => s.Status).IsRequired().HasDefaultValue(ProblemSetStatus.Draft);

        builder.HasIndex(s => s.CreatedById).HasDatabaseName("problemset_created_by_id_01b5197f");
        // Not in the reference: every list is ordered by create_time desc.
        builder.HasIndex(s => s.CreateTime).IsDescending().HasDatabaseName("problemset_create_time_idx");

        builder.HasOne(s => s.CreatedBy).WithMany()
            .HasForeignKey(s => s.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
