namespace Proportion.Web.Infrastructure;

public static class ClientAddressExtensions
{
    /// <summary>
    /// The address the request came from, as the sign-in throttle and the audit see it. Behind a proxy this
    /// is right only once the forwarded headers are honoured; with no address (in-process tests) it is "unknown".
    /// </summary>
    public static string ClientAddress(this HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
}
