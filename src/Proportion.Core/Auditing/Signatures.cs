using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Auditing;

/// <summary>A signature on a record: who, as what, how, witnessed by whom, and when (§5.13, §7.5).</summary>
public interface ISignature
{
    string Name { get; set; }
    string SignedAs { get; set; }
    SignatureMethod Method { get; set; }
    string? Witness { get; set; }
    DateOnly SignedOn { get; set; }
    Guid RecordedById { get; set; }
    DateTime RecordedAt { get; set; }
}

/// <summary>The one way a signature is checked and recorded, for a decision or a review.</summary>
public static class Signatures
{
    /// <summary>Refuses a verbal agreement without a witness or a date in the future; tidies the text; stamps who recorded it.</summary>
    /// <returns>What to audit: every field of the signature.</returns>
    public static ChangeSet Prepare(ISignature signature, Guid recordedBy, TimeProvider clock)
    {
        if (signature.Method == SignatureMethod.VerballyWithWitness && string.IsNullOrWhiteSpace(signature.Witness))
        {
            throw new RuleViolationException("Witness", "Enter the name of the person who witnessed the verbal agreement");
        }
        if (signature.SignedOn > UkTime.Today(clock))
        {
            throw new RuleViolationException("SignedOn", "The date signed must be today or in the past");
        }
        signature.Name = signature.Name.Trim();
        signature.SignedAs = signature.SignedAs.Trim();
        signature.Witness = signature.Method == SignatureMethod.VerballyWithWitness ? Text.OrNull(signature.Witness) : null;
        signature.RecordedById = recordedBy;
        signature.RecordedAt = clock.GetUtcNow().UtcDateTime;
        return new ChangeSet().Set("Name", signature.Name).Set("Signed as", signature.SignedAs).Set("How", signature.Method)
            .Set("Witness", signature.Witness).Set("Signed on", signature.SignedOn);
    }
}
