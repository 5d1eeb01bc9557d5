using Microsoft.AspNetCore.Mvc.RazorPages;
using Proportion.Core.Data;
using Proportion.Core.Scoping;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Infrastructure;

/// <summary>The base of every page: the user's scope, and the one way a page turns a refused write into form errors.</summary>
public abstract class ProportionPageModel : PageModel
{
    public UserScope Scope => HttpContext.Items[typeof(UserScope)] as UserScope ?? UserScope.Anonymous;

    /// <summary>The records the route names, loaded once before the page runs (Infrastructure/Subjects).</summary>
    protected RouteSubjects Subjects => HttpContext.GetRouteSubjects();

    /// <summary>Every link to a page, built from the pages' routes (redirects use it too).</summary>
    public Links Links => HttpContext.RequestServices.GetRequiredService<Links>();

    /// <summary>A guid the route matched (its constraint made sure it is one), for a link back before the page has loaded its record.</summary>
    public Guid RouteGuid(string name) => Guid.TryParse(RouteData.Values[name]?.ToString(), out var value) ? value : Guid.Empty;

    /// <summary>
    /// Runs a write. A rule's refusal lands on the field it names (prefixed like the form's inputs) and a
    /// stale edit at the top of the page; either way the page re-renders with everything typed kept.
    /// </summary>
    protected Task<bool> TryWriteAsync(Func<Task> write, string fieldPrefix = "Input") =>
        TryWriteAsync(write, field => field == "" || fieldPrefix == "" ? field : $"{fieldPrefix}.{field}");

    /// <summary>As above, for a form whose inputs are not named like the rule's fields: <paramref name="fieldFor"/> maps each.</summary>
    protected async Task<bool> TryWriteAsync(Func<Task> write, Func<string, string> fieldFor)
    {
        try
        {
            await write();
            return true;
        }
        catch (RuleViolationException e)
        {
            foreach (var (field, message) in e.Errors)
            {
                ModelState.AddModelError(fieldFor(field), message);
            }
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return false;
    }

    /// <summary>Sets the green banner shown on the next page (GOV.UK notification banner, success).</summary>
    protected void Confirm(string message) => TempData["Confirmation"] = message;
}
