using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;
using Npgsql;
using Showroom.Configuration;

namespace Showroom.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DataServices
{
    /// <summary>
    /// Registers <see cref="ShowroomDb"/> for the configured provider. The provider is read now, because
    /// each provider has its own context type and migrations; the rest is read when the context is made.
    /// </summary>
    public static IServiceCollection AddShowroomData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ParseProvider(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresShowroomDb>((sp, options) =>
                options.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)));
            services.AddScoped<ShowroomDb>(sp => sp.GetRequiredService<PostgresShowroomDb>());
        }
        else
        {
            services.AddDbContext<SqliteShowroomDb>((sp, options) =>
                options.UseSqlite(SqliteConnectionString(
                    sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                    sp.GetRequiredService<IOptions<ShowroomOptions>>().Value)));
            services.AddScoped<ShowroomDb>(sp => sp.GetRequiredService<SqliteShowroomDb>());
        }
        services.AddSingleton(new DatabaseInfo(provider));
        return services;
    }

    public static DatabaseProvider ParseProvider(IConfiguration configuration)
    {
        var value = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }
        if (value.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }
        throw new StartupException($"Database:Provider \"{value}\" is not known: use Sqlite (the default) or Postgres.");
    }

    static string PostgresConnectionString(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StartupException("Database:ConnectionString is required when Database:Provider is Postgres.");
        }
        try
        {
            return new NpgsqlConnectionStringBuilder(options.ConnectionString).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Database:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
        }
    }

    static string SqliteConnectionString(DatabaseOptions options, ShowroomOptions showroom)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return new SqliteConnectionStringBuilder(options.ConnectionString).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new StartupException($"Database:ConnectionString is not a valid SQLite connection string: {e.Message}");
            }
        }
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(showroom.DataDirectoryFullPath, "showroom.db"),
            // Writers wait for each other instead of failing with "database is locked".
            DefaultTimeout = 30,
        }.ConnectionString;
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider);

/// <summary>Lets `dotnet ef` build the SQLite context without running the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteShowroomDb>
{
    public SqliteShowroomDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShowroomDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL context without running the app.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresShowroomDb>
{
    public PostgresShowroomDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShowroomDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
