using OnlineJudge.Web;
using OnlineJudge.Web.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootAppSettings();
builder.AddWeb();

var app = builder.Build();
if (CommandRunner.IsCommand(args))
{
    Environment.ExitCode = await CommandRunner.RunAsync(app.Services, args);
    return;
}

app.UseWeb();
await app.RunAsync();

public partial class Program;
