using System.ComponentModel.DataAnnotations;

namespace OnlineJudge.Services.Account;

public class PasswordOptions
{
    public const string Section = "Passwords";

    /// <summary>PBKDF2 iterations for new hashes; Django 6's default. Older hashes are upgraded on login.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Passwords:Iterations must be positive")]
    public int Iterations { get; set; } = 1_200_000;
}
