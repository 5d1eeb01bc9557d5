using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Reminders;

public class EmailSenderTests
{
    private static EmailSender Sender(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), NullLogger<EmailSender>.Instance);

    [Fact]
    public async Task WhenSmtpIsConfigured_TheMessageGoesThroughIt_WithTheLink()
    {
        using var sink = new SmtpSink();
        var sender = Sender(new()
        {
            ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = sink.Port.ToString(),
            ["Email:From"] = "proportion@oakfield.example", ["Email:BaseUrl"] = "https://proportion.oakfield.example/",
        });

        var sent = await sender.SendAsync("careworker@oakfield.example", "Proportion: a reflection to write", "Reminder: please write it.", "/incidents/abc/reflection");

        Assert.True(sent);
        var message = Assert.Single(sink.Messages);
        Assert.Contains("Subject: Proportion: a reflection to write", message);
        // The body is quoted-printable: long lines are broken with "=" at the end, which readers join.
        var body = message.Replace("=\r\n", "").Replace("=\n", "");
        Assert.Contains("https://proportion.oakfield.example/incidents/abc/reflection", body);
    }

    [Fact]
    public async Task WithoutSmtp_NothingIsSent()
    {
        var sender = Sender([]);

        Assert.False(sender.IsConfigured);
        Assert.False(await sender.SendAsync("a@b.example", "s", "t", "/"));
    }

    [Fact]
    public async Task WhenTheServerIsDown_TheFailureIsReportedNotThrown()
    {
        int port;
        using (var sink = new SmtpSink())
        {
            port = sink.Port;
        }
        var sender = Sender(new() { ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = port.ToString() });

        Assert.False(await sender.SendAsync("a@b.example", "s", "t", "/"));
    }
}
