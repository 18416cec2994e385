namespace OnlineJudge.Data.Configurations;

public class FlowchartTaskConfiguration : IEntityTypeConfiguration<FlowchartTask>
{
    public void Configure(EntityTypeBuilder<FlowchartTask> builder)
    {
        builder.ToTable("flowchart_task");
        builder.HasKey(t => t.SubmissionId);
        builder.Property(t => t.SubmissionId).ValueGeneratedNever();
        builder.Property(t => t.Attempts).HasDefaultValue(0);

        // The queue: unleased tasks in arrival order; the sweeper: leases that may have lapsed.
        builder.HasIndex(t => new { t.NotBefore, t.EnqueuedAt }).HasFilter("lease_id IS NULL").HasDatabaseName("flowchart_task_queue_idx");
        builder.HasIndex(t => t.LeaseExpiresAt).HasFilter("lease_id IS NOT NULL").HasDatabaseName("flowchart_task_lease_idx");

        builder.HasOne(t => t.Submission).WithOne()
            .HasForeignKey<FlowchartTask>(t => t.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
