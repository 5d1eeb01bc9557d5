using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.DecisionMaking;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.DecisionMaking;

/// <summary>
/// Starts the person's supported decision-making agreement (R20, tools for risky choices). A person has one open
/// at a time, so an open one is opened instead. The draft starts from the person's recorded representatives:
/// family and friends as the circle of support, their advocate, and an attorney or deputy as a representative,
/// each to be checked with the person.
/// </summary>
[Requires(Permission.EditPlans)]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    [BindProperty(Name = "Input")]
    public StartAnswers Input { get; set; } = new();

    public sealed class StartAnswers
    {
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What the agreement is called must be 200 characters or fewer")]
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAgreementAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.DecisionMaking));
        }
        Input.Title = $"How {Person.KnownAs} is helped to make decisions";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAgreementAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.DecisionMaking));
        }
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
        Plan? plan = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () => plan = await plans.StartAsync(id, Input.Title ?? "", FromRepresentatives(person.Representatives))))
        {
            return Page();
        }
        Confirm("The agreement is started from the people recorded for them. Check each with them.");
        return Redirect(Links.EditPlan(id, plan!.Id, PlanKind.DecisionMaking));
    }

    /// <summary>A first draft from the person's recorded representatives; nothing is taken as agreed.</summary>
    public static DecisionMakingContent FromRepresentatives(IEnumerable<Representative> representatives)
    {
        var all = representatives.ToList();
        var legal = all.Where(r => r.Roles.HasFlag(RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare) || r.Roles.HasFlag(RepresentativeRoles.CourtAppointedDeputy)).ToList();
        var advocates = all.Where(r => r.Roles.HasFlag(RepresentativeRoles.Advocate) || r.Roles.HasFlag(RepresentativeRoles.IndependentMentalCapacityAdvocate)).ToList();
        return new DecisionMakingContent
        {
            CircleOfSupport = [.. all.Where(r => r.Roles.HasFlag(RepresentativeRoles.FamilyOrFriend) || r.Roles.HasFlag(RepresentativeRoles.PaidCarer))
                .Select(r => new Supporter { Name = r.Name, Relationship = r.Relationship, Paid = r.Roles.HasFlag(RepresentativeRoles.PaidCarer) })],
            Advocate = advocates.Count == 0 ? null : string.Join("; ", advocates.Select(r => string.IsNullOrWhiteSpace(r.ContactDetails) ? r.Name : $"{r.Name}, {r.ContactDetails}")),
            HasRepresentative = legal.Count > 0 ? true : null,
            RepresentativeName = legal.Count == 0 ? null : string.Join("; ", legal.Select(r => r.Name)),
            RepresentativeAuthority = legal.Count == 0 ? null
                : string.Join("; ", legal.Select(r => $"{Display.Names(r.Roles & (RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare | RepresentativeRoles.CourtAppointedDeputy))}"
                    + (string.IsNullOrWhiteSpace(r.AuthorityCovers) ? "" : $": {r.AuthorityCovers}"))),
        };
    }

    private Task<Guid?> OpenAgreementAsync(Guid personId) =>
        db.Plans.Where(p => p.PersonId == personId && p.Kind == PlanKind.DecisionMaking && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
