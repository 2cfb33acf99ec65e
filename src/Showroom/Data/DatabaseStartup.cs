using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Showroom.Configuration;

namespace Showroom.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the schema up to date from migrations (never EnsureCreated) and, for SQLite, turns on WAL.
    /// Failures become a <see cref="StartupException"/> naming the setting to check.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        try
        {
            // Open once outside EF first: a wrong address or password then becomes our one line, not an EF error log.
            var probe = db.Database.GetDbConnection();
            await probe.OpenAsync(cancellationToken);
            await probe.CloseAsync();

            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while one writer commits; the mode is stored in the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or InvalidOperationException or ArgumentException)
        {
            throw new StartupException(
                $"Cannot open the database set by Database:Provider and Database:ConnectionString: {FirstLine(e)}", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string FirstLine(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }
        return innermost.Message.Split('\n')[0].Trim();
    }
}
