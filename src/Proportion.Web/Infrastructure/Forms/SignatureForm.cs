using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure.Forms;

/// <summary>
/// Someone signing a decision (§5.13) or a review (§7.5): who, as what, how, and when. Bound only by the
/// handler that records it, so the page's other buttons are not refused for its empty fields.
/// </summary>
public sealed class SignatureForm
{
    [Required(ErrorMessage = "Enter the name of the person signing")]
    [StringLength(100, ErrorMessage = "Name must be 100 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter why they sign, for example the person themselves, mother, key worker")]
    [StringLength(100, ErrorMessage = "This must be 100 characters or fewer")]
    public string? SignedAs { get; set; }

    [Required(ErrorMessage = "Select how they signed")]
    [EnumDataType(typeof(SignatureMethod), ErrorMessage = "Select how they signed")]
    public SignatureMethod? Method { get; set; }

    [StringLength(100, ErrorMessage = "Witness must be 100 characters or fewer")]
    public string? Witness { get; set; }

    public DateParts SignedOn { get; set; } = new();
}
