using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Notifications;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Notifications;

/// <summary>The signed-in user's messages: incidents to review, reflections to write. Newest first.</summary>
[Authorize]
public class IndexModel(InAppNotifications notifications) : ProportionPageModel
{
    public const int Shown = 100;

    public List<Notification> Messages { get; private set; } = [];

    public async Task OnGetAsync() => Messages = await notifications.Mine().AsNoTracking().Take(Shown).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await notifications.MarkAllReadAsync();
        Confirm("All your messages are marked as read.");
        return Redirect(Links.Notifications());
    }
}
