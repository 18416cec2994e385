namespace OnlineJudge.Data.Configurations;

public class AiAnalysisConfiguration : IEntityTypeConfiguration<AiAnalysis>
{
    public void Configure(EntityTypeBuilder<AiAnalysis> builder)
    {
        builder.ToTable("ai_analysis");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Provider).IsRequired().HasDefaultValue(AiAnalysis.DefaultProvider);
        builder.Property(a => a.Data).HasJsonbConversion().IsRequired();
        builder.Property(a => a.SystemPrompt).IsRequired();
        builder.Property(a => a.UserPrompt).IsRequired();
        builder.Property(a => a.Analysis).IsRequired();
        builder.Property(a => a.CreateTime).HasDefaultValueSql("now()");
        builder.Property(a => a.Model).IsRequired().HasDefaultValue(AiAnalysis.DefaultModel);
        builder.Property(a => a.IsPinned).HasDefaultValue(false);

        builder.HasIndex(a => a.UserId).HasDatabaseName("ai_analysis_user_id_3aa23011");
        // Not in the reference: the admin report list is ordered by create_time desc and paginated.
        builder.HasIndex(a => a.CreateTime).IsDescending().HasDatabaseName("ai_analysis_create_time_idx");

        builder.HasOne(a => a.User).WithMany()
            .HasForeignKey(a => a.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
