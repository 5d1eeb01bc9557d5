using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using System.Net.Mail;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Email through SMTP when <c>Email:SmtpHost</c> is configured (docs/architecture.md); otherwise nothing is emailed and
/// in-app messages carry everything. Messages hold no personal details beyond what the subject says: the
/// link takes the reader to Proportion, where they sign in.
/// </summary>
public sealed class EmailSender(IConfiguration configuration, ILogger<EmailSender> log)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]);

    /// <summary>
    /// Emails each in-app message to its user when SMTP is configured: the one way a message is also sent
    /// by email, for reminders and for what a page sends at once. Inactive users and users without an
    /// address get the in-app copy only.
    /// </summary>
    /// <param name="body">When given, the email says this instead of the message itself, keeping the details in the app.</param>
    public async Task EmailAsync(ProportionDbContext db, IReadOnlyList<(Notification Message, string Subject)> messages, string? body = null,
        CancellationToken ct = default)
    {
        if (!IsConfigured || messages.Count == 0)
        {
            return;
        }
        var userIds = messages.Select(m => m.Message.UserId).Distinct().ToList();
        var addresses = await db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        foreach (var (message, subject) in messages.Where(m => addresses.ContainsKey(m.Message.UserId)))
        {
            await SendAsync(addresses[message.UserId], subject, body ?? message.Message, message.Link, ct);
        }
    }

    /// <summary>Sends one message; a failure is logged and reported, never thrown, because the in-app copy exists.</summary>
    public async Task<bool> SendAsync(string to, string subject, string text, string link, CancellationToken ct = default)
    {
        if (!IsConfigured)
        {
            return false;
        }
        var baseUrl = configuration["Email:BaseUrl"]?.TrimEnd('/') ?? "";
        using var message = new MailMessage(configuration["Email:From"] ?? "proportion@localhost", to, subject, $"{text}\n\n{baseUrl}{link}\n");
        using var smtp = new SmtpClient(configuration["Email:SmtpHost"], configuration.GetValue("Email:SmtpPort", 25))
        {
            EnableSsl = configuration.GetValue("Email:EnableSsl", false),
        };
        if (configuration["Email:UserName"] is { Length: > 0 } user)
        {
            smtp.Credentials = new NetworkCredential(user, configuration["Email:Password"]);
        }
        try
        {
            await smtp.SendMailAsync(message, ct);
            return true;
        }
        catch (SmtpException e)
        {
            log.LogWarning(e, "Could not email {To}; the message is in the app", to);
            return false;
        }
    }
}
