namespace OnlineJudge.Data.Configurations;

public class JudgeServerConfiguration : IEntityTypeConfiguration<JudgeServer>
{
    public void Configure(EntityTypeBuilder<JudgeServer> builder)
    {
        builder.ToTable("judge_server");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.CreateTime).HasDefaultValueSql("now()");
        builder.Property(j => j.TaskNumber).HasDefaultValue(0);
        builder.Property(j => j.IsDisabled).HasDefaultValue(false);
    }
}
