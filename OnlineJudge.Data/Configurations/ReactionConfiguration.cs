namespace OnlineJudge.Data.Configurations;

public class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("reaction");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Type).HasMaxLength(20).IsRequired();
        builder.Property(r => r.CreateTime).HasDefaultValueSql("now()");

        builder.HasIndex(r => new { r.ProblemId, r.UserId }).IsUnique()
            .HasDatabaseName("reaction_problem_user_unique");
        builder.HasIndex(r => new { r.ProblemId, r.Type }).HasDatabaseName("reaction_problem_type_idx");
        builder.HasIndex(r => r.ProblemId).HasDatabaseName("reaction_problem_id_a7f3b9f3");
        builder.HasIndex(r => r.UserId).HasDatabaseName("reaction_user_id_cfa7f469");

        builder.HasOne(r => r.Problem).WithMany()
            .HasForeignKey(r => r.ProblemId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany()
            .HasForeignKey(r => r.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
