using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Showroom.Agents;
using Showroom.Data;

namespace Showroom.Auth;

public static class AuthServices
{
    public const string AdminPolicy = "Admin";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddShowroomAuth(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<Agent>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<ShowroomDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AgentClaimsFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "showroom.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            // The console is a single-page app: APIs and hubs answer 401/403, they never redirect.
            cookie.Events.OnRedirectToLogin = context => Deny(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context.Response, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireClaim(AgentClaims.Role, nameof(AgentRole.Admin)));

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "showroom.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // The token travels in the header only: checking it never reads (and buffers) a request body.
            options.SuppressReadingTokenFromFormBody = true;
        });
        return services;
    }

    static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Requires the antiforgery header on every state-changing call of the group. The console reads the
    /// token from GET /api/antiforgery; a page of another site cannot, so it cannot forge a request.
    /// </summary>
    public static RouteGroupBuilder RequireAntiforgeryOnWrites(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
            {
                return await next(context);
            }
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    title: "The request is missing its security token.",
                    detail: "Reload the page and try again.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" });
            }
            return await next(context);
        });
        return group;
    }
}
