using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Reviews;

/// <summary>A completed review as a PDF (form RP2A, <see cref="Rp2aPdf"/>): for everyone who may read the review.</summary>
[Requires(Permission.ReadPeople)]
public class PrintModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId, int number)
    {
        var review = await db.Reviews.Include(r => r.Signatures).Include(r => r.Practice).AsNoTracking()
            .SingleOrDefaultAsync(r => r.PracticeId == practiceId && r.PersonId == id && r.Number == number && r.Status == ReviewStatus.Completed);
        if (review is null)
        {
            return NotFound();
        }
        var person = Subjects.Person!;
        var completedBy = await db.Users.Where(u => u.Id == review.CompletedById).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "Unknown";
        var header = await FormHeaders.ForAsync(db, clock, person.OrganisationId, Rp2aPdf.FormName, FormHeader.PersonLine(person));
        return File(Rp2aPdf.Build(review, person, completedBy, header), "application/pdf", FormHeaders.FileName("rp2a", person.FamilyName, review.Number));
    }
}
