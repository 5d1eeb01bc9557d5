using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Liberty;

/// <summary>The person whose liberty records a form adds to, who must be in the user's own organisation.</summary>
[OwnOrganisationSubject]
public abstract class LibertyPageModel : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    protected IActionResult Done(string message)
    {
        Confirm(message);
        return Redirect(Links.Liberty(Person.Id));
    }
}
