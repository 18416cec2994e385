namespace OnlineJudge.Data.Configurations;

public class ProblemSetProblemConfiguration : IEntityTypeConfiguration<ProblemSetProblem>
{
    public void Configure(EntityTypeBuilder<ProblemSetProblem> builder)
    {
        builder.ToTable("problemset_problem");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProblemSetId).HasColumnName("problemset_id");
        builder.Property(p => p.Order).HasDefaultValue(0);
        builder.Property(p => p.IsRequired).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(p => p.Score).HasDefaultValue(0);

        builder.HasIndex(p => p.ProblemId).HasDatabaseName("problemset_problem_problem_id_fff2d686");
        builder.HasIndex(p => p.ProblemSetId).HasDatabaseName("problemset_problem_problemset_id_350d17fb");
        builder.HasIndex(p => new { p.ProblemSetId, p.ProblemId }).IsUnique()
            .HasDatabaseName("unique_problemset_problem");

        builder.HasOne(p => p.Problem).WithMany()
            .HasForeignKey(p => p.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.ProblemSet).WithMany(s => s.Problems)
            .HasForeignKey(p => p.ProblemSetId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
