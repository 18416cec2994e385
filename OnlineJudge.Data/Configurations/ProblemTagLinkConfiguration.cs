namespace OnlineJudge.Data.Configurations;

/// <summary>The two foreign keys are configured with the many-to-many in <see cref="ProblemConfiguration"/>.</summary>
public class ProblemTagLinkConfiguration : IEntityTypeConfiguration<ProblemTagLink>
{
    public void Configure(EntityTypeBuilder<ProblemTagLink> builder)
    {
        builder.ToTable("problem_tags");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ProblemTagId).HasColumnName("problemtag_id");

        builder.HasIndex(l => new { l.ProblemId, l.ProblemTagId }).IsUnique()
            .HasDatabaseName("problem_tags_problem_id_problemtag_id_uniq");
        builder.HasIndex(l => l.ProblemId);
        builder.HasIndex(l => l.ProblemTagId);
    }
}
