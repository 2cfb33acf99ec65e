namespace Showroom.Tests.Infrastructure;

/// <summary>A class fixture: the real server on its own fresh PostgreSQL database.</summary>
public sealed class PostgresApp : IAsyncLifetime
{
    PostgresDatabase? _database;

    public ShowroomApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        App = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database.ConnectionString,
        });
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
