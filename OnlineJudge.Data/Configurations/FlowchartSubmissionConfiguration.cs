namespace OnlineJudge.Data.Configurations;

public class FlowchartSubmissionConfiguration : IEntityTypeConfiguration<FlowchartSubmission>
{
    public void Configure(EntityTypeBuilder<FlowchartSubmission> builder)
    {
        builder.ToTable("flowchart_submission");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        // Always sent: EF must not compare a JsonElement with its default (unserializable) sentinel.
        builder.Property(f => f.FlowchartData).HasJsonbConversion()
            .HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        builder.Property(f => f.Status).HasDefaultValue(FlowchartSubmissionStatus.Pending);
        builder.Property(f => f.CreateTime).HasDefaultValueSql("now()");
        builder.Property(f => f.AiGrade).HasMaxLength(10);
        builder.Property(f => f.AiCriteriaDetails).HasJsonbConversion()
            .HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        builder.Property(f => f.AiProvider).HasMaxLength(50).HasDefaultValue(FlowchartSubmission.DefaultAiProvider);
        builder.Property(f => f.AiModel).HasMaxLength(50).HasDefaultValue(FlowchartSubmission.DefaultAiModel);

        builder.HasIndex(f => new { f.UserId, f.CreateTime }).HasDatabaseName("flowchart_user_time_idx");
        builder.HasIndex(f => new { f.ProblemId, f.CreateTime }).HasDatabaseName("flowchart_problem_time_idx");
        builder.HasIndex(f => f.Status).HasDatabaseName("flowchart_status_idx");
        builder.HasIndex(f => f.ProblemId);
        builder.HasIndex(f => f.UserId);

        builder.HasOne(f => f.User).WithMany()
            .HasForeignKey(f => f.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Problem).WithMany()
            .HasForeignKey(f => f.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
