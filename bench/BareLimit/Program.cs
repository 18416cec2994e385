using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

// The bare limit of the benchmark: Kestrel, one pooled Npgsql query, System.Text.Json, nothing else (no MVC, no
// middleware, no cache). GET /key?id=N reads one problem by primary key; GET /page?offset=N reads a 20-row page of
// public problems. Both answer the app's envelope, {"error":null,"data":...}.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not set");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();

app.MapGet("/key", async (int id, CancellationToken cancellationToken) =>
{
    await using var command = dataSource.CreateCommand(
        "SELECT id, _id, title, difficulty, submission_number, accepted_number, create_time FROM problem WHERE id = $1");
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    return await reader.ReadAsync(cancellationToken)
        ? Results.Json(new Envelope(null, Read(reader)))
        : Results.Json(new Envelope("error", "Problem does not exist"));
});

app.MapGet("/page", async (int? offset, CancellationToken cancellationToken) =>
{
    await using var command = dataSource.CreateCommand(
        "SELECT id, _id, title, difficulty, submission_number, accepted_number, create_time FROM problem "
        + "WHERE contest_id IS NULL AND visible ORDER BY id DESC LIMIT 20 OFFSET $1");
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset ?? 0 });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    var rows = new List<Row>(20);
    while (await reader.ReadAsync(cancellationToken))
    {
        rows.Add(Read(reader));
    }

    return Results.Json(new Envelope(null, new Page(rows, rows.Count)));
});

await app.RunAsync();

static Row Read(NpgsqlDataReader reader) =>
    new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5),
        reader.GetDateTime(6));

internal sealed record Envelope(string? Error, object? Data);

internal sealed record Page(List<Row> Results, int Total);

internal sealed record Row(int Id, [property: JsonPropertyName("_id")] string DisplayId, string Title, string Difficulty, long SubmissionNumber,
    long AcceptedNumber, DateTime CreateTime);
