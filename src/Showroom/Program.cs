using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Board;
using Showroom.Canned;
using Showroom.Configuration;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Demo;
using Showroom.Email;
using Showroom.Internal;
using Showroom.Notifications;
using Showroom.Operations;
using Showroom.People;
using Showroom.Presence;
using Showroom.Profiles;
using Showroom.Realtime;
using Showroom.Routing;
using Showroom.Setup;

try
{
    var builder = WebApplication.CreateBuilder(args);

    // Options, checked before anything starts: a bad setting stops the process with one line naming it.
    builder.AddShowroomConfiguration();
    // Defaults when no appsettings file is found (a server started from another folder): no per-query logs.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    builder.Services.TryAddSingleton(TimeProvider.System);

    // Data: SQLite by default, PostgreSQL when configured; Data Protection keys live there too.
    builder.Services.AddShowroomData(builder.Configuration);
    builder.Services.AddDataProtection().SetApplicationName("Showroom").PersistKeysToDbContext<ShowroomDb>();

    // Agents sign in with Identity cookies; state-changing API calls carry an antiforgery token.
    builder.Services.AddShowroomAuth();

    // SignalR for agents (shoppers get their own hub), scaled out through Redis when configured.
    builder.Services.AddShowroomRealtime(builder.Configuration);

    // Status and presence: Available / Away / Do Not Disturb, Offline after the grace period, on every node.
    builder.Services.AddShowroomPresence(builder.Configuration);

    // Conversations: the shoppers' widget and hub, messages stored once and in order.
    builder.Services.AddShowroomConversations(builder.Configuration);

    // Routing: a new chat becomes offers to eligible agents until one accepts; deadlines kept in the database.
    builder.Services.AddShowroomRouting(builder.Configuration);

    // Internal chats: agents talk to each other (direct and team rooms) with the customer chats' delivery rules.
    builder.Services.AddShowroomInternalChats();

    // Notifications: channel settings, the Chrome extension (paired by token) and server keys.
    builder.Services.AddShowroomNotifications();
    builder.Services.AddShowroomWebPush(builder.Configuration);

    // Profiles' files (headshots) and e-mail: seams to the file store and the mail server.
    builder.Services.AddSingleton<IFileStore, FolderFileStore>();
    builder.Services.AddShowroomEmail(builder.Configuration);

    // Running the dealership from its pages: first-run setup, people (invitations, resets) and the audit log.
    builder.Services.AddShowroomSetup();
    builder.Services.AddShowroomPeople(builder.Configuration);
    builder.Services.AddShowroomAudit();

    // Operations: errors as ProblemDetails, health, OpenAPI.
    builder.Services.AddProblemDetails();
    builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    builder.Services.AddShowroomHealth();
    builder.Services.AddOpenApi();

    var app = builder.Build();

    await app.Services.MigrateDatabaseAsync();
    // Scale-out: Redis is connected now, so an unreachable server is a one-line start failure.
    app.Services.GetService<StackExchange.Redis.IConnectionMultiplexer>();
    await DemoData.SeedAsync(app.Services);
    if (args.FirstOrDefault() == CreateAdminCommand.Name)
    {
        // A script makes the first Admin and the process ends without serving.
        return await CreateAdminCommand.RunAsync(app.Services, args);
    }

    app.UseForwardedHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseBrowserClients();
    // Routing after the built files, so a folder's index.html wins over the console's fallback route.
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAgentHubOriginCheck();
    app.UseShopperHubGate();

    var api = app.MapGroup("/api").RequireAntiforgeryOnWrites();
    api.MapAuthApi();
    api.MapAgentsApi();
    api.MapDealersApi();
    api.MapDealerAdminApi();
    api.MapDepartmentsApi();
    api.MapSetupApi();
    api.MapPeopleApi();
    api.MapInvitationsApi();
    api.MapPasswordResetApi();
    api.MapAuditApi();
    api.MapProfileApi();
    api.MapStatusApi();
    api.MapPresenceSettingsApi();
    api.MapWidgetSettingsApi();
    api.MapConversationsApi();
    api.MapRoutingApi();
    api.MapBlocksApi();
    api.MapCannedApi();
    api.MapEmailApi();
    api.MapNotificationsApi();
    api.MapLiveBoardApi();
    api.MapPushApi();

    app.MapWidgetApi().MapWidgetLeads();
    api.MapLeadsApi();
    app.MapDemoApi();
    app.MapHeadshotFiles();
    app.MapHub<AgentHub>(AgentHub.Path);
    app.MapHub<ShopperHub>(ShopperHub.Path);
    app.MapHealth();
    app.MapOpenApi();
    app.MapConsole();

    StartupBanner.PrintWhenStarted(app);
    app.PrintSetupCodeWhenNeeded();
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // One clear line, no stack trace: the message names the setting to fix.
    await Console.Error.WriteLineAsync($"Showroom cannot start: {e.Message}");
    return 1;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
