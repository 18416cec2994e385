namespace OnlineJudge.Tests.Builders;

/// <summary>Stores a site option (<c>options_sysoptions</c>) directly in the test database, replacing a stored value.</summary>
public class SysOptionBuilder(string key, object value)
{
    public async Task<SysOption> BuildAsync()
    {
        var json = JsonSerializer.SerializeToElement(value);
        await using var db = TestEnvironment.CreateDbContext();
        var option = await db.SysOptions.AsTracking().FirstOrDefaultAsync(o => o.Key == key);
        if (option is null)
        {
            option = new SysOption { Key = key, Value = json };
            db.SysOptions.Add(option);
        }
        else
        {
            option.Value = json;
        }

        await db.SaveChangesAsync();
        return option;
    }
}
