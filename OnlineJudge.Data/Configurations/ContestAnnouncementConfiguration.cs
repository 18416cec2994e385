namespace OnlineJudge.Data.Configurations;

public class ContestAnnouncementConfiguration : IEntityTypeConfiguration<ContestAnnouncement>
{
    public void Configure(EntityTypeBuilder<ContestAnnouncement> builder)
    {
        builder.ToTable("contest_announcement");
        builder.HasKey(a => a.Id);
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(a => a.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(a => a.CreateTime).HasDefaultValueSql("now()");

        builder.HasIndex(a => a.ContestId);
        builder.HasIndex(a => a.CreatedById);

        builder.HasOne(a => a.Contest).WithMany()
            .HasForeignKey(a => a.ContestId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.CreatedBy).WithMany()
            .HasForeignKey(a => a.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
