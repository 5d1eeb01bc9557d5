using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Proportion.Web.Tests.Authorisation;
using Proportion.Web.Tests.Support;
using Xunit.Abstractions;

namespace Proportion.Web.Tests.Robustness;

/// <summary>
/// Bounded fuzzing of every form a service manager can reach: each page of the access matrix is read,
/// every form on it is found the way a browser would, and malformed input is posted to it (scripts,
/// 100,000-character strings, impossible dates, NUL bytes, wrong choices, malformed and foreign ids,
/// non-ASCII digits, missing, duplicated and broken field names). Whatever the input, the app answers
/// without a server error and never echoes a script unescaped. The random choices use a fixed seed,
/// written to the test output, so a failure can be replayed.
/// </summary>
public abstract class FuzzTests(AppFixture app, ITestOutputHelper output)
{
    private const int Seed = 20261202;
    private const string Script = "<script>alert(1)</script>";
    private const string Manager = "manager@oakfield.example";
    private static readonly string Long = new('x', 100_000);
    private static readonly IHtmlDocument Empty = new HtmlParser().ParseDocument("");

    /// <summary>Values that have each broken a parser somewhere: a payload list, not a grammar.</summary>
    private static readonly string[] Payloads =
    [
        Script, Long, "31", "02", "00", "13", "99999", "a\0b", "\0", "Nonsense", "-1", "2147483648", "1e400",
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "١٤:٠٥", "１４：０５", "٣١", "１２", "٢٠٢٦", "２０２６",
        "25:99", "\t\r\n", "'\"><img src=x>", "../../etc/passwd", "%00", "true,false", "",
    ];

    [SkippableFact]
    public async Task EveryForm_GivenMalformedInput_NeverFailsAndNeverReflectsAScript()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        output.WriteLine($"Fuzz seed: {Seed}");
        var random = new Random(Seed);
        var ids = await AccessMatrixTests.IdsAsync(app);
        var manager = Array.IndexOf(AccessMatrixTests.Users, Manager);
        using var client = await app.NewClient().SignInAsync(Manager);
        var timer = Stopwatch.StartNew();

        var failures = new List<string>();
        var seen = new HashSet<string>();
        var posts = 0;
        var slowest = new Dictionary<string, double>();
        foreach (var (route, expected) in AccessMatrixTests.Gets.Where(g => g.Expected[manager] == 'A'))
        {
            var path = AccessMatrixTests.Resolve(route, ids);
            var page = await client.GetAsync(path);
            foreach (var form in page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                         .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = FieldsOf(form);
                foreach (var (action, button) in TargetsOf(form, path))
                {
                    // The layout's sign-out form is on every page, and would end the fuzzing.
                    if (action.StartsWith("/sign-out") || !seen.Add(action + "|" + button.Key + "|" + string.Join(",", fields.Select(f => f.Name))))
                    {
                        continue;
                    }
                    var token = AppClient.TokenOf(page.Document) ?? "";
                    foreach (var (name, body) in Mutations(fields, button, random))
                    {
                        posts++;
                        var started = timer.Elapsed;
                        var answer = await PostAsync(client, action, body, token);
                        var key = name.Contains('=') ? "random" : name.EndsWith("as a name") ? "as a name" : name;
                        slowest[key] = slowest.GetValueOrDefault(key) + (timer.Elapsed - started).TotalSeconds;
                        slowest[route] = slowest.GetValueOrDefault(route) + (timer.Elapsed - started).TotalSeconds;
                        if (answer.Status == HttpStatusCode.InternalServerError)
                        {
                            failures.Add($"500: POST {action} ({route}) {name}{(answer.Body.Length < 300 ? ": " + answer.Body : "")}");
                        }
                        if (answer.Body.Contains(Script, StringComparison.Ordinal))
                        {
                            failures.Add($"Reflected a script: POST {action} ({route}) {name}");
                        }
                    }
                }
            }
        }
        output.WriteLine($"{posts} posts to {seen.Count} forms in {timer.Elapsed.TotalSeconds:0.0}s");
        output.WriteLine("Slowest: " + string.Join(", ", slowest.OrderByDescending(s => s.Value).Take(12).Select(s => $"{s.Key} {s.Value:0.0}s")));
        Assert.True(posts > 300, $"Only {posts} posts: the forms were not found.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {posts} posts failed:\n" + string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task EveryRoute_GivenAMethodItDoesNotHave_IsNotAllowed_AndAnUnknownHandlerNeverFails()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var ids = await AccessMatrixTests.IdsAsync(app);
        using var client = await app.NewClient().SignInAsync(Manager);
        var token = AppClient.TokenOf((await client.GetAsync("/account/password")).Document) ?? "";
        var failures = new List<string>();
        foreach (var route in AccessMatrixTests.Gets.Select(g => g.Route).Concat(["/sign-in", "/sign-out", "/error", "/access-denied"]))
        {
            var path = AccessMatrixTests.Resolve(route, ids);
            foreach (var method in new[] { "PUT", "PATCH", "DELETE" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("") };
                using var response = await client.Http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || response.Content.Headers.Allow.Count == 0)
                {
                    failures.Add($"{method} {route}: {(int)response.StatusCode} Allow: {response.Content.Headers.Allow}");
                }
            }
            var separator = path.Contains('?') ? '&' : '?';
            var unknown = await PostAsync(client, path + separator + "handler=Nonsense", [], token);
            if (unknown.Status is HttpStatusCode.InternalServerError)
            {
                failures.Add($"POST {route}?handler=Nonsense: 500 {unknown.Body[..Math.Min(200, unknown.Body.Length)]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record Field(string Name, string Value, string Kind);

    private static List<Field> FieldsOf(IHtmlFormElement form) =>
    [
        .. form.Elements.OfType<IElement>()
            .Where(e => e.GetAttribute("name") is { Length: > 0 } n && n != "__RequestVerificationToken"
                        && e.LocalName is "input" or "select" or "textarea"
                        && e.GetAttribute("type") is not ("submit" or "button"))
            .Select(e => new Field(e.GetAttribute("name")!, e switch
            {
                IHtmlSelectElement s => s.Options.Select(o => o.Value).LastOrDefault() ?? "",
                IHtmlTextAreaElement t => t.Value,
                IHtmlInputElement i => i.Value,
                _ => "",
            }, e.LocalName == "input" ? e.GetAttribute("type") ?? "text" : e.LocalName))
            .DistinctBy(f => f.Kind == "radio" ? (f.Name, "") : (f.Name, f.Value)),
    ];

    /// <summary>Where the form can be sent: its action, and each submit button's own formaction, with the button's name and value.</summary>
    private static IEnumerable<(string Action, KeyValuePair<string, string> Button)> TargetsOf(IHtmlFormElement form, string pagePath)
    {
        var action = Absolute(form.GetAttribute("action"), pagePath);
        var buttons = form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => b.GetAttribute("type") is null or "submit").ToList();
        if (buttons.Count == 0)
        {
            yield return (action, default);
            yield break;
        }
        foreach (var b in buttons)
        {
            var name = b.GetAttribute("name");
            yield return (Absolute(b.GetAttribute("formaction") ?? form.GetAttribute("action"), pagePath),
                name is null ? default : new(name, b.GetAttribute("value") ?? ""));
        }
    }

    private static string Absolute(string? action, string pagePath) => action switch
    {
        null or "" => pagePath,
        _ when action.StartsWith('/') => action,
        _ when action.StartsWith('?') => pagePath.Split('?')[0] + action,
        _ => new Uri(new Uri("http://app" + pagePath), action).PathAndQuery,
    };

    private static IEnumerable<(string Name, List<KeyValuePair<string, string>> Body)> Mutations(
        List<Field> fields, KeyValuePair<string, string> button, Random random)
    {
        List<KeyValuePair<string, string>> With(Func<Field, string?> value)
        {
            var body = fields.Select(f => (f.Name, Value: value(f))).Where(f => f.Value is not null)
                .Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)).ToList();
            if (button.Key is not null)
            {
                body.Add(button);
            }
            return body;
        }
        static bool Typed(Field f) => f.Kind is "text" or "textarea" or "email" or "tel" or "number" or "password" or "search";
        static string? Part(Field f, string day, string month, string year) =>
            f.Name.EndsWith(".Day") ? day : f.Name.EndsWith(".Month") ? month : f.Name.EndsWith(".Year") ? year : null;

        yield return ("as rendered", With(f => f.Value));
        yield return ("scripts", With(f => Typed(f) ? Script : f.Value));
        yield return ("scripts everywhere", With(_ => Script));
        yield return ("100,000 characters", With(_ => Long));
        yield return ("31/02/2026", With(f => Part(f, "31", "02", "2026") ?? (Typed(f) ? "31/02/2026" : f.Value)));
        yield return ("00/13/99999", With(f => Part(f, "00", "13", "99999") ?? (Typed(f) ? "00:13" : f.Value)));
        yield return ("Arabic-Indic digits", With(f => Part(f, "٣١", "١٢", "٢٠٢٦") ?? (Typed(f) ? "١٤:٠٥" : f.Value)));
        yield return ("full-width digits", With(f => Part(f, "３", "１２", "２０２６") ?? (Typed(f) ? "１４：０５" : f.Value)));
        yield return ("NUL bytes", With(f => f.Value + "\0a\0"));
        yield return ("wrong choices", With(f => Typed(f) ? f.Value : "Nonsense"));
        yield return ("numbers for choices", With(f => Typed(f) ? f.Value : "999999"));
        yield return ("malformed ids", With(f => Guid.TryParse(f.Value, out _) || f.Kind == "hidden" ? "not-a-guid" : f.Value));
        yield return ("foreign ids", With(f => Guid.TryParse(f.Value, out _) ? Guid.CreateVersion7().ToString() : f.Value));
        yield return ("missing fields", With(_ => null));
        var duplicated = With(f => f.Value);
        duplicated.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, Script)));
        yield return ("duplicated fields", duplicated);
        var broken = With(f => f.Value);
        broken.AddRange([new("Input[", "x"), new("Input[0", "x"), new("Input]", "x"), new("Input[[0]]", "x"), new("Input.", "x"), new("[", "x"), new("Input[0].Name", "x")]);
        yield return ("broken names", broken);
        foreach (var f in fields.Select(f => f.Name + "[").Take(3))
        {
            yield return ($"{f} as a name", With(x => x.Value).Append(new(f, "x")).ToList());
        }
        // A few random single-field changes, to reach combinations the fixed rows do not.
        for (var i = 0; i < 3 && fields.Count > 0; i++)
        {
            var target = fields[random.Next(fields.Count)].Name;
            var payload = Payloads[random.Next(Payloads.Length)];
            yield return ($"{target}={Printable(payload)}", With(f => f.Name == target ? payload : f.Value));
        }
    }

    private static string Printable(string payload) =>
        payload.Length > 40 ? $"{payload.Length} characters" : payload.Replace("\0", "\\0").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static async Task<AppClient.Page> PostAsync(AppClient client, string path, List<KeyValuePair<string, string>> body, string token)
    {
        body.Add(new("__RequestVerificationToken", token));
        try
        {
            using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(body));
            var text = await response.Content.ReadAsStringAsync();
            return new AppClient.Page(response.StatusCode, response.Headers.Location?.OriginalString, text, Empty);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The in-process server hands an exception the error page could not handle to the client: a real server sends 500.
            return new AppClient.Page(HttpStatusCode.InternalServerError, null, e.GetType().Name + ": " + e.Message, Empty);
        }
    }
}

public sealed class FuzzOnSqlite(SqliteApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class FuzzOnPostgres(PostgresApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<PostgresApp>;
