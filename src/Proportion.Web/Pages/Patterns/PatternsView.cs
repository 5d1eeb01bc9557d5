using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Pages.Incidents;

namespace Proportion.Web.Pages.Patterns;

/// <summary>
/// A window's patterns and where their figures lead: each figure a filter can reproduce links to the service's
/// incident list with that filter and the window's dates; the rest are plain numbers.
/// </summary>
public sealed class PatternsView(IncidentPatterns patterns, Func<string, string>? listLink, Guid? person, Func<Guid, string> incidentLink)
{
    public IncidentPatterns Patterns => patterns;

    public string IncidentLink(Guid incidentId) => incidentLink(incidentId);

    /// <summary>The list of every incident in the window, or null when no list can show just them.</summary>
    public string? ForAll() => Link(new IncidentFilter());

    public string? ForType(InterventionType type) => Link(new IncidentFilter { Type = type });

    public string? ForReason(InterventionReason reason) => Link(new IncidentFilter { Reason = reason });

    /// <summary>Only staff with an account can be filtered on; a name typed in is counted but not linked.</summary>
    public string? ForStaff(Guid? userId) => userId is { } user ? Link(new IncidentFilter { Staff = user }) : null;

    private string? Link(IncidentFilter filter)
    {
        if (listLink is null)
        {
            return null;
        }
        filter.From = DateParts.From(patterns.Window.From);
        filter.To = DateParts.From(patterns.Window.To);
        filter.Person = person;
        return listLink(filter.ToQueryString());
    }
}
