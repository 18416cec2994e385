namespace OnlineJudge.Data.Configurations;

public class AcmContestRankConfiguration : IEntityTypeConfiguration<AcmContestRank>
{
    public void Configure(EntityTypeBuilder<AcmContestRank> builder)
    {
        builder.ToTable("acm_contest_rank");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SubmissionNumber).HasDefaultValue(0);
        builder.Property(r => r.AcceptedNumber).HasDefaultValue(0);
        builder.Property(r => r.TotalTime).HasDefaultValue(0);
        builder.Property(r => r.SubmissionInfo).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");

        builder.HasIndex(r => new { r.UserId, r.ContestId }).IsUnique()
            .HasDatabaseName("unique_acm_rank_user_contest");
        builder.HasIndex(r => new { r.ContestId, r.AcceptedNumber, r.TotalTime })
            .HasDatabaseName("acm_rank_order_idx");
        builder.HasIndex(r => new { r.ContestId, r.UserId }).HasDatabaseName("acm_rank_contest_user_idx");
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.ContestId);

        builder.HasOne(r => r.User).WithMany()
            .HasForeignKey(r => r.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Contest).WithMany()
            .HasForeignKey(r => r.ContestId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
