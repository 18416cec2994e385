namespace OnlineJudge.Data.Configurations;

public class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.ToTable("problem");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DisplayId).HasColumnName("_id");
        builder.Property(p => p.IsPublic).HasDefaultValue(false);
        builder.Property(p => p.Samples).HasJsonbConversion();
        builder.Property(p => p.TestCaseScore).HasJsonbConversion();
        builder.Property(p => p.Languages).HasJsonbConversion();
        builder.Property(p => p.Template).HasJsonbConversion();
        builder.Property(p => p.CreateTime).HasDefaultValueSql("now()");
        // A true default must not turn an explicit false into "use the default" on insert.
        builder.Property(p => p.Visible).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(p => p.Answers).HasJsonbConversion();
        builder.Property(p => p.SubmissionNumber).HasDefaultValue(0L);
        builder.Property(p => p.AcceptedNumber).HasDefaultValue(0L);
        builder.Property(p => p.StatisticInfo).HasJsonbConversion().HasDefaultValueSql("'{}'::jsonb");
        builder.Property(p => p.ShareSubmission).HasDefaultValue(false);
        builder.Property(p => p.AllowFlowchart).HasDefaultValue(false);
        // Always sent: EF must not compare a JsonElement with its default (unserializable) sentinel.
        builder.Property(p => p.FlowchartData).HasJsonbConversion()
            .HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        builder.Property(p => p.ShowFlowchart).HasDefaultValue(false);
        builder.Property(p => p.AstRules).HasJsonbConversion();
        builder.Property(p => p.SqlConfig).HasJsonbConversion();
        builder.Property(p => p.SqlDisplay).HasJsonbConversion();

        // NULL contest_id rows are distinct here; public display ids are kept unique by the application.
        builder.HasIndex(p => new { p.DisplayId, p.ContestId }).IsUnique()
            .HasDatabaseName("unique_problem_id_contest");
        builder.HasIndex(p => p.DisplayId);
        builder.HasIndex(p => p.ContestId);
        builder.HasIndex(p => p.CreatedById);
        builder.HasIndex(p => new { p.ContestId, p.Visible }).HasDatabaseName("problem_contest_visible_idx");
        builder.HasIndex(p => p.Visible).HasDatabaseName("problem_visible_idx");

        builder.HasOne(p => p.Contest).WithMany()
            .HasForeignKey(p => p.ContestId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.CreatedBy).WithMany()
            .HasForeignKey(p => p.CreatedById)
            .OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(p => p.Tags).WithMany()
            .UsingEntity<ProblemTagLink>(
                link => link.HasOne<ProblemTag>().WithMany()
                    .HasForeignKey(l => l.ProblemTagId)
                    .OnDelete(DeleteBehavior.Cascade),
                link => link.HasOne<Problem>().WithMany()
                    .HasForeignKey(l => l.ProblemId)
                    .OnDelete(DeleteBehavior.Cascade));
    }
}
