using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Configuration;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Presence;

namespace Showroom.Demo;

/// <summary>The demo dealer group that lets anyone try Showroom at once. Never seeded in Production.</summary>
public static class DemoData
{
    public const string Password = "Demo-Showroom-1";

    public sealed record DemoAgent(string Email, string FirstName, string LastName, AgentRole Role, string[] Dealers, DepartmentKind[] Departments);

    public static readonly IReadOnlyList<DemoAgent> Agents =
    [
        new("admin@example.com", "Alex", "Morgan", AgentRole.Admin, [], []),
        new("manager@example.com", "Maria", "Lopez", AgentRole.Manager, [Downtown, Lakeside], [DepartmentKind.Sales]),
        new("sam@example.com", "Sam", "Carter", AgentRole.Agent, [Downtown], [DepartmentKind.Sales, DepartmentKind.Service]),
        new("jordan@example.com", "Jordan", "Lee", AgentRole.Agent, [Downtown], [DepartmentKind.Sales, DepartmentKind.Finance]),
        new("priya@example.com", "Priya", "Patel", AgentRole.Agent, [Lakeside], [DepartmentKind.Sales, DepartmentKind.Finance]),
        new("chris@example.com", "Chris", "Nguyen", AgentRole.Agent, [Lakeside], [DepartmentKind.Service, DepartmentKind.Parts]),
    ];

    const string GroupName = "Example Auto Group";
    const string Downtown = "Example Motors Downtown";

    /// <summary>The dealer whose widget the demo site embeds.</summary>
    public const string DemoSiteDealer = Downtown;
    const string Lakeside = "Example Motors Lakeside";
    const string DealerTimeZone = "America/Chicago";

    /// <summary>True when this environment may hold demo data (the setting is on and this is not Production).</summary>
    public static bool IsEnabled(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var wanted = services.GetRequiredService<IOptions<ShowroomOptions>>().Value.SeedDemoData ?? environment.IsDevelopment();
        return wanted && !environment.IsProduction();
    }

    /// <summary>Seeds the demo group on a database that has no dealer group yet; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (!IsEnabled(services))
        {
            return false;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        if (await db.DealerGroups.AnyAsync(ct))
        {
            return false;
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();

        var group = new DealerGroup { Name = GroupName };
        db.DealerGroups.Add(group);
        var publicOrigin = DemoSiteOrigin(scope.ServiceProvider);
        var dealers = new[] { Downtown, Lakeside }.ToDictionary(name => name, name => new Dealer
        {
            GroupId = group.Id,
            Name = name,
            TimeZone = DealerTimeZone,
            WebsiteOrigins = publicOrigin is null ? [] : [publicOrigin],
            WidgetKey = NewWidgetKey(),
            LeadEmail = "leads@example.com",
        });
        db.Dealers.AddRange(dealers.Values);
        var departments = dealers.Values
            .SelectMany(dealer => Enum.GetValues<DepartmentKind>().Select(kind => new Department
            {
                DealerId = dealer.Id,
                Kind = kind,
                Name = kind.ToString(),
                // The demo site's Sales desk never closes, so the demo can be tried at any hour.
                Hours = dealer.Name == DemoSiteDealer && kind == DepartmentKind.Sales ? AllWeek() : StandardHours(kind),
            }))
            .ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(ct);

        foreach (var demo in Agents)
        {
            var agent = new Agent
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                FirstName = demo.FirstName,
                LastName = demo.LastName,
                Role = demo.Role,
                TimeZone = DealerTimeZone,
                CreatedAt = clock.GetUtcNow(),
                PrimaryDealerId = demo.Dealers.Length > 0 ? dealers[demo.Dealers[0]].Id : null,
            };
            var created = await users.CreateAsync(agent, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo agent {demo.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            // Every agent has a status row from the start: Offline (not online) and Away until they sign in.
            db.AgentStates.Add(new AgentState { AgentId = agent.Id, Status = AgentStatus.Away, ChangedAt = clock.GetUtcNow(), Cause = StatusCause.Return });
            foreach (var dealerName in demo.Dealers)
            {
                var dealer = dealers[dealerName];
                db.DealerMemberships.Add(new DealerMembership { AgentId = agent.Id, DealerId = dealer.Id });
                db.DepartmentMemberships.AddRange(departments
                    .Where(d => d.DealerId == dealer.Id && demo.Departments.Contains(d.Kind))
                    .Select(d => new DepartmentMembership { AgentId = agent.Id, DealerId = dealer.Id, DepartmentId = d.Id }));
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string NewWidgetKey() => "wk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    static string? DemoSiteOrigin(IServiceProvider services)
    {
        var url = services.GetRequiredService<IOptions<ShowroomOptions>>().Value.PublicUrl;
        return url is null ? "http://localhost:5080" : url.GetLeftPart(UriPartial.Authority);
    }

    static List<BusinessHours> AllWeek() =>
        Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours { Day = day, Opens = TimeOnly.MinValue, Closes = TimeOnly.MaxValue }).ToList();

    static List<BusinessHours> StandardHours(DepartmentKind kind)
    {
        var (weekdays, saturday) = kind switch
        {
            DepartmentKind.Sales => ((9, 20), (9, 18)),
            DepartmentKind.Service => ((7, 18), (8, 14)),
            DepartmentKind.Parts => ((8, 17), (8, 12)),
            _ => ((9, 19), (9, 17)),
        };
        var hours = Enumerable.Range((int)DayOfWeek.Monday, 5)
            .Select(day => new BusinessHours { Day = (DayOfWeek)day, Opens = new TimeOnly(weekdays.Item1, 0), Closes = new TimeOnly(weekdays.Item2, 0) })
            .ToList();
        hours.Add(new BusinessHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(saturday.Item1, 0), Closes = new TimeOnly(saturday.Item2, 0) });
        return hours;
    }
}
