namespace Proportion.Core.Model;

/// <summary>
/// A member of staff confirming they have read an agreed decision's guidelines (§7.5: staff are told of
/// changes). Each new decision needs confirming again, because its guidelines may differ.
/// </summary>
public class GuidelineAcknowledgement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DecisionId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}
