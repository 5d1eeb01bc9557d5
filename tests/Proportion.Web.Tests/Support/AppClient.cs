using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Proportion.Core.Demo;

namespace Proportion.Web.Tests.Support;

/// <summary>A browser-like client: signs in, reads pages as HTML documents, posts forms with their antiforgery token.</summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private string? _token;

    public HttpClient Http => http;

    public async Task<AppClient> SignInAsync(string email, string password = DemoData.Password)
    {
        var form = await GetAsync("/sign-in");
        var response = await PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password }, TokenOf(form.Document));
        if (response.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {response.Status}\n{response.Document.QuerySelector(".govuk-error-summary")?.TextContent}");
        }
        return this;
    }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Page.ReadAsync(response);
    }

    /// <summary>Posts a form the way a browser would, fetching an antiforgery token first if none was given.</summary>
    public async Task<Page> PostAsync(string path, Dictionary<string, string> fields, string? token = null)
    {
        token ??= _token ??= TokenOf((await GetAsync("/account/two-factor")).Document)
            ?? TokenOf((await GetAsync("/sign-in")).Document);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token ?? "") };
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(body));
        return await Page.ReadAsync(response);
    }

    /// <summary>Posts several values for one field name, as checkboxes do.</summary>
    public async Task<Page> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = _token ??= TokenOf((await GetAsync("/account/two-factor")).Document);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token ?? "") };
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(body));
        return await Page.ReadAsync(response);
    }

    public static string? TokenOf(IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

    public void Dispose() => http.Dispose();

    public sealed record Page(HttpStatusCode Status, string? Location, string Body, IHtmlDocument Document)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, response.Headers.Location?.OriginalString, body, Parser.ParseDocument(body))
            {
                ContentType = response.Content.Headers.ContentType?.MediaType,
            };
        }

        /// <summary>The media type served: "text/html" for a page, "application/pdf" for a printed form.</summary>
        public string? ContentType { get; init; }

        public IReadOnlyList<string> ErrorSummary =>
            [.. Document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];

        public string? FieldError(string inputId) =>
            Document.QuerySelector($"#{inputId}-error")?.TextContent.Replace("Error:", "").Trim();

        public string? ValueOf(string name) =>
            (Document.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value
            ?? Document.QuerySelector($"textarea[name='{name}']")?.TextContent;
    }
}
