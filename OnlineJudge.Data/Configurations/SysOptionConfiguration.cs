namespace OnlineJudge.Data.Configurations;

public class SysOptionConfiguration : IEntityTypeConfiguration<SysOption>
{
    public void Configure(EntityTypeBuilder<SysOption> builder)
    {
        builder.ToTable("options_sysoptions");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Key).IsRequired();
        builder.Property(o => o.Value).HasJsonbConversion().IsRequired();

        builder.HasIndex(o => o.Key).IsUnique().HasDatabaseName("options_sysoptions_key_key");
    }
}
