using Proportion.Core.Data;

namespace Proportion.Core.Commissioning;

/// <summary>
/// The field checks the council's records share (contracts, the intelligence log): each error is keyed by the field
/// it belongs to and says how to fix it; <see cref="Refuse"/> throws them all at once, so a form shows every one.
/// </summary>
internal static class FieldChecks
{
    public static void Text(Dictionary<string, string> errors, string field, string? value, string missing, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = missing;
        }
        else
        {
            TooLong(errors, field, value.Trim(), max);
        }
    }

    public static void TooLong(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"Use {max:N0} characters or fewer (you used {value.Length:N0})";
        }
    }

    public static void Choice<T>(Dictionary<string, string> errors, string field, T? value, string missing) where T : struct, Enum
    {
        if (value is not { } v || !Enum.IsDefined(v))
        {
            errors[field] = missing;
        }
    }

    public static void Refuse(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }
}
