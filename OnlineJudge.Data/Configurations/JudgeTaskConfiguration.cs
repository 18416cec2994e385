using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Data.Configurations;

public class JudgeTaskConfiguration : IEntityTypeConfiguration<JudgeTask>
{
    public void Configure(EntityTypeBuilder<JudgeTask> builder)
    {
        builder.ToTable("judge_task");
        builder.HasKey(t => t.SubmissionId);
        builder.Property(t => t.SubmissionId).ValueGeneratedNever();
        builder.Property(t => t.Attempts).HasDefaultValue(0);

        // The queue: unleased tasks in dispatch order.
        builder.HasIndex(t => new { t.InProcess, t.Priority, t.EnqueuedAt })
            .HasFilter("lease_id IS NULL").HasDatabaseName("judge_task_queue_idx");
        // The sweeper: leases that may have lapsed.
        builder.HasIndex(t => t.LeaseExpiresAt).HasFilter("lease_id IS NOT NULL").HasDatabaseName("judge_task_lease_idx");
        builder.HasIndex(t => t.JudgeServerId);

        builder.HasOne(t => t.Submission).WithOne()
            .HasForeignKey<JudgeTask>(t => t.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JudgeServer>().WithMany()
            .HasForeignKey(t => t.JudgeServerId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
