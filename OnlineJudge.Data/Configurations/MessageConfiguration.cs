namespace OnlineJudge.Data.Configurations;

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("message");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Content).HasColumnName("message");
        builder.Property(m => m.CreateTime).HasDefaultValueSql("now()");
        builder.Property(m => m.SubmissionId).IsRequired();

        builder.HasIndex(m => m.RecipientId).HasDatabaseName("message_recipient_id_2aa5dd76");
        builder.HasIndex(m => new { m.RecipientId, m.CreateTime }).HasDatabaseName("message_recipient_time_idx");
        builder.HasIndex(m => m.SenderId).HasDatabaseName("message_sender_id_a2a2e825");
        builder.HasIndex(m => m.SubmissionId).HasDatabaseName("message_submission_id_2fdf8a47");
        builder.HasIndex(m => m.SubmissionId, "message_submission_id_2fdf8a47_like")
            .HasOperators("text_pattern_ops");

        builder.HasOne(m => m.Recipient).WithMany()
            .HasForeignKey(m => m.RecipientId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Sender).WithMany()
            .HasForeignKey(m => m.SenderId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Submission).WithMany()
            .HasForeignKey(m => m.SubmissionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
