namespace OnlineJudge.Data.Configurations;

public class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> builder)
    {
        builder.ToTable("contest");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CreateTime).HasDefaultValueSql("now()");
        builder.Property(c => c.LastUpdateTime).HasDefaultValueSql("now()");
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(c => c.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(c => c.AllowedIpRanges).HasJsonbConversion().HasDefaultValueSql("'[]'::jsonb");

        builder.HasIndex(c => c.CreatedById);
        // Not in the reference: the contest list is ordered by start_time desc.
        builder.HasIndex(c => c.StartTime).IsDescending().HasDatabaseName("contest_start_time_idx");

        builder.HasOne(c => c.CreatedBy).WithMany()
            .HasForeignKey(c => c.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
