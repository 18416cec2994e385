namespace OnlineJudge.Data.Configurations;

public class ProblemTagConfiguration : IEntityTypeConfiguration<ProblemTag>
{
    public void Configure(EntityTypeBuilder<ProblemTag> builder)
    {
        builder.ToTable("problem_tag");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).IsRequired();
        // problem_tag_name_ci_unique on lower(name) is an expression index, created in the migration.
    }
}
