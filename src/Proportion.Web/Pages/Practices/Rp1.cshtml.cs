using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Practices;

/// <summary>The person's register (form RP1) as a PDF to sign and file: for everyone who may see the register.</summary>
[Requires(Permission.ReadPeople)]
public class Rp1Model(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = Subjects.Person!;
        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == id)
            .OrderBy(p => p.Status).ThenBy(p => p.StartDate).ToListAsync();
        var header = await FormHeaders.ForAsync(db, clock, person.OrganisationId, Rp1Pdf.FormName, FormHeader.PersonLine(person));
        var pdf = Rp1Pdf.Build(person, [.. practices.Where(p => p.IsInPlace)], [.. practices.Where(p => p.Status == PracticeStatus.Proposed)],
            [.. practices.Where(p => p.Status == PracticeStatus.Ended).OrderByDescending(p => p.EndDate)], header);
        return File(pdf, "application/pdf", FormHeaders.FileName("rp1", person.FamilyName));
    }
}
