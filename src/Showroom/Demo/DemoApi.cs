using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;

namespace Showroom.Demo;

public sealed record DemoSiteDto(string WidgetKey, string DealerName);

public static class DemoApi
{
    public const string SitePath = "/app/demo/";

    /// <summary>The demo dealer site's widget key; only where demo data is on (never in Production).</summary>
    public static void MapDemoApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/demo/site", GetSite).WithTags("Demo").ExcludeFromDescription();

    static async Task<Results<Ok<DemoSiteDto>, NotFound>> GetSite(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        if (!DemoData.IsEnabled(http.RequestServices))
        {
            return TypedResults.NotFound();
        }
        var dealer = await db.Dealers.AsNoTracking().Where(d => d.Name == DemoData.DemoSiteDealer).Select(d => new DemoSiteDto(d.WidgetKey, d.Name)).SingleOrDefaultAsync(ct);
        return dealer is null ? TypedResults.NotFound() : TypedResults.Ok(dealer);
    }
}
