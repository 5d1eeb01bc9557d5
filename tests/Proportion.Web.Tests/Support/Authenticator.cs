using System.Security.Cryptography;

namespace Proportion.Web.Tests.Support;

/// <summary>An authenticator app, as the tests use one: RFC 6238 codes from the key the two-factor page shows.</summary>
public static class Authenticator
{
    /// <summary>The code an app shows at <paramref name="at"/> for a base-32 key.</summary>
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    /// <summary>The key as the two-factor page shows it (in groups, lower case), ready for <see cref="Code"/>.</summary>
    public static string KeyOn(AppClient.Page twoFactorPage) =>
        twoFactorPage.Document.QuerySelector(".app-code")!.TextContent.Replace(" ", "").ToUpperInvariant();

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
