namespace OnlineJudge.Services.Account;

public class PasswordOptions
{
    public const string Section = "Passwords";

    /// <summary>PBKDF2 iterations for new hashes; Django 6's default. Older hashes are upgraded on login.</summary>
    public int Iterations { get; set; } = 1_200_000;
}
