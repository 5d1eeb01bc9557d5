namespace Proportion.Core.Model;

/// <summary>An NHS number: ten digits whose last is a modulus 11 check digit (NHS Data Dictionary).</summary>
public static class NhsNumber
{
    /// <summary>Accepts spaces and hyphens as people type them ("943 476 5919"); returns the ten digits.</summary>
    public static bool TryNormalise(string? input, out string digits)
    {
        digits = new string((input ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        // A remainder giving 10 means no valid check digit exists for those nine digits.
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>Shown in the NHS's 3-3-4 grouping.</summary>
    public static string Format(string digits) =>
        digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
}
