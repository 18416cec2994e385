namespace OnlineJudge.Data.Configurations;

public class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comment", t =>
        {
            t.HasCheckConstraint("comment_description_rating_check", "description_rating >= 0");
            t.HasCheckConstraint("comment_difficulty_rating_check", "difficulty_rating >= 0");
            t.HasCheckConstraint("comment_comprehensive_rating_check", "comprehensive_rating >= 0");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.SubmissionId).IsRequired();
        builder.Property(c => c.Language).HasMaxLength(10).HasDefaultValue(CommentLanguage.Python);
        // A non-zero default must not turn an explicit 0 into "use the default" on insert.
        builder.Property(c => c.DescriptionRating).HasDefaultValue(Comment.DefaultRating).ValueGeneratedNever();
        builder.Property(c => c.DifficultyRating).HasDefaultValue(Comment.DefaultRating).ValueGeneratedNever();
        builder.Property(c => c.ComprehensiveRating).HasDefaultValue(Comment.DefaultRating).ValueGeneratedNever();
        builder.Property(c => c.CreateTime).HasDefaultValueSql("now()");

        builder.HasIndex(c => new { c.ProblemId, c.CreateTime }).HasDatabaseName("comment_problem_time_idx");
        builder.HasIndex(c => c.ProblemId);
        builder.HasIndex(c => c.UserId);
        builder.HasIndex(c => c.SubmissionId);

        builder.HasOne(c => c.Problem).WithMany()
            .HasForeignKey(c => c.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.User).WithMany()
            .HasForeignKey(c => c.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Submission).WithMany()
            .HasForeignKey(c => c.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
