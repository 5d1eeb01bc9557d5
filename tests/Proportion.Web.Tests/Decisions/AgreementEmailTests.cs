using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Reminders;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Decisions;

/// <summary>
/// Asking for agreement emails the people asked, at once, when SMTP is configured; the email says only
/// that there is something to read, so the person's details stay behind sign-in. Email is the same on
/// either database, so this runs on SQLite only.
/// </summary>
public sealed class AgreementEmailTests(SqliteAppWithEmail app) : IClassFixture<SqliteAppWithEmail>
{
    [Fact]
    public async Task AskingForAgreement_EmailsEachPersonAsked_Once_WithoutThePersonsDetails()
    {
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var person = await app.IdOfPersonAsync("Clarke");
        var today = UkTime.Today(app.Clock);
        await manager.PostAsync($"/people/{person}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.MechanicalRestraint), ["Input.Description"] = "Bed rails for Doris (email)",
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Rolled out of bed twice", ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse), ["Input.RestrictedThingInOwnWords"] = "a thing for this test only",
            ["Input.StartDate.Day"] = today.Day.ToString(), ["Input.StartDate.Month"] = today.Month.ToString(), ["Input.StartDate.Year"] = today.Year.ToString(),
        });
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == "Bed rails for Doris (email)").Select(p => p.Id).SingleAsync());
        var url = $"/people/{person}/practices/{practice}/decision";
        await manager.PostAsync(url, []);
        await app.WithDatabaseAsync(async db =>
        {
            var d = await db.Decisions.SingleAsync(x => x.PracticeId == practice);
            (d.CanUnderstand, d.CanRetain, d.CanUseOrWeigh, d.CanCommunicate, d.HasImpairmentOfMindOrBrain, d.InabilityIsBecauseOfImpairment) = (false, false, false, true, true, true);
            d.PersonResponse = Core.Rules.PersonResponse.NoClearView;
            await db.SaveChangesAsync();
        });
        var before = app.Sink.Messages.Count;

        for (var i = 0; i < 2; i++)
        {
            var check = await manager.GetAsync($"{url}/check");
            var asked = await manager.PostAsync($"{url}/check?handler=Ask", new() { ["DecisionVersion"] = check.ValueOf("DecisionVersion")! });
            Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        }

        var emails = app.Sink.Messages.Skip(before).ToList();
        Assert.Single(emails, m => m.Contains("To: senior@oakfield.example"));
        Assert.Single(emails, m => m.Contains("To: socialworker@northshire.example"));
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Contains("Subject: Proportion: your agreement to a restrictive practice is asked for", m));
        Assert.All(emails, m => Assert.DoesNotContain("Doris", m));
        // Quoted-printable wraps long lines with a soft break ("=" at the line's end).
        Assert.All(emails, m => Assert.Contains($"https://proportion.oakfield.example/people/{person}/practices/{practice}/decision/check",
            m.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=")));
    }
}
