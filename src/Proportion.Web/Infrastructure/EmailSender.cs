using System.Net;
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
