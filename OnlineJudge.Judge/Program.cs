namespace OnlineJudge.Judge;

public static class Program
{
    public static async Task Main(string[] args)
    {
        await using var app = JudgeServerApp.Build(args);
        await app.RunAsync();
    }
}
