using Microsoft.AspNetCore.Authorization;
using Proportion.Core.Tasks;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Tasks;

/// <summary>"My tasks": everything the signed-in user must do next, soonest first, overdue marked.</summary>
[Authorize]
public class IndexModel(MyTasks tasks) : ProportionPageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    public async Task OnGetAsync() => Tasks = await tasks.ForMeAsync();
}
