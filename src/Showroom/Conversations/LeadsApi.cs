using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Email;

namespace Showroom.Conversations;

public sealed record LeadRequest(
    string? VisitorToken, string? Name, string? Email, string? Phone, string? Message, DepartmentKind? Department, string? PageUrl, VehicleOfInterest? Vehicle,
    Guid? ConversationId = null);

public sealed record LeadDto(Guid Id, DepartmentKind Department, string Name, string? Email, string? Phone, string Message, string? PageUrl,
    VehicleOfInterest? Vehicle, DateTimeOffset CreatedAt);

/// <summary>
/// "Nobody there": the widget's form becomes a lead, stored for the dealer's managers and e-mailed to the
/// dealer's lead address. Field errors are codes, as everywhere (required, invalid, too_long, contact_required).
/// </summary>
public static class LeadsApi
{
    public static RouteGroupBuilder MapWidgetLeads(this RouteGroupBuilder widget)
    {
        widget.MapPost("/leads", Create).WithSummary("Leaves a message for the dealer when nobody can chat.");
        return widget;
    }

    public static RouteGroupBuilder MapLeadsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dealers/{dealerId:guid}/leads", List).RequireAuthorization().RequireDealerRight(reads: DealerRight.Manage).WithTags("Leads")
            .WithSummary("The dealer's leads, newest first (Managers of the dealer and Admins).");
        return api;
    }

    static async Task<Results<Created<LeadDto>, ValidationProblem>> Create(
        LeadRequest request, HttpContext http, ShowroomDb db, VisitorTokens tokens, IEmailSender mail,
        TimeProvider clock, ILogger<Lead> log, CancellationToken ct)
    {
        var dealer = http.WidgetDealer();
        var errors = new Dictionary<string, string[]>();
        var name = Field(request.Name, "name", 100, required: true, errors);
        var email = Field(request.Email, "email", 256, required: false, errors);
        var phone = Field(request.Phone, "phone", 40, required: false, errors);
        var message = MessageStore.Clean(request.Message);
        if (message is null)
        {
            errors["message"] = [string.IsNullOrWhiteSpace(request.Message) ? "required" : "too_long"];
        }
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors["email"] = ["invalid"];
        }
        if (email is null && phone is null && !errors.ContainsKey("email") && !errors.ContainsKey("phone"))
        {
            errors["email"] = ["contact_required"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the form.");
        }

        var visitor = tokens.Read(request.VisitorToken) is { } known && known.DealerId == dealer.Id ? known.VisitorId : Guid.NewGuid();
        var lead = new Lead
        {
            DealerId = dealer.Id,
            Department = request.Department ?? DepartmentKind.Sales,
            VisitorId = visitor,
            Name = name!,
            Email = email,
            Phone = phone,
            Message = message!,
            PageUrl = request.PageUrl is { Length: <= 2048 } url ? url : null,
            Vehicle = request.Vehicle,
            CreatedAt = clock.GetUtcNow(),
            // Linked only to a chat of this very visitor: a guessed id links nothing.
            ConversationId = request.ConversationId is { } chat
                && await db.Conversations.AnyAsync(c => c.Id == chat && c.DealerId == dealer.Id && c.VisitorId == visitor, ct) ? chat : null,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);

        if (!string.IsNullOrWhiteSpace(dealer.LeadEmail))
        {
            try
            {
                await mail.SendAsync(new EmailMessage(dealer.LeadEmail, $"New lead from {lead.Name} ({lead.Department})", LeadText(lead, dealer.Name)), ct);
            }
            catch (Exception e) when (e is IOException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // Stored either way: managers see it in the list; the mail server's trouble is logged, not the shopper's.
                log.LogError(e, "Lead {LeadId} of dealer {DealerId} could not be e-mailed", lead.Id, dealer.Id);
            }
        }
        return TypedResults.Created($"/api/dealers/{dealer.Id}/leads", ToDto(lead));
    }

    static async Task<Ok<List<LeadDto>>> List(Guid dealerId, ShowroomDb db, CancellationToken ct)
    {
        var leads = await db.Leads.AsNoTracking().Where(l => l.DealerId == dealerId).OrderByDescending(l => l.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(leads.Select(ToDto).ToList());
    }

    static string? Field(string? value, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = ["required"];
            }
            return null;
        }
        if (trimmed.Length > max || trimmed.Any(char.IsControl))
        {
            errors[field] = [trimmed.Length > max ? "too_long" : "invalid"];
            return null;
        }
        return trimmed;
    }

    static string LeadText(Lead lead, string dealerName)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"A shopper left a message for {dealerName} ({lead.Department}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Name: {lead.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"E-mail: {lead.Email ?? "-"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Phone: {lead.Phone ?? "-"}");
        if (lead.Vehicle is { } v)
        {
            var parts = new object?[] { v.Year, v.Make, v.Model, v.Trim, v.Vin is null ? null : $"VIN {v.Vin}" }.Where(x => x is not null);
            text.AppendLine(CultureInfo.InvariantCulture, $"Vehicle: {string.Join(' ', parts)}");
        }
        if (lead.PageUrl is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Page: {lead.PageUrl}");
        }
        return text.AppendLine().AppendLine(lead.Message).ToString();
    }

    static LeadDto ToDto(Lead l) => new(l.Id, l.Department, l.Name, l.Email, l.Phone, l.Message, l.PageUrl, l.Vehicle, l.CreatedAt);
}
