using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Data;

public sealed class PostgresTests
{
    [Fact]
    public async Task Postgres_path_migrates_and_serves_sign_in()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
        });

        await using var sam = await app.SignInAsync("sam@example.com");
        var me = await sam.GetJsonAsync<JsonElement>("/api/me");

        Assert.Equal("sam@example.com", me.GetProperty("email").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        Assert.IsType<PostgresShowroomDb>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.DataProtectionKeys.AnyAsync(), "Data Protection keys are stored in PostgreSQL");
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        await using var app = new ShowroomApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }
}
