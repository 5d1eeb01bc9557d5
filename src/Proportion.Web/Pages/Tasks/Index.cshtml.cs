using Microsoft.AspNetCore.Authorization;
using Proportion.Core.Model;
using Proportion.Core.Tasks;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Tasks;

/// <summary>
/// "My tasks": everything the signed-in user must do next, grouped by when: overdue, due today, this week, later.
/// Worked out afresh on every visit, so a task done is gone the moment it is done.
/// </summary>
[Authorize]
public class IndexModel(MyTasks tasks, TimeProvider clock) : ProportionPageModel
{
    public sealed record TaskGroup(string Id, string Title, IReadOnlyList<TaskItem> Tasks);

    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    public IReadOnlyList<TaskGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Tasks = await tasks.ForMeAsync();
        var today = UkTime.Today(clock);
        Groups = Group(Tasks, today);
    }

    /// <summary>Overdue first; then due today; then due in the next 6 days; then later, and anything without a date.</summary>
    public static IReadOnlyList<TaskGroup> Group(IReadOnlyList<TaskItem> tasks, DateOnly today) =>
        [.. new[]
        {
            new TaskGroup("overdue", "Overdue", [.. tasks.Where(t => t.Overdue)]),
            new TaskGroup("today", "Due today", [.. tasks.Where(t => !t.Overdue && t.Due == today)]),
            new TaskGroup("this-week", "Due this week", [.. tasks.Where(t => !t.Overdue && t.Due > today && t.Due <= today.AddDays(6))]),
            new TaskGroup("later", "Later, or no date set", [.. tasks.Where(t => !t.Overdue && (t.Due is null || t.Due > today.AddDays(6)))]),
        }.Where(g => g.Tasks.Count > 0)];
}
