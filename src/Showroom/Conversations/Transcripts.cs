using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Email;

namespace Showroom.Conversations;

/// <summary>
/// The shopper's copy of a chat, e-mailed once per chat and only to the address they gave when starting it:
/// the widget cannot name another address, so it cannot be used to send mail to strangers.
/// </summary>
public sealed class Transcripts(ShowroomDb db, MessageStore messages, IEmailSender mail, TimeProvider clock, ILogger<Transcripts> log)
{
    public async Task SendAsync(Conversation chat, CancellationToken ct)
    {
        if (chat.ShopperEmail is not { } to)
        {
            throw new HubException("No e-mail address was given for this chat.");
        }
        var now = clock.GetUtcNow();
        var claimed = await db.Conversations.Where(c => c.Id == chat.Id && c.TranscriptSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TranscriptSentAt, now), ct);
        if (claimed == 0)
        {
            throw new HubException("The transcript was sent already.");
        }
        var dealer = await db.Dealers.AsNoTracking().Where(d => d.Id == chat.DealerId).Select(d => new { d.Name, d.TimeZone }).SingleAsync(ct);
        try
        {
            var body = await TextAsync(chat, dealer.Name, TimeZoneInfo.FindSystemTimeZoneById(dealer.TimeZone), ct);
            await mail.SendAsync(new EmailMessage(to, $"Your chat with {dealer.Name}", body), ct);
        }
        catch (Exception e) when (e is IOException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
        {
            // Not sent: the shopper may try again.
            log.LogError(e, "Transcript of conversation {ConversationId} could not be e-mailed", chat.Id);
            await db.Conversations.Where(c => c.Id == chat.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TranscriptSentAt, (DateTimeOffset?)null), CancellationToken.None);
            throw new HubException("The transcript could not be sent. Please try again later.");
        }
    }

    async Task<string> TextAsync(Conversation chat, string dealerName, TimeZoneInfo zone, CancellationToken ct)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Your chat with {dealerName}, {TimeZoneInfo.ConvertTime(chat.CreatedAt, zone):MMMM d, yyyy}.")
            .AppendLine();
        foreach (var m in await messages.AllAsync(chat.Id, ct))
        {
            var who = m.Sender switch
            {
                SenderKind.Shopper => "You",
                SenderKind.Agent => m.SenderName ?? dealerName,
                _ => null,
            };
            var time = TimeZoneInfo.ConvertTime(m.SentAt, zone).ToString("h:mm tt", CultureInfo.InvariantCulture);
            text.AppendLine(who is null ? $"[{time}] — {m.Text}" : $"[{time}] {who}: {m.Text}");
        }
        return text.ToString();
    }
}
