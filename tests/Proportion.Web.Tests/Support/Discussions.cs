using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Web.Tests.Support;

/// <summary>Restrictive practice discussions set up for a test through the real pages, with the facts a test needs.</summary>
public static class Discussions
{
    /// <summary>A discussion for Doris (Oakfield House; funded by Northshire, its social worker allocated) concluding she lacks capacity.</summary>
    public static async Task<(Guid Practice, string Url)> DraftLackingCapacityAsync(AppFixture app, AppClient manager, string description)
    {
        var person = await app.IdOfPersonAsync("Clarke");
        var today = UkTime.Today(app.Clock);
        var proposed = await manager.PostAsync($"/people/{person}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.MechanicalRestraint), ["Input.Description"] = description,
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Rolled out of bed twice", ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse), ["Input.RestrictedThingInOwnWords"] = "a thing for this test only",
            ["Input.StartDate.Day"] = today.Day.ToString(), ["Input.StartDate.Month"] = today.Month.ToString(), ["Input.StartDate.Year"] = today.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == description).Select(p => p.Id).SingleAsync());
        var url = $"/people/{person}/practices/{practice}/decision";
        Assert.Equal($"{url}/risk", (await manager.PostAsync(url, [])).Location);
        await app.WithDatabaseAsync(async db =>
        {
            var d = await db.Decisions.SingleAsync(x => x.PracticeId == practice);
            (d.CanUnderstand, d.CanRetain, d.CanUseOrWeigh, d.CanCommunicate) = (false, false, false, true);
            (d.HasImpairmentOfMindOrBrain, d.InabilityIsBecauseOfImpairment) = (true, true);
            d.CapacityEvidence = "Assessed by Daniel Okafor";
            d.PersonResponse = PersonResponse.NoClearView;
            d.ReviewDate = today.AddMonths(3);
            d.Version++;
            await db.SaveChangesAsync();
        });
        return (practice, url);
    }
}
