namespace OnlineJudge.Data.Configurations;

public class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.ToTable("announcement");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.CreateTime).HasDefaultValueSql("now()");
        builder.Property(a => a.LastUpdateTime).HasDefaultValueSql("now()");
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(a => a.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(a => a.Top).HasDefaultValue(false);

        builder.HasIndex(a => a.CreatedById).HasDatabaseName("announcement_created_by_id_359ccf50");
        builder.HasIndex(a => new { a.Visible, a.Top, a.CreateTime }).IsDescending(false, true, true)
            .HasDatabaseName("announcement_list_idx");

        builder.HasOne(a => a.CreatedBy).WithMany()
            .HasForeignKey(a => a.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
