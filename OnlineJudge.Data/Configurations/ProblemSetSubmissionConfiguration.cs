namespace OnlineJudge.Data.Configurations;

public class ProblemSetSubmissionConfiguration : IEntityTypeConfiguration<ProblemSetSubmission>
{
    public void Configure(EntityTypeBuilder<ProblemSetSubmission> builder)
    {
        builder.ToTable("problemset_submission");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProblemSetId).HasColumnName("problemset_id");
        builder.Property(s => s.SubmissionId).IsRequired();

        builder.HasIndex(s => s.ProblemId).HasDatabaseName("problemset_submission_problem_id_5629b105");
        builder.HasIndex(s => s.ProblemSetId).HasDatabaseName("problemset_submission_problemset_id_85290e17");
        builder.HasIndex(s => s.SubmissionId).HasDatabaseName("problemset_submission_submission_id_78e2b807");
        builder.HasIndex(s => s.SubmissionId, "problemset_submission_submission_id_78e2b807_like")
            .HasOperators("text_pattern_ops");
        builder.HasIndex(s => s.UserId).HasDatabaseName("problemset_submission_user_id_915fc9c6");
        builder.HasIndex(s => new { s.ProblemSetId, s.UserId }).HasDatabaseName("problemset__problem_1f39fa_idx");
        builder.HasIndex(s => new { s.ProblemSetId, s.ProblemId }).HasDatabaseName("problemset__problem_22f053_idx");
        builder.HasIndex(s => s.UserId, "problemset__user_id_2f1501_idx");

        builder.HasOne<Problem>().WithMany()
            .HasForeignKey(s => s.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProblemSet>().WithMany()
            .HasForeignKey(s => s.ProblemSetId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Submission>().WithMany()
            .HasForeignKey(s => s.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany()
            .HasForeignKey(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
