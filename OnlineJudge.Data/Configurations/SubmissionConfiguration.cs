namespace OnlineJudge.Data.Configurations;

public class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submission");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CreateTime).HasDefaultValueSql("now()");
        // A non-zero default must not turn an explicit 0 (Accepted) into "use the default" on insert.
        builder.Property(s => s.Result).HasDefaultValue(JudgeStatus.Pending).ValueGeneratedNever();
        // Always sent: EF must not compare a JsonElement with its default (unserializable) sentinel.
        builder.Property(s => s.Info).HasJsonbConversion()
            .HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        builder.Property(s => s.Shared).HasDefaultValue(false);
        builder.Property(s => s.StatisticInfo).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");

        builder.HasIndex(s => new { s.UserId, s.CreateTime }).HasDatabaseName("user_create_time_idx");
        builder.HasIndex(s => new { s.ContestId, s.CreateTime }).IsDescending(false, true)
            .HasDatabaseName("contest_create_time_idx");
        builder.HasIndex(s => new { s.ProblemId, s.UserId }).HasDatabaseName("problem_user_idx");
        builder.HasIndex(s => s.ContestId);
        builder.HasIndex(s => s.ProblemId);
        builder.HasIndex(s => s.Result);
        builder.HasIndex(s => s.UserId);
        // Not in the reference: the submission list is ordered by create_time desc.
        builder.HasIndex(s => s.CreateTime).IsDescending().HasDatabaseName("submission_create_time_idx");

        builder.HasOne(s => s.Contest).WithMany()
            .HasForeignKey(s => s.ContestId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Problem).WithMany()
            .HasForeignKey(s => s.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
