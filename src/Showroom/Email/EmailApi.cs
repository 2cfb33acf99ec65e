using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using MailKit;
using Showroom.Auth;
using Showroom.Web;

namespace Showroom.Email;

public sealed record MailStatusResponse(bool Configured);

public sealed record TestMailRequest([property: Required, EmailAddress, MaxLength(256)] string To);

public static class EmailApi
{
    public static RouteGroupBuilder MapEmailApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/mail").RequireAuthorization(AuthServices.AdminPolicy).WithTags("Admin");
        group.MapGet("/", (IEmailSender sender) => TypedResults.Ok(new MailStatusResponse(sender.IsConfigured)))
            .WithSummary("Whether an SMTP server is configured.");
        group.MapPost("/test", SendTest).WithSummary("Sends a test message through the configured mail server.");
        return group;
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SendTest(
        TestMailRequest request, IEmailSender sender, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        try
        {
            await sender.SendAsync(new EmailMessage(request.To, "Showroom test message",
                "This message confirms that Showroom can send e-mail through its mail server."), ct);
            return TypedResults.NoContent();
        }
        catch (Exception e) when (e is IOException or CommandException or ProtocolException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException)
        {
            return TypedResults.Problem(title: "The mail server did not accept the message.", detail: e.Message,
                statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
