namespace Proportion.Web.Pages.People;

/// <summary>The parts of a person's record, shown as a sub-navigation on each.</summary>
public enum PersonTab
{
    Details,
    Register,
    Plans,
    Incidents,
    Liberty,
    History,
}
