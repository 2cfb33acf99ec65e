using Showroom.Data;

namespace Showroom.Setup;

public static class SetupServices
{
    public static IServiceCollection AddShowroomSetup(this IServiceCollection services) => services.AddSingleton<SetupCode>();

    /// <summary>
    /// Once the server listens, prints the setup page's address and the one-time code when the database has no
    /// agent yet (the first start without demo data). Printed to the console only, never to the log.
    /// </summary>
    public static void PrintSetupCodeWhenNeeded(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
            if (!SetupApi.IsNeededAsync(db, CancellationToken.None).GetAwaiter().GetResult() || app.Environment.IsEnvironment("Testing"))
            {
                return;
            }
            var code = app.Services.GetRequiredService<SetupCode>().Value;
            Console.Out.WriteLine(string.Join(Environment.NewLine,
                "",
                "First run: no agent exists yet. Create the first Admin at",
                $"  {Demo.StartupBanner.BaseUrl(app)}/setup",
                $"  with the setup code {code} (valid until this server stops).",
                "  Or: dotnet run --project src/Showroom -- create-admin --email <e-mail> --first-name <name> --last-name <name>",
                ""));
        });
    }
}
