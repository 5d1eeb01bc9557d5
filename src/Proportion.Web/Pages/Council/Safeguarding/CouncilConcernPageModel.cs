using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// A page of the council's safeguarding team about one concern sent to their council (R20). The concern is
/// loaded through <see cref="SafeguardingResponses"/>, so one of another council, a draft or an unknown id is the
/// not-found page; every GET logs the look in the council's audit trail (the route names no person, so the
/// request's own audit does not).
/// </summary>
[Requires(Permission.RespondToSafeguarding)]
public abstract class CouncilConcernPageModel(ProportionDbContext db, SafeguardingResponses responses) : ProportionPageModel
{
    protected SafeguardingResponses Responses => responses;
    protected ProportionDbContext Db => db;

    public SafeguardingConcern Concern { get; private set; } = null!;
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public string Name(Guid? userId) => userId is { } id && Names.TryGetValue(id, out var name) ? name : "Not recorded";

    /// <summary>Loads the concern (404 when it is not the user's council's to respond to); on a GET, logs that it was viewed.</summary>
    protected async Task LoadAsync(Guid id, string? viewed = null)
    {
        Concern = await responses.ForCouncilAsync(id);
        var c = Concern;
        var ids = new[] { c.RaisedById, c.SentById, c.ReceivedById, c.DecidedById, c.ClosedById, c.AllegedSourceUserId }.OfType<Guid>()
            .Concat(c.Actions.Select(a => a.CreatedById)).Concat(c.Actions.Select(a => a.DoneById).OfType<Guid>())
            .Concat(c.Reviews.Select(r => r.ReviewedById)).Distinct().ToList();
        Names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        if (viewed is not null && HttpMethods.IsGet(Request.Method))
        {
            await responses.RecordViewAsync(Concern, viewed);
        }
    }

    /// <summary>Decided (enquiry or not) and not closed: the plan, its actions and reviews, and closing are open.</summary>
    public bool IsDecidedAndOpen => Concern.Status is SafeguardingStatus.Enquiry or SafeguardingStatus.NoEnquiry;
}
