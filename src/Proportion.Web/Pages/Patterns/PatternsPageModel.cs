using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Patterns;

/// <summary>What the person's and the service's patterns pages share: the window chosen and its reading.</summary>
public abstract class PatternsPageModel(IncidentPatternReader reader, TimeProvider clock) : ProportionPageModel
{
    [BindProperty(SupportsGet = true, Name = "Window")]
    public PatternWindowForm Window { get; set; } = new();

    /// <summary>Null when the window chosen cannot be read; the page then shows the errors and the form.</summary>
    public PatternsView? View { get; protected set; }

    /// <summary>Reads the subject's patterns for the window chosen; null when the window has errors.</summary>
    protected async Task<IncidentPatterns?> ReadAsync(ChartSubject subject)
    {
        // Only the window's own fields are bound here; anything else in the query is ignored.
        var window = Window.Read(ModelState, UkTime.Today(clock));
        return window is null ? null : await reader.ReadAsync(subject, window, HttpContext.RequestAborted);
    }
}
