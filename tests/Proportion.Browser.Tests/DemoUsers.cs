namespace Proportion.Browser.Tests;

/// <summary>The demo sign-ins seeded with Demo__Seed=true (password Demo-Proportion-2026 for all).</summary>
public static class DemoUsers
{
    public const string ServiceManager = "manager@oakfield.example";
    public const string CareWorker = "careworker@oakfield.example";
    public const string SeniorManager = "senior@oakfield.example";
    public const string BoardMember = "board@oakfield.example";
    public const string Inspector = "inspector@oakfield.example";
    public const string Administrator = "admin@oakfield.example";
    public const string SocialWorker = "socialworker@northshire.example";
    public const string Commissioner = "commissioner@northshire.example";
    public const string SafeguardingOfficer = "safeguarding@northshire.example";

    /// <summary>Riverside Lodge's manager (another provider): not in <see cref="All"/>, used for Riverside's plans.</summary>
    public const string RiversideManager = "manager@riverside.example";

    public static readonly string[] All =
    [
        ServiceManager, CareWorker, SeniorManager, BoardMember, Inspector, Administrator, SocialWorker, Commissioner, SafeguardingOfficer,
    ];

    public static TheoryData<string> AllAsTheoryData()
    {
        var data = new TheoryData<string>();
        foreach (var user in All) data.Add(user);
        return data;
    }
}
