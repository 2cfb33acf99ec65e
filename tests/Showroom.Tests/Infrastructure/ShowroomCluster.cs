namespace Showroom.Tests.Infrastructure;

/// <summary>
/// Two Showroom nodes on one PostgreSQL database with the Redis backplane, as in scale-out production.
/// Node A starts (and migrates, and seeds) first; node B joins the same database.
/// </summary>
public sealed class ShowroomCluster : IAsyncLifetime
{
    PostgresDatabase? _database;

    public ShowroomApp NodeA { get; private set; } = null!;
    public ShowroomApp NodeB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Redis:Connection"] = TestEnvironment.RedisConnection,
        };
        NodeA = ShowroomApp.Create(settings);
        await NodeA.InitializeAsync();
        NodeB = ShowroomApp.Create(settings);
        await NodeB.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
