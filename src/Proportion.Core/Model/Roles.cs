namespace Proportion.Core.Model;

/// <summary>The roles of docs/rules.md. Role names are stored in Identity, so they never change.</summary>
public static class Roles
{
    public const string CareWorker = "CareWorker";
    public const string ServiceManager = "ServiceManager";
    public const string SeniorManager = "SeniorManager";
    public const string SocialWorker = "SocialWorker";
    public const string Commissioner = "Commissioner";
    public const string BoardMember = "BoardMember";
    public const string Inspector = "Inspector";
    public const string OrganisationAdministrator = "OrganisationAdministrator";
    /// <summary>A member of a council's safeguarding adults team: receives concerns about people in the council's area (R20).</summary>
    public const string SafeguardingOfficer = "SafeguardingOfficer";

    public static readonly IReadOnlyList<string> All =
        [CareWorker, ServiceManager, SeniorManager, SocialWorker, Commissioner, BoardMember, Inspector, OrganisationAdministrator, SafeguardingOfficer];

    /// <summary>Roles held by provider staff; the rest belong to councils, except inspectors who are granted access.</summary>
    public static readonly IReadOnlyList<string> Provider =
        [CareWorker, ServiceManager, SeniorManager, BoardMember, Inspector, OrganisationAdministrator];

    public static readonly IReadOnlyList<string> Council = [SocialWorker, Commissioner, SafeguardingOfficer, OrganisationAdministrator];

    public static string DisplayName(string role) => role switch
    {
        CareWorker => "Care worker",
        ServiceManager => "Service manager",
        SeniorManager => "Senior manager",
        SocialWorker => "Social worker",
        Commissioner => "Commissioner",
        BoardMember => "Board member",
        Inspector => "Inspector or auditor",
        OrganisationAdministrator => "Organisation administrator",
        SafeguardingOfficer => "Safeguarding adults officer",
        _ => role,
    };
}
