using Microsoft.AspNetCore.Identity;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Data;

namespace Showroom.Setup;

/// <summary>
/// `create-admin --email E --first-name F --last-name L [--time-zone Z]`: the first Admin for scripts; the password
/// is read from standard input (one line), so it never shows in the process list or the shell history.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (!await SetupApi.IsNeededAsync(db, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync("create-admin: agents exist already; invite people from the console instead.");
            return 2;
        }
        if (!Console.IsInputRedirected)
        {
            await Console.Out.WriteAsync("Password: ");
        }
        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        var (agent, errors) = await SetupApi.NewAdminAsync(users, Option("--email"), Option("--first-name"), Option("--last-name"), password,
            Option("--time-zone") ?? "UTC", clock);
        if (agent is null)
        {
            foreach (var (field, messages) in errors)
            {
                await Console.Error.WriteLineAsync($"create-admin: {field}: {string.Join(" ", messages)}");
            }
            return 2;
        }
        if (!await SetupApi.CreateFirstAdminAsync(db, users, scope.ServiceProvider.GetRequiredService<AuditLog>(), agent, password!, clock, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync("create-admin: Showroom is set up already.");
            return 2;
        }
        await Console.Out.WriteLineAsync($"Admin {agent.Email} created. Sign in at the console.");
        return 0;
    }
}
