using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// R6: the prompt to screen a person for a deprivation of liberty, shown on their pages while the practices in
/// place for them may amount to one and they have not been screened since (<see cref="LibertyScreeningPrompt"/>).
/// Worked out from the records, so agreeing a practice needs no extra step to raise it.
/// </summary>
public sealed class LibertyPromptViewComponent(ProportionDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid PersonId, LibertyPrompt Prompt, bool ShowLink);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, bool showLink = true) =>
        await LibertyDue.PromptForPersonAsync(db, personId, UkTime.Today(clock)) is { } prompt
            ? View(new Model(personId, prompt, showLink))
            : Content("");
}
