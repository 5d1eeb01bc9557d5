using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// An agreed decision as a PDF to print (<see cref="Rp2Pdf"/>): the full form RP2 with its agreements and
/// lines to sign, or an easy-read version for the person. Readable by everyone who may see the decision.
/// </summary>
[Requires(Permission.ReadPeople)]
public class PrintModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId, int number, string format)
    {
        if (format is not ("rp2" or "easy-read"))
        {
            return NotFound();
        }
        var decision = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees)
            .Include(d => d.Practice).AsNoTracking()
            .SingleOrDefaultAsync(d => d.PracticeId == practiceId && d.PersonId == id && d.Number == number && d.Status == DecisionStatus.Agreed);
        if (decision is null)
        {
            return NotFound();
        }
        var person = Subjects.Person!;
        var header = await FormHeaders.ForAsync(db, clock, person.OrganisationId,
            format == "rp2" ? Rp2Pdf.FormName : Rp2Pdf.EasyReadFormName, FormHeader.PersonLine(person));
        var pdf = format == "rp2" ? Rp2Pdf.Full(decision, person, header) : Rp2Pdf.EasyRead(decision, person, header);
        return File(pdf, "application/pdf", FormHeaders.FileName(format, person.FamilyName, decision.Number));
    }
}
