using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Conversations;

public sealed record WidgetSessionRequest([property: MaxLength(2048)] string? VisitorToken);

/// <summary>A department as the widget needs it: a chat is offered only when it is open and someone is signed in.</summary>
public sealed record WidgetDepartmentDto(DepartmentKind Kind, string Name, bool Open, bool AgentsOnline)
{
    public bool CanChat => Open && AgentsOnline;
}

public sealed record WidgetSessionResponse(
    string VisitorToken, string DealerName, IReadOnlyList<WidgetDepartmentDto> Departments, ConversationDto? Conversation, WidgetSettingsDto Settings);

/// <summary>
/// The widget's HTTP entry, called cross-origin from dealers' sites: only from the dealer's own website
/// origins. Outside the antiforgery group: it uses no cookie, and its token comes back in the body.
/// </summary>
public static class WidgetApi
{
    /// <summary>
    /// The group every widget call lives in. Its filter finds the dealer by the key in the path and lets
    /// the call through only from one of that dealer's website origins; handlers read the dealer with
    /// <see cref="WidgetDealer"/>. Preflights are answered for any origin: the real request is checked.
    /// </summary>
    public static RouteGroupBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/widget/{widgetKey}").WithTags("Widget");
        group.MapMethods("/{**path}", ["OPTIONS"], (HttpContext http) =>
        {
            ShopperHubGate.AllowOrigin(http, http.Request.Headers.Origin.ToString());
            return TypedResults.NoContent();
        }).ExcludeFromDescription();
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsOptions(http.Request.Method))
            {
                return await next(context);
            }
            var key = http.Request.RouteValues["widgetKey"]?.ToString();
            var db = http.RequestServices.GetRequiredService<ShowroomDb>();
            var dealer = await db.Dealers.AsNoTracking().SingleOrDefaultAsync(d => d.WidgetKey == key, http.RequestAborted);
            if (dealer is null)
            {
                return TypedResults.NotFound();
            }
            var origin = http.Request.Headers.Origin.ToString();
            // Browsers send no Origin on a same-origin GET (the config, from a page on this server, like the demo site).
            if (origin.Length == 0 && HttpMethods.IsGet(http.Request.Method) && http.Request.Headers["Sec-Fetch-Site"] == "same-origin")
            {
                origin = $"{http.Request.Scheme}://{http.Request.Host}";
            }
            if (!WidgetOrigins.IsAllowed(dealer.WebsiteOrigins, origin))
            {
                return TypedResults.Forbid();
            }
            ShopperHubGate.AllowOrigin(http, origin);
            http.Items[typeof(Dealer)] = dealer;
            return await next(context);
        });
        group.MapGet("/config", (HttpContext http) => TypedResults.Ok(WidgetSettingsDto.From(http.WidgetDealer().Widget)))
            .WithSummary("The widget's look and start form; the loader asks for it at most once an hour per visitor (it keeps it in localStorage).");
        group.MapPost("/session", StartSession)
            .WithSummary("A visitor token for this dealer's widget (a new visitor, or the one the token names), with the open conversation to resume.");
        return group;
    }

    public static Dealer WidgetDealer(this HttpContext http) =>
        http.Items[typeof(Dealer)] as Dealer ?? throw new InvalidOperationException("Not a widget route.");

    static async Task<Ok<WidgetSessionResponse>> StartSession(
        WidgetSessionRequest request, HttpContext http, ShowroomDb db, VisitorTokens tokens, ConversationService conversations,
        TimeProvider clock, CancellationToken ct)
    {
        var dealer = http.WidgetDealer();
        // A token of another dealer, or a broken one, starts a new visitor rather than failing.
        var visitor = tokens.Read(request.VisitorToken) is { } known && known.DealerId == dealer.Id
            ? known
            : new Visitor(dealer.Id, Guid.NewGuid());
        var now = clock.GetUtcNow();
        var rows = await db.Departments.AsNoTracking().Where(d => d.DealerId == dealer.Id).OrderBy(d => d.Kind)
            .Select(d => new
            {
                Department = d,
                Online = db.DepartmentMemberships.Any(m => m.DepartmentId == d.Id
                    && db.AgentStates.Any(s => s.AgentId == m.AgentId && s.IsOnline)
                    && db.Users.Any(a => a.Id == m.AgentId && a.IsActive)),
            })
            .ToListAsync(ct);
        var holidays = await db.HolidayClosures.Where(h => h.DealerId == dealer.Id).Select(h => h.Date).ToListAsync(ct);
        var departments = rows.Select(r => new WidgetDepartmentDto(r.Department.Kind, r.Department.Name,
            BusinessHoursCheck.IsOpen(r.Department.Hours, dealer.TimeZone, now, holidays), r.Online)).ToList();
        var open = await conversations.OpenForAsync(visitor, ct);
        return TypedResults.Ok(new WidgetSessionResponse(tokens.Issue(visitor), dealer.Name, departments,
            open is null ? null : await conversations.ToShopperDtoAsync(open, ct), WidgetSettingsDto.From(dealer.Widget)));
    }
}
