using Microsoft.AspNetCore.SignalR;
using Showroom.Dealers;

namespace Showroom.Conversations;

/// <summary>The dealer's start-form rules, applied on the server too: a stale or hand-made client cannot skip them.</summary>
public static class PreChatFields
{
    /// <summary>The request without the details the dealer hides; a <see cref="HubException"/> naming those it requires and did not get.</summary>
    public static StartConversationRequest Apply(WidgetSettings widget, StartConversationRequest request)
    {
        var fields = new (string Label, FieldRule Rule, string? Value)[]
        {
            ("name", widget.NameField, request.Name),
            ("e-mail", widget.EmailField, request.Email),
            ("phone number", widget.PhoneField, request.Phone),
        };
        var missing = fields.Where(f => f.Rule == FieldRule.Required && string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Label).ToList();
        if (missing.Count > 0)
        {
            var list = missing.Count == 1 ? missing[0] : $"{string.Join(", ", missing[..^1])} and {missing[^1]}";
            throw new HubException($"Please give your {list} to start a chat.");
        }
        return request with
        {
            Name = widget.NameField == FieldRule.Hidden ? null : request.Name,
            Email = widget.EmailField == FieldRule.Hidden ? null : request.Email,
            Phone = widget.PhoneField == FieldRule.Hidden ? null : request.Phone,
        };
    }
}
