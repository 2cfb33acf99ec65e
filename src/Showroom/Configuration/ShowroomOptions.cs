namespace Showroom.Configuration;

/// <summary>The "Showroom" configuration section.</summary>
public sealed class ShowroomOptions
{
    public const string Section = "Showroom";

    /// <summary>Folder for the SQLite database and uploaded files; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The address people and the extension use to reach Showroom, used in links and e-mails.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Proxies (IP addresses or CIDR networks) whose X-Forwarded-* headers are believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Seed the demo dealer group on an empty database; unset means "in Development". Refused in Production.</summary>
    public bool? SeedDemoData { get; set; }

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, a file in the data folder) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres; for Sqlite it overrides the file in the data folder.</summary>
    public string? ConnectionString { get; set; }
}
