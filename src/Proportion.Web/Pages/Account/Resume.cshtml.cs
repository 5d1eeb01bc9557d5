using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>
/// After signing in again, shows a user the form they posted when their sign-in lapsed, and sends it
/// again, with a fresh antiforgery token, to the page it was meant for (ADR 0009). Only its own user
/// sees it; anyone else is told there is no such page.
/// </summary>
public partial class ResumeModel(UnsentForms unsentForms) : ProportionPageModel
{
    public HeldForm Held { get; private set; } = null!;

    public string SendTo => UnsentForms.SendTo(Held);

    /// <summary>What the user typed, in words: ids and empty fields are sent but not shown.</summary>
    public IEnumerable<(string Label, string Value)> Shown =>
        Held.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value) && !Guid.TryParse(f.Value, out _))
            .Select(f => (Label(f.Key), Value(f.Value)));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var held = await unsentForms.FindAsync(id, Scope.UserId, HttpContext.RequestAborted);
        if (held is null)
        {
            return NotFound();
        }
        Held = held;
        return Page();
    }

    /// <summary>"Input.Interventions[0].Type" reads "Interventions 1 type".</summary>
    private static string Label(string field)
    {
        var name = field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
        name = Index().Replace(name, m => $" {int.Parse(m.Groups[1].Value) + 1} ");
        name = Words().Replace(name.Replace('.', ' '), " $1").Trim();
        name = Spaces().Replace(name, " ");
        return name.Length == 0 ? field : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
    }

    private static string Value(string value) => value switch
    {
        "true" => "Yes",
        "false" => "No",
        _ => value,
    };

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
