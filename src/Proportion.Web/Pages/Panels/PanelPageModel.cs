using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// A page about one referral of the person the route names: it loads the referral within that person
/// (through the user's query filters), and answers 404 for one that is missing or another person's.
/// </summary>
public abstract class PanelPageModel(ProportionDbContext db) : ProportionPageModel
{
    protected ProportionDbContext Db => db;

    public Person Person => Subjects.Person!;
    public PanelReferral Referral { get; private set; } = null!;

    /// <summary>Loads the referral with its members, actions and amendments; false when the person has no such referral.</summary>
    protected async Task<bool> LoadReferralAsync(Guid referralId)
    {
        var referral = await db.PanelReferrals.Include(r => r.Members).Include(r => r.Actions).Include(r => r.Amendments)
            .SingleOrDefaultAsync(r => r.Id == referralId && r.PersonId == Person.Id);
        if (referral is null)
        {
            return false;
        }
        Referral = referral;
        return true;
    }
}
