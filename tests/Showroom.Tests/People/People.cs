using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.People;

/// <summary>Steps the people tests share: dealer ids, and a person invited and signed in through the real endpoints.</summary>
public static class People
{
    public const string Password = "new-agent-pass-1";

    public static async Task<Dictionary<string, string>> DealerIdsAsync(ShowroomApp app)
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        return (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);
    }

    public static async Task<string> DepartmentIdAsync(AgentSession session, string dealerId, string kind) =>
        (await session.GetJsonAsync<JsonElement>($"/api/dealers/{dealerId}")).GetProperty("departments").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == kind).GetProperty("id").GetString()!;

    /// <summary>The token at the end of an invitation link.</summary>
    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..].Trim();

    /// <summary>Invites (no mail server: the link comes back), accepts, and returns the new person's signed-in session.</summary>
    public static async Task<AgentSession> InviteAndJoinAsync(ShowroomApp app, AgentSession inviter, string email, string role, params string[] dealerIds)
    {
        using var invited = await inviter.SendAsync(HttpMethod.Post, "/api/invitations",
            new { email, role, dealerIds, departmentIds = Array.Empty<string>(), chatLimit = (int?)null });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var token = TokenOf((await invited.ReadJsonAsync()).GetProperty("inviteUrl").GetString()!);
        await using (var browser = app.NewSession())
        {
            using var accepted = await browser.SendAsync(HttpMethod.Post, $"/api/invitations/{token}/accept",
                new { firstName = email.Split('@')[0], lastName = "Tester", password = Password, timeZone = "America/Chicago" });
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        // A fresh sign-in: the accepting browser's antiforgery token was issued before it was signed in.
        return await app.SignInAsync(email, Password);
    }
}
