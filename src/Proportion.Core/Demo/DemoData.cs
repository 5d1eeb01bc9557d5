using Proportion.Core.Analytics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Profiles;
using Proportion.Core.Links;

namespace Proportion.Core.Demo;

/// <summary>
/// A small, realistic world to try Proportion in: a provider with a care home and a supported living
/// service, a second provider, and a council that funds people in both, so scoping can be seen.
/// Written only into an empty database.
/// </summary>
public sealed class DemoData(ProportionDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock, IRecordLinks links)
{
    /// <summary>Every demo account's password. Demo data only: a real deployment never seeds it.</summary>
    public const string Password = "Demo-Proportion-2026";

    public static readonly IReadOnlyList<(string Email, string Role, string Where)> SignIns =
    [
        ("careworker@oakfield.example", Roles.CareWorker, "Oakfield House and Beech Road"),
        ("manager@oakfield.example", Roles.ServiceManager, "Oakfield House and Beech Road"),
        ("senior@oakfield.example", Roles.SeniorManager, "Oakfield Care"),
        ("board@oakfield.example", Roles.BoardMember, "Oakfield Care"),
        ("inspector@oakfield.example", Roles.Inspector, "Oakfield House, read-only"),
        ("admin@oakfield.example", Roles.OrganisationAdministrator, "Oakfield Care"),
        ("socialworker@northshire.example", Roles.SocialWorker, "Northshire Council"),
        ("commissioner@northshire.example", Roles.Commissioner, "Northshire Council"),
        ("safeguarding@northshire.example", Roles.SafeguardingOfficer, "Northshire Council safeguarding adults team"),
        ("manager@riverside.example", Roles.ServiceManager, "Riverside Lodge (another provider)"),
        ("admin@northshire.example", Roles.OrganisationAdministrator, "Northshire Council: its users and safeguarding helpline"),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        if (await db.Organisations.AnyAsync(ct))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);

        var oakfield = new Organisation { Name = "Oakfield Care", Kind = OrganisationKind.Provider, CreatedAt = now };
        var riverside = new Organisation { Name = "Riverside Care Ltd", Kind = OrganisationKind.Provider, CreatedAt = now };
        // Every keeping safe plan for someone Northshire funds, or who lives in Northshire, shows its helpline (R20).
        var northshire = new Organisation
        {
            Name = "Northshire Council", Kind = OrganisationKind.Council, CreatedAt = now, SafeguardingHelpline = "01632 960200, 24 hours a day",
        };
        db.Organisations.AddRange(oakfield, riverside, northshire);

        // Every demo service is in Northshire, so its safeguarding team receives their concerns.
        var house = new Service { OrganisationId = oakfield.Id, Name = "Oakfield House", SettingType = SettingType.CareHome, CqcLocationId = "1-101234567", LocalCouncilId = northshire.Id, CreatedAt = now };
        var beech = new Service { OrganisationId = oakfield.Id, Name = "Beech Road", SettingType = SettingType.SupportedLiving, CqcLocationId = "1-101234999", LocalCouncilId = northshire.Id, CreatedAt = now };
        var lodge = new Service { OrganisationId = riverside.Id, Name = "Riverside Lodge", SettingType = SettingType.NursingHome, LocalCouncilId = northshire.Id, CreatedAt = now };
        db.Services.AddRange(house, beech, lodge);
        await db.SaveChangesAsync(ct);

        var careWorker = await AddUserAsync("careworker@oakfield.example", "Amira Khan", oakfield, Roles.CareWorker, house, beech);
        var manager = await AddUserAsync("manager@oakfield.example", "Daniel Okafor", oakfield, Roles.ServiceManager, house, beech);
        var senior = await AddUserAsync("senior@oakfield.example", "Helen Price", oakfield, Roles.SeniorManager);
        await AddUserAsync("board@oakfield.example", "Robert Ellis", oakfield, Roles.BoardMember);
        var inspector = await AddUserAsync("inspector@oakfield.example", "Grace Mensah", oakfield, Roles.Inspector);
        await AddUserAsync("admin@oakfield.example", "Priya Shah", oakfield, Roles.OrganisationAdministrator);
        var socialWorker = await AddUserAsync("socialworker@northshire.example", "Tom Bradley", northshire, Roles.SocialWorker);
        socialWorker.RegistrationNumber = "SW104522";
        await AddUserAsync("commissioner@northshire.example", "Fiona Walsh", northshire, Roles.Commissioner);
        await AddUserAsync("safeguarding@northshire.example", "Joanna Reid", northshire, Roles.SafeguardingOfficer);
        var lodgeManager = await AddUserAsync("manager@riverside.example", "Sarah Lewis", riverside, Roles.ServiceManager, lodge);
        await AddUserAsync("admin@northshire.example", "Marcus Hale", northshire, Roles.OrganisationAdministrator);
        db.InspectorGrants.Add(new InspectorGrant
        {
            OrganisationId = oakfield.Id, UserId = inspector.Id, ServiceId = house.Id,
            GrantedAt = now, GrantedById = manager.Id, ExpiresAt = now.AddDays(30),
        });

        Person P(Service s, string given, string family, string? preferred, int yearsOld, string? nhs, string needs,
            CommunicationMethods methods, bool funded, bool allocated, params Representative[] reps) => new()
        {
            OrganisationId = s.OrganisationId, ServiceId = s.Id, GivenName = given, FamilyName = family,
            PreferredName = preferred, DateOfBirth = today.AddYears(-yearsOld).AddDays(-given.Length * 17),
            NhsNumber = nhs, CommunicationNeeds = needs, CommunicationMethods = methods,
            FundingCouncilId = funded ? northshire.Id : null, SocialWorkerId = allocated ? socialWorker.Id : null,
            Representatives = [.. reps], CreatedAt = now,
        };
        Representative R(string name, string relationship, RepresentativeRoles roles, string? contact = null) =>
            new() { Name = name, Relationship = relationship, Roles = roles, ContactDetails = contact };

        var people = new[]
        {
            P(house, "Margaret", "Hughes", "Peggy", 87, "9434765919", "Living with dementia; understands short sentences best in the morning. Hears better on her left side.",
                CommunicationMethods.Speech | CommunicationMethods.Observation, true, true,
                R("Susan Hughes", "daughter", RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare, "07700 900123")),
            P(house, "Arthur", "Bennett", null, 91, "9434765870", "Uses hearing aids; becomes distressed in busy rooms.",
                CommunicationMethods.Speech, true, false,
                R("Paul Bennett", "son", RepresentativeRoles.FamilyOrFriend)),
            P(house, "Doris", "Clarke", null, 84, null, "Living with dementia; responds to familiar objects and music from the 1960s.",
                CommunicationMethods.ObjectsOfReference | CommunicationMethods.Observation, true, true,
                R("Northshire Advocacy", "IMCA", RepresentativeRoles.IndependentMentalCapacityAdvocate, "01632 960111")),
            P(house, "Stanley", "Patel", "Stan", 79, "4010232137", "Gujarati is his first language; an interpreter is needed for important decisions.",
                CommunicationMethods.Interpreter | CommunicationMethods.Speech, false, false,
                R("Meera Patel", "wife", RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.NamedPerson)),
            P(house, "Edna", "Morris", null, 93, null, "Partially sighted; prefers to be addressed as Mrs Morris.",
                CommunicationMethods.Speech, true, false),
            P(house, "Joyce", "Turner", null, 88, null, "Living with dementia; walks with purpose in the late afternoon.",
                CommunicationMethods.Speech | CommunicationMethods.Observation, true, true,
                R("Kevin Turner", "son", RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.CourtAppointedDeputy)),
            P(beech, "Samuel", "Adeyemi", "Sam", 24, "9990001111", "Autistic; uses Makaton signs and a symbol timetable. Needs time to process questions.",
                CommunicationMethods.Makaton | CommunicationMethods.Symbols, true, true,
                R("Grace Adeyemi", "mother", RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.NamedPerson, "07700 900456"),
                R("Beacon Advocacy", "advocate", RepresentativeRoles.Advocate)),
            P(beech, "Chloe", "Harrison", null, 31, null, "Has a learning disability; reads easy read documents with support.",
                CommunicationMethods.EasyRead | CommunicationMethods.Speech, true, false,
                R("Mark Harrison", "brother", RepresentativeRoles.FamilyOrFriend)),
            P(beech, "Liam", "O'Connor", null, 27, null, "Deaf; British Sign Language user. Book a BSL interpreter for meetings.",
                CommunicationMethods.BritishSignLanguage, true, true),
            P(beech, "Ravi", "Sharma", null, 35, null, "Has a learning disability and epilepsy; communicates through behaviour and some words.",
                CommunicationMethods.Observation | CommunicationMethods.Proxy, true, false,
                R("Anita Sharma", "sister", RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.CourtAppointedDeputy)),
            P(lodge, "Eileen", "Foster", null, 90, null, "Living with dementia; nursing care needs.",
                CommunicationMethods.Speech, true, false,
                R("Janet Foster", "niece", RepresentativeRoles.FamilyOrFriend)),
            P(lodge, "George", "Whitaker", null, 82, null, "Parkinson's disease; speech is quiet, allow time.",
                CommunicationMethods.Speech, false, false),
        };
        // Equality information (ADR 0023): Doris preferred not to say her sexual orientation; Edna has not been asked yet.
        void Equality(Person who, EthnicCategory ethnicity, Sex sex, DisabilityAnswer disability, ReligionOrBelief religion, SexualOrientation orientation) =>
            (who.Ethnicity, who.Sex, who.Disability, who.ReligionOrBelief, who.SexualOrientation) = (ethnicity, sex, disability, religion, orientation);
        Equality(people[0], EthnicCategory.WhiteBritish, Sex.Female, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.Heterosexual);
        Equality(people[1], EthnicCategory.WhiteBritish, Sex.Male, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.Heterosexual);
        Equality(people[2], EthnicCategory.WhiteIrish, Sex.Female, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.PreferNotToSay);
        Equality(people[3], EthnicCategory.AsianIndian, Sex.Male, DisabilityAnswer.No, ReligionOrBelief.Hindu, SexualOrientation.Heterosexual);
        Equality(people[5], EthnicCategory.BlackCaribbean, Sex.Female, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.Heterosexual);
        Equality(people[6], EthnicCategory.BlackAfrican, Sex.Male, DisabilityAnswer.Yes, ReligionOrBelief.NoReligion, SexualOrientation.NotSure);
        Equality(people[7], EthnicCategory.WhiteBritish, Sex.Female, DisabilityAnswer.Yes, ReligionOrBelief.NoReligion, SexualOrientation.Bisexual);
        Equality(people[8], EthnicCategory.WhiteIrish, Sex.Male, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.GayOrLesbian);
        Equality(people[9], EthnicCategory.AsianIndian, Sex.Male, DisabilityAnswer.Yes, ReligionOrBelief.Hindu, SexualOrientation.NotAppropriateToAsk);
        Equality(people[10], EthnicCategory.WhiteBritish, Sex.Female, DisabilityAnswer.Yes, ReligionOrBelief.Christian, SexualOrientation.Heterosexual);
        Equality(people[11], EthnicCategory.WhiteBritish, Sex.Male, DisabilityAnswer.PreferNotToSay, ReligionOrBelief.NoReligion, SexualOrientation.Heterosexual);
        db.People.AddRange(people);

        RestrictivePractice Rp(Person who, PracticeCategory category, string description, PracticeKind kind, PracticeStatus status,
            int startedDaysAgo, int? reviewInDays, string reason, string? endReason = null) => new()
        {
            OrganisationId = who.OrganisationId, ServiceId = who.ServiceId, PersonId = who.Id, Category = category,
            Description = description, Kind = kind, Status = status, StartDate = today.AddDays(-startedDaysAgo),
            ReviewDate = reviewInDays is { } r ? today.AddDays(r) : null, ProposalReason = reason,
            EndDate = endReason is null ? null : today.AddDays(-10), EndReason = endReason,
            CreatedAt = now, CreatedById = manager.Id,
        };
        var (peggy, arthur, doris, stan, _, joyce, sam, chloe, liam, ravi, eileen, george) =
            (people[0], people[1], people[2], people[3], people[4], people[5], people[6], people[7], people[8], people[9], people[10], people[11]);
        RestrictivePractice peggyDoor, samHold, raviStrap;
        db.Practices.AddRange(
            peggyDoor = Rp(peggy, PracticeCategory.EnvironmentalRestraint, "Front door has a key-code lock; the code is not shared with Peggy", PracticeKind.Planned, PracticeStatus.Agreed, 200, 120,
                "Peggy has left the building at night twice and was found on the main road without a coat."),
            Rp(peggy, PracticeCategory.SurveillanceAndMonitoring, "Sensor mat beside the bed at night, alerting night staff when she gets up", PracticeKind.Planned, PracticeStatus.Agreed, 150, 30,
                "Three falls at night in the last two months."),
            Rp(peggy, PracticeCategory.MechanicalRestraint, "Bed rails raised at night", PracticeKind.Planned, PracticeStatus.Proposed, 0, null,
                "Suggested by the falls team; less restrictive options (low bed, crash mat) not yet tried."),
            Rp(arthur, PracticeCategory.CovertMedication, "Blood pressure medicine given covertly in yoghurt", PracticeKind.Planned, PracticeStatus.UnderReview, 340, -5,
                "Arthur refuses tablets when distressed; the GP and pharmacist advised covert administration."),
            Rp(doris, PracticeCategory.EnvironmentalRestraint, "Front door has a key-code lock; the code is not shared with Doris", PracticeKind.Planned, PracticeStatus.Agreed, 90, 90,
                "Doris tries to leave to 'collect the children from school' and does not recognise roads."),
            Rp(doris, PracticeCategory.ChemicalRestraint, "Lorazepam 0.5mg when very distressed (as required)", PracticeKind.Reactive, PracticeStatus.Ended, 300, null,
                "Prescribed after a hospital stay.", "Not used for three months; GP stopped the prescription after review."),
            Rp(stan, PracticeCategory.RestrictionOfChoice, "Kitchen locked between 10pm and 6am", PracticeKind.Planned, PracticeStatus.Proposed, 0, 60,
                "Two incidents of using the hob at night. Other residents' access must be protected (§5.12)."),
            Rp(joyce, PracticeCategory.EnforcedSupervision, "One-to-one support when walking outside the home", PracticeKind.Planned, PracticeStatus.Agreed, 60, 120,
                "Joyce has become lost twice on familiar walks."),
            Rp(joyce, PracticeCategory.EnvironmentalRestraint, "Front door has a key-code lock; the code is not shared with Joyce", PracticeKind.Planned, PracticeStatus.Agreed, 60, 120,
                "Joyce leaves in the late afternoon to 'go home' and becomes lost."),
            samHold = Rp(sam, PracticeCategory.PhysicalRestraint, "Two-person standing hold as a last resort when Sam hits his head against walls", PracticeKind.Reactive, PracticeStatus.Agreed, 120, 60,
                "Self-injury causing bruising; positive behaviour support plan in place."),
            Rp(sam, PracticeCategory.RestrictionOfChoice, "Internet access limited to 9am to 9pm", PracticeKind.Planned, PracticeStatus.UnderReview, 365, -20,
                "Sam was contacted by strangers asking for money."),
            Rp(sam, PracticeCategory.RestrictionOfChoice, "Money held by staff; Sam has £20 a day to spend", PracticeKind.Planned, PracticeStatus.Agreed, 100, 200,
                "Sam was financially exploited by an acquaintance."),
            Rp(chloe, PracticeCategory.SurveillanceAndMonitoring, "Audio monitor in bedroom at night for seizures", PracticeKind.Planned, PracticeStatus.Agreed, 30, 150,
                "Night-time seizures; less restrictive seizure alarm being trialled."),
            Rp(liam, PracticeCategory.EnvironmentalRestraint, "Medicines cupboard locked", PracticeKind.Planned, PracticeStatus.Ended, 400, null,
                "Liam took another person's medicine.", "Liam now manages his own medicines with a locked box of his own."),
            raviStrap = Rp(ravi, PracticeCategory.MechanicalRestraint, "Lap strap on wheelchair when travelling", PracticeKind.Planned, PracticeStatus.Agreed, 250, 100,
                "Ravi has slipped from his wheelchair during seizures."),
            Rp(ravi, PracticeCategory.PhysicalRestraint, "Holding Ravi's hands during a seizure to protect his head", PracticeKind.Reactive, PracticeStatus.Proposed, 0, null,
                "Staff asked for guidance after two seizures near furniture."),
            Rp(eileen, PracticeCategory.MechanicalRestraint, "Bed rails raised at night", PracticeKind.Planned, PracticeStatus.Agreed, 80, 100,
                "Eileen has rolled out of bed; she says she feels safer with them."));
        SayWhatEachPracticeRestricts(db.Practices.Local);

        // Agreed guidelines for three of the agreed practices, so care workers have something to read.
        PracticeDecision Agreed(RestrictivePractice practice, string may, string mustNot, string others) => new()
        {
            OrganisationId = practice.OrganisationId, ServiceId = practice.ServiceId, PersonId = practice.PersonId, PracticeId = practice.Id,
            Status = DecisionStatus.Agreed, Risk = practice.ProposalReason, WhenMayBeUsed = may, WhenMustNotBeUsed = mustNot,
            OthersRightsProtection = others, ReviewDate = practice.ReviewDate, CreatedAt = now, UpdatedAt = now, CreatedById = manager.Id,
            // Agreed when the practice began, so the demo incidents since then come after it.
            AgreedAt = DateTime.SpecifyKind(practice.StartDate.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc),
        };
        db.Decisions.AddRange(
            Agreed(peggyDoor, "The front door stays locked with the key code at all times. If Peggy asks to go out, offer to walk with her or go into the garden.",
                "Never tell Peggy she cannot leave without offering to go with her. Do not lock her bedroom or any other door.",
                "Visitors and other residents are given the code at the office; it is on the noticeboard by the lounge."),
            Agreed(samHold, "Only when Sam is hitting his head against a wall or floor and de-escalation (quiet space, his ear defenders, his sensory box) has not worked. Two trained staff, standing, for as short a time as possible.",
                "Never on the floor, never face down, never to make Sam follow an instruction. Stop as soon as he stops hitting his head.",
                "Ask other tenants to use the lounge while staff support Sam."),
            Agreed(raviStrap, "When Ravi travels in the minibus or is pushed outdoors in his wheelchair.",
                "Not when Ravi is sitting still indoors, and never to stop him leaving his chair.",
                "Affects nobody else."));
        AddDemoLegalBasis(peggyDoor, samHold, raviStrap, manager);
        AddPeggysDoorReview(peggyDoor, manager, today);
        // Deprivation of liberty in the care home: Peggy's is authorised; Doris's assessment is late.
        db.LibertyScreenings.Add(new LibertyScreening
        {
            OrganisationId = oakfield.Id, PersonId = peggy.Id, ServiceId = house.Id, AssessedOn = today.AddDays(-70),
            SupervisionAndControl = "Staff know where Peggy is at all times and support her with all personal care.",
            FreedomToLeave = "The front door is locked; staff would bring her back if she left.",
            WishesAndObjection = "Peggy often asks to go home to her late husband, and is upset when she cannot.",
            RestraintAndMedication = "Key-code lock; sensor mat at night.",
            CapacityToConsent = ArrangementsCapacity.LacksCapacity,
            Conclusion = LibertyConclusion.LikelyDeprivation, LegalBasis = "Multi-factorial assessment following [2026] UKSC 16",
            Route = Rules.LibertyRoute.DeprivationOfLibertySafeguards, RecordedById = manager.Id, RecordedAt = now,
        });
        db.LibertyAuthorisations.AddRange(
            new LibertyAuthorisation
            {
                OrganisationId = oakfield.Id, PersonId = peggy.Id, Kind = LibertyAuthorisationKind.StandardAuthorisation,
                RequestedOn = today.AddDays(-68), Outcome = LibertyOutcome.Granted, StartsOn = today.AddDays(-50),
                ExpiresOn = today.AddDays(-50).AddMonths(12), CqcNotifiedOn = today.AddDays(-49), RecordedAt = now,
            },
            new LibertyAuthorisation
            {
                OrganisationId = oakfield.Id, PersonId = doris.Id, Kind = LibertyAuthorisationKind.StandardAuthorisation,
                RequestedOn = today.AddDays(-25), RecordedAt = now, Notes = "Northshire DoLS team reference NS-4471",
            });
        AddDemoIncidents(now, manager, careWorker, sam, joyce, samHold);
        AddDemoPositiveRiskPlan(now, today, manager, sam);
        AddDemoSupportPlan(now, today, manager, sam);
        AddDemoTraining(now, today, manager, careWorker);
        AddDemoRestraintHistory(now, today, lodgeManager, george, eileen);
        AddGeorgesRiskAssessment(now, today, lodgeManager, george);
        AddDemoReductionPlan(now, today, lodgeManager, eileen);
        AddDemoBehaviourSupport(now, today, lodgeManager, george);
        await AddDemoMonitoringAsync(house, manager, today);
        AddDemoPanels(peggy, peggyDoor, sam, samHold, manager, senior, now, today);
        AddDemoProfiles(now, today, manager, lodgeManager, peggy, sam, george);
        AddDemoToolsForRiskyChoices(now, today, manager, sam);
        await db.SaveChangesAsync(ct);
        // The demo's incidents are added directly, not through the form, so they are added up here.
        await RestraintTallies.RebuildAsync(db, ct);
        await AddDemoYearlyReportAsync(oakfield, now, ct);
        return true;
    }

    /// <summary>
    /// R20, tools for risky choices: Sam's supported decision-making agreement and keeping safe plan, made with
    /// him and agreed; and his wish to hold his own money, which staff hold for him now, referred to Northshire's
    /// risk enablement panel and waiting for it (a Northshire social worker records its decision).
    /// </summary>
    private void AddDemoToolsForRiskyChoices(DateTime now, DateOnly today, AppUser manager, Person sam)
    {
        void Add(string title, IPlanContent content, int agreedDaysAgo, DateOnly reviewDate)
        {
            var plan = new Plan
            {
                OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, Kind = PlanContents.KindOf(content), Title = title,
                Status = PlanStatus.InPlace, LatestVersion = 1, AgreedVersion = 1, ReviewDate = reviewDate,
                CreatedAt = now.AddDays(-agreedDaysAgo - 7), CreatedById = manager.Id,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new PlanVersion
            {
                OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = PlanContents.ToJson(content),
                DraftedAt = plan.CreatedAt, DraftedById = manager.Id, AgreedAt = now.AddDays(-agreedDaysAgo), AgreedById = manager.Id,
            });
        }
        Add("How Sam is helped to make his own decisions", new Plans.DecisionMaking.DecisionMakingContent
        {
            DecisionsCovered = "What I spend my money on. Who supports me and when. Going to college and what I do at weekends.",
            Supporters =
            [
                new() { Name = "Grace Adeyemi", Relationship = "my mum" },
                new() { Name = "Amira Khan", Relationship = "my key worker", Paid = true },
            ],
            HowInformationIsGiven = "One thing at a time, with symbols and photographs. Show me the choices; do not only tell me. Use Makaton signs for yes, no and later.",
            TimeAndPlace = "In the morning at home, in the quiet lounge. Give me a day to think about big things, and ask me again the next day.",
            HasRepresentative = false,
            CircleOfSupport =
            [
                new() { Name = "Grace Adeyemi", Relationship = "mum" },
                new() { Name = "Femi Adeyemi", Relationship = "older brother" },
                new() { Name = "Joe Marsh", Relationship = "friend from college" },
            ],
            Advocate = "Beacon Advocacy (Lena Ortiz), 01632 960345",
            SubstantialDifficulty = true,
            HowDisagreementsAreHandled = "If Mum or staff worry about a choice, we talk about it with my advocate there. If we still disagree, my social worker can take it to Northshire's risk enablement panel. It is still my choice if I understand the risks.",
            HowThePersonAgreed = "Sam went through the agreement with Lena from Beacon Advocacy using his symbol board, and signed it with his Makaton sign for yes.",
            HowItIsReviewed = "Amira and Sam look at it with Tom Bradley (social worker) at his review, and sooner if Sam moves, changes college or asks.",
        }, 30, today.AddMonths(5));
        Add("Keeping safe with my money and my support", new Plans.KeepingSafe.KeepingSafeContent
        {
            ManagingTheMoney = "My money goes onto a prepaid card. I keep my receipts in the blue folder, and Amira checks them with me every Friday.",
            Recruiting = "Mum and Amira help me choose the people who support me. Everyone has a DBS check and two references before they start.",
            Employing = "Oakfield Care employs the staff who support me, so I am not an employer. If I choose a personal assistant later, the direct payment support service will help me with contracts and insurance.",
            Training = "I am learning to use my card and to check my balance on my phone. My staff are trained in Makaton and in keeping money safe.",
            WhenThingsGoWrong = "If money is missing, or someone asks me for money, I tell Amira or Mum straight away. If I feel unsafe I ring the safeguarding helpline, or 999 in an emergency.",
            WhoCanHelp =
            [
                new() { Name = "Grace Adeyemi", WhoTheyAre = "my mum", HowToReach = "07700 900456" },
                new() { Name = "Amira Khan", WhoTheyAre = "my key worker", HowToReach = "Beech Road office, 01632 960150" },
                new() { Name = "Beacon Advocacy", WhoTheyAre = "my advocate", HowToReach = "01632 960345" },
            ],
            HowThePersonTookPart = "Made with Sam over three mornings using photographs of his card, his folder and the people who help him. His mum joined the last one.",
        }, 20, today.AddMonths(4));

        var money = db.Practices.Local.Single(p => p.PersonId == sam.Id && p.Category == PracticeCategory.RestrictionOfChoice && p.Description.StartsWith("Money held by staff"));
        db.PanelReferrals.Add(new PanelReferral
        {
            OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, Kind = PanelKind.RiskEnablement,
            PracticeId = money.Id, Band = Rules.RiskBand.Moderate, Reason = PanelReason.Disagreement,
            Question = "Should Sam hold his own money on a prepaid card, with a weekly check of his receipts, instead of staff holding it for him?",
            Evidence = "Sam says he wants his own card \"like everyone at college\". His mum fears he will be exploited again, as he was by an acquaintance last year. "
                + "Staff see him budgeting well with his £20 a day; his keeping safe plan covers what he does if someone asks him for money.",
            ReferredById = manager.Id, ReferredAt = now.AddDays(-2),
        });
    }

    /// <summary>
    /// R23: Peggy's profile, written with her and her daughter and agreed; George's, agreed and now past its
    /// review date; Sam's, a first draft still missing parts.
    /// </summary>
    private void AddDemoProfiles(DateTime now, DateOnly today, AppUser manager, AppUser lodgeManager, Person peggy, Person sam, Person george)
    {
        void Add(Person person, AppUser by, ProfileContent content, DateOnly? agreedOn, DateOnly? reviewDate)
        {
            var plan = new Plan
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, Kind = PlanKind.Profile,
                Title = $"Knowing {person.KnownAs}", CreatedAt = now.AddDays(-90), CreatedById = by.Id,
                Status = agreedOn is null ? PlanStatus.Draft : PlanStatus.InPlace, AgreedVersion = agreedOn is null ? null : 1, ReviewDate = reviewDate,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new PlanVersion
            {
                OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = PlanContents.ToJson(content),
                DraftedAt = now.AddDays(-90), DraftedById = by.Id,
                AgreedAt = agreedOn is { } on ? UkTime.ToUtc(on, new TimeOnly(11, 0)) : null, AgreedById = agreedOn is null ? null : by.Id,
            });
        }
        Add(peggy, manager, new ProfileContent
        {
            WhatMattersToMe = "My daughter Susan and my grandchildren. A cup of tea with milk and one sugar when I wake up. My garden: I grew roses for forty years. Being called Peggy.",
            StrengthsAndSkills = "I can wash and dress myself with a little help choosing clothes. I remember the words of old songs. I am good with people who are upset.",
            WhatTriggersDistress = "Not knowing where Susan is. Loud voices and the television on too loud. Being rushed in the morning.",
            EarlyWarningSigns = "Peggy asks again and again where Susan is, rubs her hands together and walks towards the front door.",
            WhatHelpsMeFeelSafe = "Tell me Susan is at work and will ring at six. Sit with me and look at my photo album. Walk with me in the garden.",
            HowICommunicate = "I talk, and hear better on my left side. Short sentences are easiest for me, best in the morning.",
            TraumaHistory = "Peggy's husband died suddenly at home; being left alone behind a closed door can remind her of that day.",
            HowThisWasWritten = "Written with Peggy over two mornings in the garden, using her photo album, and with her daughter Susan, who knows her best.",
        }, today.AddDays(-60), today.AddDays(30));
        Add(george, lodgeManager, new ProfileContent
        {
            WhatMattersToMe = "My wife's photograph by my bed. The cricket on the radio. Getting out for a walk every day, even a short one.",
            StrengthsAndSkills = "I know a great deal about trains and like to talk about them. I can manage my own money with reminders.",
            WhatTriggersDistress = "Being hurried when my legs are stiff. People talking over me because my voice is quiet.",
            EarlyWarningSigns = "George goes quiet and grips the arms of his chair.",
            WhatHelpsMeFeelSafe = "Give me time, lean in so you can hear me, and let me do things my own way.",
            HowICommunicate = "I speak quietly because of Parkinson's. Allow time and check you have understood.",
            HowThisWasWritten = "Written with George in his room over a week, at his own pace.",
        }, today.AddDays(-200), today.AddDays(-10));
        Add(sam, manager, new ProfileContent
        {
            WhatMattersToMe = "Trains, my symbol timetable, and seeing my mum on Sundays.",
            HowICommunicate = "Makaton signs and symbols. Give me time to answer.",
        }, null, null);
    }

    /// <summary>R17: Oakfield's report for the last year that has ended, published on the board's sign-off.</summary>
    /// <summary>
    /// Risk review panels (R26): Peggy's wish to go out alone, contested by her daughter, decided with one member
    /// dissenting and an action still open; and Sam's hold, which the manager will not agree, waiting for the panel.
    /// </summary>
    private void AddDemoPanels(Person peggy, RestrictivePractice peggyDoor, Person sam, RestrictivePractice samHold, AppUser manager, AppUser senior,
        DateTime now, DateOnly today)
    {
        var peggys = new PanelReferral
        {
            OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, PracticeId = peggyDoor.Id, Band = Rules.RiskBand.High,
            Reason = PanelReason.Disagreement,
            Question = "Should Peggy be able to walk to the corner shop on her own in the mornings, with the front door code kept from her at other times?",
            Evidence = "Peggy asks most mornings to go to the shop for her paper, as she did for forty years. Her daughter Susan fears she will get lost, as she did once in 2025. "
                + "Staff see that Peggy finds her way well before noon and becomes distressed when she is told she cannot go.",
            ReferredById = manager.Id, ReferredAt = now.AddDays(-24), Status = PanelStatus.Decided,
            MeetingOn = today.AddDays(-10), PersonAttended = true, FamilyAttended = true,
            PersonsView = "Peggy came to the start of the meeting with Amira and said: \"I want my paper. I know the way.\"",
            Outcome = PanelOutcome.SupportedWithChanges,
            Decision = "Peggy walks to the corner shop alone on weekday mornings, wearing a GPS watch, and telephones the house when she arrives. Staff check the route with her first.",
            Reasons = "Her independence and mood matter a great deal to her; the risk of getting lost is real but low in the mornings, and the watch and call reduce its impact.",
            ReviewOn = today.AddMonths(3), DecidedById = senior.Id, DecidedAt = now.AddDays(-10),
            Members =
            [
                new PanelMember { OrganisationId = peggy.OrganisationId, Name = "Helen Price", Discipline = "Senior manager (chair)" },
                new PanelMember { OrganisationId = peggy.OrganisationId, Name = "Daniel Okafor", Discipline = "Service manager" },
                new PanelMember { OrganisationId = peggy.OrganisationId, Name = "Tom Bradley", Discipline = "Social worker, Northshire Council" },
                new PanelMember
                {
                    OrganisationId = peggy.OrganisationId, Name = "Dr Anna Reid", Discipline = "Occupational therapist",
                    Dissent = "Would first have Peggy walk the route with staff for two weeks, to see how she manages the crossing.",
                },
            ],
            Actions =
            [
                new PanelAction
                {
                    OrganisationId = peggy.OrganisationId, What = "Buy and set up a GPS watch with Peggy", AssignedToId = manager.Id, DueOn = today.AddDays(-5),
                    DoneAt = now.AddDays(-6), DoneById = manager.Id, DoneNote = "Bought and set up; Peggy chose the blue strap.",
                },
                new PanelAction
                {
                    OrganisationId = peggy.OrganisationId, What = "Walk the route to the shop with Peggy and agree where she crosses", AssignedToId = manager.Id, DueOn = today.AddDays(7),
                },
            ],
        };
        var sams = new PanelReferral
        {
            OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, PracticeId = samHold.Id, Band = Rules.RiskBand.Moderate,
            Reason = PanelReason.RestrictionNotAgreed,
            Question = "Should staff keep using the hold to guide Sam away from the road, or does the new route plan make it unnecessary?",
            Evidence = "Sam's mother asks for the hold to stay. The manager will not agree it again: the symbol timetable and the quieter route have meant it was not needed in the last two months.",
            ReferredById = manager.Id, ReferredAt = now.AddDays(-3),
        };
        db.PanelReferrals.AddRange(peggys, sams);
    }

    private async Task AddDemoYearlyReportAsync(Organisation oakfield, DateTime now, CancellationToken ct)
    {
        var year = Reporting.ReportingYear.LastEnded(UkTime.Today(clock));
        var senior = await db.Users.Where(u => u.Email == "senior@oakfield.example").Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var figures = await new Reporting.ReportFigureQueries(db, new RestrictionSeries(db)).ReadAsync(oakfield.Id, year, now, ct);
        db.YearlyReports.Add(new YearlyReport
        {
            OrganisationId = oakfield.Id, YearStarting = year.Starting, IsPublished = true, CreatedAt = now, CreatedById = senior.Id,
            Versions =
            [
                new YearlyReportVersion
                {
                    Number = 1, Status = YearlyReportStatus.Published, CreatedAt = now, UpdatedAt = now, CreatedById = senior.Id,
                    TrainingStrategy = "Every member of staff who supports people is trained in positive behaviour support and de-escalation when they start, "
                        + "with a yearly refresher from a provider certified against the Restraint Reduction Network Training Standards.",
                    WhyUsed = "Restrictive interventions were used mostly to prevent falls at night and to keep people safe during personal care, "
                        + "always as a last resort after de-escalation.",
                    ReductionStrategies = "Each service reviewed every practice in place with the people it affects and their families. "
                        + "Sensor mats replaced bed rails for two people, and night staff were trained in safer ways to support people to walk.",
                    FiguresJson = figures.ToJson(), FiguresWorkedOutAt = now,
                    SignedForBoardBy = "Robert Ellis", SignedForBoardRole = "Chair of the board", BoardMeetingOn = year.LastDay.AddDays(60) < UkTime.Today(clock) ? year.LastDay.AddDays(60) : UkTime.Today(clock),
                    PublishedById = senior.Id, PublishedByName = senior.DisplayName, PublishedAt = now,
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The law on the demo decisions: each person lacked capacity for it, so each rests on best interests
    /// (MCA s.5). Peggy's attorney decided hers (s.6(6)); Ravi's deputy's order does not cover it.
    /// </summary>
    private void AddDemoLegalBasis(RestrictivePractice peggyDoor, RestrictivePractice samHold, RestrictivePractice raviStrap, AppUser manager)
    {
        PracticeDecision DecisionOf(RestrictivePractice p) => db.Decisions.Local.Single(d => d.PracticeId == p.Id);
        Representative RepresentativeOf(RestrictivePractice p, string name) => db.People.Local.Single(x => x.Id == p.PersonId).Representatives.Single(r => r.Name == name);
        foreach (var practice in new[] { peggyDoor, samHold, raviStrap })
        {
            DecisionOf(practice).LegalBasis = LegalBasis.BestInterests;
        }
        var susan = RepresentativeOf(peggyDoor, "Susan Hughes");
        susan.AuthorityCovers = "Health and welfare, including decisions about Peggy's care and where she lives. Registered with the Office of the Public Guardian in 2022.";
        var peggys = DecisionOf(peggyDoor);
        peggys.DecisionMakerRepresentativeId = susan.Id;
        peggys.DecisionMakerName = "Susan Hughes, attorney for health and welfare";
        peggys.AttorneyDecision = "Agrees to the key-code lock while Peggy is at risk on the main road, if staff always offer to walk with her.";
        peggys.AttorneyAgrees = true;
        DecisionOf(samHold).DecisionMakerName = $"{manager.DisplayName}, service manager";
        var anita = RepresentativeOf(raviStrap, "Anita Sharma");
        anita.AuthorityCovers = "Property and affairs only: Court of Protection order of 2024.";
        var ravis = DecisionOf(raviStrap);
        ravis.DecisionMakerName = $"{manager.DisplayName}, service manager";
        ravis.AuthorityNotCoveringReason = "Anita's deputyship covers Ravi's property and affairs only, not his care.";
    }

    /// <summary>
    /// R11 in Oakfield House: the manager's monitoring signed off 70 days ago, so the next is due within the
    /// month, and the senior manager's audit 210 days ago, so the next audit is overdue. Each line is what
    /// the §8.7 checks find for the practices in place then, with a note on each that falls short.
    /// </summary>
    private async Task AddDemoMonitoringAsync(Service house, AppUser manager, DateOnly today)
    {
        var senior = await users.FindByEmailAsync("senior@oakfield.example") ?? throw new InvalidOperationException("No demo senior manager.");
        var staffInHouse = db.ServiceAssignments.Local.Count(a => a.ServiceId == house.Id);
        ServiceMonitoring Check(MonitoringKind kind, AppUser by, int daysAgo, bool worksInService, string findings, params MonitoringAction[] actions)
        {
            var on = today.AddDays(-daysAgo);
            var at = DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(15, 0)), DateTimeKind.Utc);
            var practices = db.Practices.Local.Where(p => p.ServiceId == house.Id && p.StartDate <= on && (p.Status != PracticeStatus.Ended || p.EndDate > on))
                .OrderBy(p => p.Person!.FamilyName).ThenBy(p => p.StartDate).ToList();
            var checks = practices.Select(p =>
            {
                var decision = db.Decisions.Local.FirstOrDefault(d => d.PracticeId == p.Id);
                var check = Rules.MonitoringChecks.For(new Rules.PracticeFacts(p, decision, staffInHouse, 0, 0, null), on, Rules.ReductionConsidered.DefaultMonths);
                var failed = Rules.MonitoringChecks.Columns.Where(c => !c.Passed(check)).Select(c => c.Name.ToLowerInvariant()).ToList();
                check.AuditorNote = failed.Count == 0 ? null : $"Not met: {string.Join(", ", failed)}. Daniel to put this right before the next check.";
                return check;
            }).ToList();
            foreach (var action in actions)
            {
                action.RecordedById = by.Id;
                action.RecordedAt = at;
            }
            return new ServiceMonitoring
            {
                OrganisationId = house.OrganisationId, ServiceId = house.Id, Kind = kind, Status = MonitoringStatus.Completed,
                DueOn = on, Practices = checks, Actions = [.. actions], Findings = findings,
                CreatedAt = at.AddHours(-3), CreatedById = by.Id, UpdatedAt = at,
                CompletedOn = on, CompletedAt = at, CompletedById = by.Id, CompletedByName = by.DisplayName, CompletedByWorksInService = worksInService,
            };
        }
        db.Monitoring.AddRange(
            Check(MonitoringKind.SeniorAudit, senior, 210, false,
                "Practices are recorded and reviewed, but most agreed practices have no written RP2 discussion, and staff have not confirmed reading the guidelines. Front door locks are in place for three people: check this is not becoming a blanket rule (§5.12).",
                new MonitoringAction { What = "Hold and record the RP2 discussion for every agreed practice without one", Owner = "Daniel Okafor", DueOn = today.AddDays(-150) }),
            Check(MonitoringKind.ManagerMonitoring, manager, 70, true,
                "Peggy's door lock has its guidelines agreed, but none of the practices has its RP2 discussion written up in full, and staff must still confirm they have read the guidelines.",
                new MonitoringAction { What = "Ask every member of staff to read and confirm the guidelines in Proportion", Owner = "Daniel Okafor", DueOn = today.AddDays(-40) },
                new MonitoringAction { What = "Write up the discussion for Arthur's covert medication with his GP and pharmacist", Owner = "Daniel Okafor", DueOn = today.AddDays(14) }));
    }

    /// <summary>
    /// Three incidents, so the lists and duties have something to show: a planned hold used as agreed and
    /// fully followed up; the same hold used outside its guidelines, face down, which calls for an early
    /// review (R8); and an emergency whose 48-hour review is overdue (R10), with a reflection still owed.
    /// </summary>
    /// <summary>
    /// A positive risk-taking plan (R19): Sam travelling to college by bus on his own, agreed a month ago in two
    /// stages, the first (staff a few seats away) achieved, so support visibly lessens at the second.
    /// </summary>
    private void AddDemoPositiveRiskPlan(DateTime now, DateOnly today, AppUser manager, Person sam)
    {
        var first = new Plans.PlanStage
        {
            Description = "Sam takes the 42 bus to college with a member of staff sitting a few seats away",
            Support = "A member of staff travels on the same bus, a few seats away, and walks with Sam to the college gate.",
            SuccessCriteria = "Five journeys in a row: Sam shows his bus pass, gets off at the college stop and texts on arrival.",
            PlannedOn = today.AddDays(-28),
        };
        var second = new Plans.PlanStage
        {
            Description = "Sam takes the 42 bus to college on his own",
            Support = "No one travels with Sam. He texts on arrival; the key worker rings if no text by 9:30am.",
            SuccessCriteria = "Ten journeys on his own over a month, texting on arrival each time.",
            PlannedOn = today.AddDays(7),
        };
        var content = new Plans.PositiveRisk.PositiveRiskContent
        {
            Activity = Plans.PositiveRisk.ActivityKind.TravelAlone,
            WhatThePersonWantsToDo = "Go to college on the 42 bus on my own",
            WhyItMatters = "Sam wants to arrive with his friends like everyone else, not with a member of staff.",
            PersonsViews = "Using his symbol board at his review, Sam chose the bus picture and the 'on my own' symbol, and said \"college, me\". Grace (his mother) supports it.",
            Risks =
            [
                new() { Description = "Getting off at the wrong stop", Safeguards = "Practised the route with staff; the stop is on his symbol timetable; the driver knows his stop." },
                new() { Description = "Being approached by strangers asking for money", Safeguards = "Sam carries only his bus pass and £2; he has practised saying \"no\" and walking to the driver." },
            ],
            EscalationAndCheckIns = "Sam texts a thumbs-up symbol on arrival. No text by 9:30am: the key worker rings Sam, then the college reception, then the manager.",
            Contingency = "If the bus does not come or Sam is upset, he rings the office (one button on his phone) and staff collect him.",
            ReviewTimescales = "After each stage, and at least every month; sooner after any incident on the way.",
            PersonUnderstands = true,
            HowUnderstandingWasConfirmed = "Sam went through the plan with his symbol board and showed staff, step by step, what he does if the bus does not come.",
            Stages = [first, second],
        };
        var plan = new Plan
        {
            OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, Kind = PlanKind.PositiveRisk,
            Title = "Go to college on the 42 bus on my own", Status = PlanStatus.InPlace, LatestVersion = 1, AgreedVersion = 1,
            ReviewDate = today.AddDays(30), CreatedAt = now.AddDays(-35), CreatedById = manager.Id,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = Plans.PlanContents.ToJson(content),
            DraftedAt = now.AddDays(-35), DraftedById = manager.Id, AgreedAt = now.AddDays(-30), AgreedById = manager.Id,
        });
        db.StageOutcomes.Add(new StageOutcome
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, StageId = first.Id, VersionNumber = 1, TakenOn = today.AddDays(-3),
            Result = StageResult.Achieved, Notes = "Five journeys in a row on time. Sam texted each morning and chose to sit away from staff from the second day.",
            RecordedAt = now.AddDays(-3), RecordedById = manager.Id,
        });
    }

    /// <summary>
    /// A personalised support plan (R20) for Sam in supported living at Beech Road, agreed two months ago: his
    /// outcomes in his words, his personal budget as a direct payment he holds himself, and one personal
    /// assistant he employs with every employer's check recorded. Medium support needed and in place, so a low
    /// risk, reviewed at the usual interval (he is not isolated), so nothing of it is due in the demo.
    /// </summary>
    private void AddDemoSupportPlan(DateTime now, DateOnly today, AppUser manager, Person sam)
    {
        var agreedAt = now.AddDays(-60);
        var agreedOn = today.AddDays(-60);
        var content = new Plans.Support.SupportPlanContent
        {
            Outcomes =
            [
                new() { InTheirWords = "Go to college with my friends", Support = "Jo, my personal assistant, meets me at college on Tuesdays and Thursdays. Staff at Beech Road help me get ready with my symbol timetable." },
                new() { InTheirWords = "Go swimming and to the cinema at the weekend", Support = "Jo comes with me on Saturday afternoons. My direct payment pays for her hours and my cinema card." },
                new() { InTheirWords = "Choose who supports me", Support = "I chose Jo at the interviews with my mum, Grace. Beacon Advocacy helped me say what I wanted." },
            ],
            CapacityToManageBudget = Plans.Support.BudgetCapacity.HasCapacity,
            Budget = [new() { How = Plans.Support.BudgetManagement.DirectPayment }],
            Assistants =
            [
                new()
                {
                    Name = "Jo Lane", HelpsWith = "college days and weekends out", StartedOn = today.AddDays(-120),
                    DbsCheckedOn = today.AddDays(-140), ReferencesCheckedOn = today.AddDays(-135), RightToWorkCheckedOn = today.AddDays(-135),
                    InsuranceUntil = today.AddDays(240), ContractSignedOn = today.AddDays(-125), TrainedOn = today.AddDays(-122),
                    Training = "First aid; autism awareness; Makaton",
                },
            ],
            SupportNeeded = Rules.SupportLevel.Medium,
            SupportInPlace = Rules.SupportLevel.Medium,
            RiskPlan = "Northshire's direct payment support service runs Jo's payroll and insurance. Grace helps Sam check his bank statement each month, and his key worker goes through the receipts with him every fortnight.",
            IsIsolated = false,
            WhoIsAround = "His mum Grace (a visit every week and calls most days), his friends at college, his key worker, and Beacon Advocacy.",
        };
        var plan = new Plan
        {
            OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, Kind = PlanKind.SupportPlan,
            Title = "Sam Adeyemi's support plan", Status = PlanStatus.InPlace, LatestVersion = 1, AgreedVersion = 1,
            ReviewDate = agreedOn.AddMonths(12), CreatedAt = agreedAt.AddDays(-7), CreatedById = manager.Id,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = Plans.PlanContents.ToJson(content),
            DraftedAt = plan.CreatedAt, DraftedById = manager.Id, AgreedAt = agreedAt, AgreedById = manager.Id,
        });
    }

    private void AddDemoIncidents(DateTime now, AppUser manager, AppUser careWorker, Person sam, Person joyce, RestrictivePractice samHold)
    {
        IncidentIntervention I(InterventionType type, DateTime start, int minutes, bool staffInjured = false) =>
            new() { Type = type, StartedAt = start, EndedAt = start.AddMinutes(minutes), InjuryToStaff = staffInjured };
        IncidentStaffMember Staff(AppUser user, string role) => new() { UserId = user.Id, Name = user.DisplayName, Role = role };

        var asAgreed = now.AddDays(-9).Date.AddHours(16);
        var outside = now.AddDays(-4).Date.AddHours(19).AddMinutes(20);
        var emergency = now.AddDays(-3).Date.AddHours(17).AddMinutes(5);
        var incidents = new[]
        {
            new Incident
            {
                OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, OccurredAt = asAgreed, Location = "Sam's bedroom",
                Kind = IncidentKind.Planned, PracticeId = samHold.Id, WithinAgreedGuidelines = true, Reason = InterventionReason.PreventSelfHarm,
                Antecedents = "Sam's college trip was cancelled at short notice; he became upset and went to his room.",
                EarlyWarningSigns = "Pacing, signing 'finish' repeatedly, covering his ears.",
                DeEscalation = "Offered his ear defenders and sensory box, and quiet time with one member of staff.",
                HowUsed = "Two-person standing hold for four minutes while Sam was hitting his head against the wall.",
                Outcome = "Sam calmed and chose to listen to music. No marks.", Interventions = [I(InterventionType.PhysicalStanding, asAgreed.AddMinutes(6), 4)],
                Staff = [Staff(careWorker, "Care worker"), new() { Name = "Joe Lane", Role = "Agency support worker" }],
                SubmissionKey = Guid.CreateVersion7(), RecordedById = careWorker.Id, RecordedAt = asAgreed.AddHours(1),
                DebriefHeld = true, DebriefNotes = "Using his symbol board Sam said the change of plan made him upset.",
                TherapeuticSupport = "Time with his keyworker and a walk the next morning.", CarePlanReviewNeeded = false,
                FollowUpRecordedAt = asAgreed.AddDays(1), FollowUpRecordedById = manager.Id,
                ManagerReviewedAt = asAgreed.AddDays(1), ManagerReviewedById = manager.Id, PersonTookPartInReview = true,
                ReviewAttendees = "Daniel Okafor (manager), Sam, Amira Khan, Grace Adeyemi (mother, by phone)",
                ReviewOutcome = "Used as agreed. Warn Sam earlier about changes to plans, with his symbol timetable.",
            },
            new Incident
            {
                OrganisationId = sam.OrganisationId, ServiceId = sam.ServiceId, PersonId = sam.Id, OccurredAt = outside, Location = "Hallway",
                Kind = IncidentKind.Planned, PracticeId = samHold.Id, WithinAgreedGuidelines = false, PracticeIneffective = true,
                CallsForEarlyReview = true, Reason = InterventionReason.PreventSelfHarm,
                Antecedents = "A new tenant moved in; the house was noisy all afternoon.", EarlyWarningSigns = "Hand biting, then hitting his head on the door frame.",
                DeEscalation = "Quiet space offered; his sensory box was not to hand.",
                HowUsed = "Standing hold; Sam fell and staff held him face down for about three minutes until he calmed.",
                Outcome = "Sam had a red mark on his forehead. A member of staff was scratched.",
                InjuryDetails = "Red mark on Sam's forehead; scratch to a staff member's arm.",
                Interventions = [I(InterventionType.PhysicalStanding, outside.AddMinutes(3), 2), I(InterventionType.PhysicalProne, outside.AddMinutes(5), 3, staffInjured: true)],
                Staff = [Staff(careWorker, "Care worker"), Staff(manager, "Service manager")],
                SubmissionKey = Guid.CreateVersion7(), RecordedById = careWorker.Id, RecordedAt = outside.AddHours(1),
            },
            new Incident
            {
                OrganisationId = joyce.OrganisationId, ServiceId = joyce.ServiceId, PersonId = joyce.Id, OccurredAt = emergency, Location = "Main road outside the home",
                Kind = IncidentKind.Emergency, Reason = InterventionReason.PreventAccidentalInjury,
                Antecedents = "Joyce left through the garden gate while it was open for a delivery and walked towards the main road.",
                DeEscalation = "Staff walked with her and talked about her family; she would not turn back as traffic approached.",
                HowUsed = "One member of staff held Joyce's arm and guided her back to the pavement and home: a restrictive escort of about six minutes.",
                Outcome = "Joyce was upset for an hour, then had tea with staff. No injury.",
                Interventions = [I(InterventionType.PhysicalRestrictiveEscort, emergency.AddMinutes(4), 6)],
                Staff = [Staff(careWorker, "Care worker")],
                SubmissionKey = Guid.CreateVersion7(), RecordedById = careWorker.Id, RecordedAt = emergency.AddMinutes(50),
            },
        };
        db.Incidents.AddRange(incidents);
        db.IncidentReflections.Add(new IncidentReflection
        {
            OrganisationId = sam.OrganisationId, IncidentId = incidents[0].Id, UserId = careWorker.Id, WrittenAt = asAgreed.AddHours(3),
            Text = "I noticed the signs late because I was busy with the cancelled trip. Next time I will tell Sam about changes first.",
        });
        db.IncidentNotifications.Add(new IncidentNotification
        {
            OrganisationId = joyce.OrganisationId, IncidentId = incidents[2].Id, Recipient = NotificationRecipient.SeniorManager, Told = true,
            ToldAt = incidents[2].RecordedAt, RecordedAt = incidents[2].RecordedAt, Details = "Told in Proportion when the incident was recorded (1 senior manager)",
        });
        db.Notifications.Add(new Notification
        {
            OrganisationId = joyce.OrganisationId, UserId = careWorker.Id, CreatedAt = incidents[2].RecordedAt, Link = links.IncidentReflection(incidents[2].Id),
            Message = $"Write your reflection on the incident with {joyce.FullName} on {UkTime.Format(emergency)}.",
        });
    }

    /// <summary>
    /// Two years of history at Riverside Lodge, so its charts (R14) have something to say: George was
    /// restrained a few times most weeks until a reduction plan 34 weeks ago roughly halved it, marked on the
    /// service's charts as a change; in the last 8 weeks it has risen again, a special cause of concern.
    /// Eileen, whom Northshire funds, has the odd escort, so the council's chart has a little to count. Each
    /// incident is reviewed and followed up, and the staff named are agency staff, so none is a task today.
    /// Riverside, not Oakfield, so the counts Oakfield's pages and tests show are unchanged.
    /// </summary>
    /// <summary>
    /// R19: a restriction reduction plan in place for Eileen's bed rails at Riverside Lodge, agreed six weeks ago,
    /// whose first step (rails raised for fewer hours) was achieved a fortnight ago: the practice was narrowed
    /// through a new agreed decision, and the reduction is counted. Riverside, so Oakfield's counts are unchanged.
    /// </summary>
    private void AddDemoReductionPlan(DateTime now, DateOnly today, AppUser lodgeManager, Person eileen)
    {
        var rails = db.Practices.Local.Single(p => p.PersonId == eileen.Id && p.Description == "Bed rails raised at night");
        var agreedAt = now.AddDays(-42);
        var takenOn = today.AddDays(-14);
        var takenAt = now.AddDays(-14);
        var fewerHours = new Plans.Reduction.ReductionStep
        {
            Description = "Rails down until midnight, with a low bed and a crash mat beside it", PlannedOn = today.AddDays(-28),
            SuccessCriteria = "Four weeks with no falls from bed, and Eileen says she still feels safe",
            Support = "Night staff check every hour until midnight", Change = Plans.Reduction.StepChange.ReduceHours,
            NewDescription = "Bed rails raised from midnight to 6am",
            NewWhenMayBeUsed = "Raise the rails at midnight if Eileen is in bed; lower them at 6am or whenever she asks.",
            NewWhenMustNotBeUsed = "Never before midnight, and never when Eileen asks for them down.",
        };
        var end = new Plans.Reduction.ReductionStep
        {
            Description = "No rails: the low bed and crash mat all night", PlannedOn = today.AddDays(42),
            SuccessCriteria = "Eight weeks with no falls from bed", Change = Plans.Reduction.StepChange.EndPractice,
        };
        var plan = new Plan
        {
            OrganisationId = eileen.OrganisationId, ServiceId = eileen.ServiceId, PersonId = eileen.Id, Kind = PlanKind.Reduction,
            Title = "Reduce: Bed rails raised at night", PracticeId = rails.Id, Status = PlanStatus.InPlace, AgreedVersion = 1,
            ReviewDate = today.AddDays(30), CreatedAt = agreedAt.AddDays(-3), CreatedById = lodgeManager.Id,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = plan.CreatedAt, DraftedById = lodgeManager.Id,
            AgreedAt = agreedAt, AgreedById = lodgeManager.Id,
            Content = Plans.PlanContents.ToJson(new Plans.Reduction.ReductionContent
            {
                OriginalRestriction = "Bed rails raised at night", RationaleForChange = "No falls for three months; Eileen says the rails make her feel shut in late in the evening.",
                Stages = [fewerHours, end],
                Safeguards = "Low bed and crash mat; hourly checks until midnight; sensor mat if she is restless.",
                ReviewArrangements = "The nurse in charge reviews each step with Eileen every two weeks; step back if she falls.",
                CoProduction = "Agreed with Eileen in her room, and with her niece Janet by phone.",
                ProportionalityAssessment = "The risk of a fall from a low bed onto a mat is small; Eileen gains the evenings free of rails she dislikes.",
                SafeguardingAssessment = "Night staff know the plan; any fall is recorded and the step reviewed at once.",
            }),
        });
        var outcome = new StageOutcome
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, StageId = fewerHours.Id, VersionNumber = 1, TakenOn = takenOn,
            Result = StageResult.Achieved, Notes = "Four weeks with no falls; Eileen says she likes reading in bed without the rails.",
            RecordedAt = takenAt, RecordedById = lodgeManager.Id,
        };
        db.StageOutcomes.Add(outcome);
        db.Decisions.Add(new PracticeDecision
        {
            OrganisationId = rails.OrganisationId, ServiceId = rails.ServiceId, PersonId = rails.PersonId, PracticeId = rails.Id, Number = 1,
            Status = DecisionStatus.Agreed, Risk = rails.ProposalReason, ReviewDate = rails.ReviewDate,
            ChangeReason = $"Step 1 of the restriction reduction plan “{plan.Title}” (version 1) was achieved on {UkTime.Format(takenOn)}: {outcome.Notes}",
            WhenMayBeUsed = fewerHours.NewWhenMayBeUsed, WhenMustNotBeUsed = fewerHours.NewWhenMustNotBeUsed,
            CreatedAt = takenAt, UpdatedAt = takenAt, AgreedAt = takenAt, CreatedById = lodgeManager.Id,
            SignOffs = [new DecisionSignOff { Role = Rules.SignOffRole.ServiceManager, Name = lodgeManager.DisplayName, UserId = lodgeManager.Id, At = takenAt }],
        });
        db.PracticeReductions.Add(new PracticeReduction
        {
            OrganisationId = plan.OrganisationId, ServiceId = plan.ServiceId, PersonId = eileen.Id, PracticeId = rails.Id, PlanId = plan.Id,
            StageId = fewerHours.Id, StageOutcomeId = outcome.Id, Kind = ReductionKind.HoursReduced, AchievedOn = takenOn,
            WhatChanged = $"{rails.Description} → {fewerHours.NewDescription}", RecordedAt = takenAt, RecordedById = lodgeManager.Id,
        });
        rails.Description = fewerHours.NewDescription;
    }

    private void AddDemoRestraintHistory(DateTime now, DateOnly today, AppUser lodgeManager, Person george, Person eileen)
    {
        const int weeks = 104;
        const int planWeeksAgo = 34;
        const int riseWeeksAgo = 8;
        var thisMonday = Periods.StartOf(today, ChartPeriod.Week);
        for (var ago = weeks; ago >= 1; ago--)
        {
            var monday = thisMonday.AddDays(-7 * ago);
            // A fixed scatter, so the demo is the same every time: 0 to 4 over and above each stage's base.
            var scatter = (ago * 7 + ago / 3) % 5;
            var georgeCount = ago > planWeeksAgo ? 1 + scatter : ago > riseWeeksAgo ? scatter / 2 : 4 + scatter / 2;
            for (var n = 0; n < georgeCount; n++)
            {
                AddHistoricIncident(george, monday.AddDays((n * 2 + ago) % 7), 15 + n, lodgeManager, n % 3 == 0 ? InterventionType.PhysicalStanding : InterventionType.PhysicalRestrictiveEscort);
            }
            if (ago % 5 == 0)
            {
                AddHistoricIncident(eileen, monday.AddDays(2), 11, lodgeManager, InterventionType.PhysicalRestrictiveEscort);
            }
        }
        db.ChartChanges.Add(new ChartChange
        {
            OrganisationId = george.OrganisationId, SubjectKind = ChartSubjectKind.Service, SubjectId = george.ServiceId,
            Date = thisMonday.AddDays(-7 * planWeeksAgo), Description = "New reduction plan", MarkedById = lodgeManager.Id, MarkedAt = now,
        });
    }

    /// <summary>
    /// R25: George's positive behaviour support plan, agreed three weeks ago, whose reactive strategies use his one
    /// agreed practice (a supportive standing hold, with its guidelines). The emergencies since then (the
    /// restraint history above) say it is not working, so the plan shows as needing review now.
    /// </summary>
    private void AddDemoBehaviourSupport(DateTime now, DateOnly today, AppUser lodgeManager, Person george)
    {
        var hold = new RestrictivePractice
        {
            OrganisationId = george.OrganisationId, ServiceId = george.ServiceId, PersonId = george.Id, Category = PracticeCategory.PhysicalRestraint,
            Description = "Two staff support George back to his chair with a standing arm hold when he stands without his frame and is about to fall",
            Kind = PracticeKind.Reactive, Status = PracticeStatus.Agreed, StartDate = today.AddDays(-40), ReviewDate = today.AddDays(50),
            ProposalReason = "George has fallen twice when standing quickly without his walking frame.", CreatedAt = now, CreatedById = lodgeManager.Id,
        };
        db.Practices.Add(hold);
        db.Decisions.Add(new PracticeDecision
        {
            OrganisationId = hold.OrganisationId, ServiceId = hold.ServiceId, PersonId = hold.PersonId, PracticeId = hold.Id,
            Status = DecisionStatus.Agreed, Risk = hold.ProposalReason, ReviewDate = hold.ReviewDate, CreatedAt = now, UpdatedAt = now, CreatedById = lodgeManager.Id,
            WhenMayBeUsed = "Only when George is standing without his frame, unsteady and about to fall, and offering the frame and an arm has not helped.",
            WhenMustNotBeUsed = "Never to keep George in his chair or stop him going where he wants to go. Let go as soon as he is steady or seated.",
            OthersRightsProtection = "Affects nobody else.",
            AgreedAt = DateTime.SpecifyKind(hold.StartDate.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc),
        });
        var agreedAt = now.AddDays(-21);
        var plan = new Plan
        {
            OrganisationId = george.OrganisationId, ServiceId = george.ServiceId, PersonId = george.Id, Kind = PlanKind.BehaviourSupport,
            Title = "Supporting George to move about safely when he is anxious", Status = PlanStatus.InPlace, LatestVersion = 1, AgreedVersion = 1,
            ReviewDate = today.AddDays(70), CreatedAt = agreedAt.AddDays(-7), CreatedById = lodgeManager.Id,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = plan.CreatedAt, DraftedById = lodgeManager.Id,
            AgreedAt = agreedAt, AgreedById = lodgeManager.Id,
            Content = Plans.PlanContents.ToJson(new Plans.BehaviourSupport.BehaviourSupportContent
            {
                WhatTheBehaviourCommunicates = "When George stands up suddenly and heads for the door he is usually anxious: looking for his wife, needing the toilet, or wanting to get away from a noisy lounge.",
                PreventionEnvironment = "A quieter corner of the lounge with his own chair, the television low, and his frame always within reach.",
                PreventionActivity = "Offer the toilet every two hours, a walk in the corridor with his frame after meals, and time with his photographs in the afternoon.",
                PreventionSkills = "George is practising standing with his frame with the physiotherapist, and using the call button when he wants to get up.",
                EarlyWarningResponses = "Signs: fidgeting, looking at the door, calling for Mary. Sit with him, speak slowly and quietly (his speech is quiet: allow time), offer his frame and ask where he would like to go, then go with him.",
                ReactiveStrategies = "If George is standing without his frame and about to fall, two staff support him with the agreed standing arm hold back to his chair, for as short a time as possible, talking to him throughout.",
                ReactivePracticeIds = [hold.Id],
                SupportAfterAnIncident = "Check for injury, stay with George with a cup of tea until he is settled, and tell his daughter. Staff talk it through at handover and record what led up to it.",
            }),
        });
    }

    private void AddHistoricIncident(Person person, DateOnly day, int hour, AppUser reviewer, InterventionType type)
    {
        var at = UkTime.ToUtc(day, new TimeOnly(hour, 10)) ?? day.ToDateTime(new TimeOnly(hour, 10), DateTimeKind.Utc);
        db.Incidents.Add(new Incident
        {
            OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, OccurredAt = at, Location = "Lounge",
            Kind = IncidentKind.Emergency, Reason = InterventionReason.PreventAccidentalInjury,
            Antecedents = $"{person.GivenName} stood up to leave the lounge without a walking frame and was unsteady.",
            DeEscalation = "Staff offered the frame and an arm, and talked about where they wanted to go.",
            HowUsed = "Staff held an arm and guided them back to a chair for a few minutes.",
            Outcome = "Settled with a cup of tea. No injury.",
            Interventions = [new IncidentIntervention { Type = type, StartedAt = at.AddMinutes(2), EndedAt = at.AddMinutes(2 + (type == InterventionType.PhysicalStanding ? 3 : 5)) }],
            Staff = [new IncidentStaffMember { Name = "Agency nurse", Role = "Agency staff" }],
            SubmissionKey = Guid.CreateVersion7(), RecordedById = reviewer.Id, RecordedAt = at.AddHours(1),
            DebriefHeld = true, DebriefNotes = "Talked it through once settled.", TherapeuticSupport = "Time with a familiar member of staff.",
            CarePlanReviewNeeded = false, FollowUpRecordedAt = at.AddHours(20), FollowUpRecordedById = reviewer.Id,
            ManagerReviewedAt = at.AddHours(30), ManagerReviewedById = reviewer.Id, PersonTookPartInReview = false,
            ReviewAttendees = reviewer.DisplayName, ReviewOutcome = "Falls prevention plan followed; no change needed.",
        });
    }

    /// <summary>
    /// Training for the two Oakfield staff who appear on incidents: the care worker's restrictive
    /// intervention training is certified and in date; the manager's lapsed last month, so R15 flags him.
    /// </summary>
    private void AddDemoTraining(DateTime now, DateOnly today, AppUser manager, AppUser careWorker)
    {
        TrainingRecord T(AppUser user, TrainingCourse course, int completedDaysAgo, RrnCertification? certification = null, int certificateDays = 0) => new()
        {
            OrganisationId = user.OrganisationId, UserId = user.Id, Course = course, CompletedOn = today.AddDays(-completedDaysAgo),
            ExpiresOn = today.AddDays(-completedDaysAgo).AddYears(1), RecordedById = manager.Id, RecordedAt = now,
            Provider = course == TrainingCourse.RestrictiveInterventions ? "Safer Support Training (Bild ACT certified)" : null,
            Certification = certification, CertificateExpiresOn = certification is null ? null : today.AddDays(certificateDays),
        };
        db.TrainingRecords.AddRange(
            T(careWorker, TrainingCourse.RestrictiveInterventions, 100, RrnCertification.Certified, 700),
            T(careWorker, TrainingCourse.SafeguardingAdults, 200),
            T(careWorker, TrainingCourse.MentalCapacityAct, 400),
            T(careWorker, TrainingCourse.PositiveBehaviourSupport, 330),
            T(manager, TrainingCourse.RestrictiveInterventions, 395, RrnCertification.Certified, 700),
            T(manager, TrainingCourse.SafeguardingAdults, 60),
            T(manager, TrainingCourse.MentalCapacityAct, 90),
            T(manager, TrainingCourse.DeprivationOfLiberty, 90));
    }

    /// <summary>The roles exist in every database, demo or not.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole { Name = role });
            }
        }
    }

    private async Task<AppUser> AddUserAsync(string email, string name, Organisation organisation, string role, params Service[] services)
    {
        var user = new AppUser
        {
            DisplayName = name, UserName = email, Email = email, EmailConfirmed = true,
            OrganisationId = organisation.Id, LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        foreach (var service in services)
        {
            db.ServiceAssignments.Add(new ServiceAssignment { UserId = user.Id, ServiceId = service.Id, OrganisationId = organisation.Id });
        }
        return user;
    }

    /// <summary>
    /// Peggy's door lock was reviewed a month ago (RP2A): it continues, reducing it was considered, and
    /// the next review is in four months, so the demo shows a completed review and no R18 flag on it.
    /// </summary>
    private void AddPeggysDoorReview(RestrictivePractice door, AppUser manager, DateOnly today)
    {
        var heldOn = today.AddDays(-30);
        door.ReductionConsideredOn = heldOn;
        var at = DateTime.SpecifyKind(heldOn.ToDateTime(new TimeOnly(15, 0)), DateTimeKind.Utc);
        db.Reviews.Add(new PracticeReview
        {
            OrganisationId = door.OrganisationId, ServiceId = door.ServiceId, PersonId = door.PersonId, PracticeId = door.Id, Number = 1,
            Status = ReviewStatus.Completed, DueOn = heldOn.AddDays(10), HeldOn = heldOn,
            RiskContinues = true, RiskContinuesEvidence = "Peggy tried the front door at night three times this month.",
            MeasuresEffective = true, MeasuresEffectiveEvidence = "She has not left the building unaccompanied since the lock was agreed.",
            StillLeastRestrictive = true, StillLeastRestrictiveEvidence = "The garden door is open all day; a door alarm alone was tried and did not stop her leaving at night.",
            QualityOfLifeImpact = "She walks to the shops with staff most mornings and sits in the garden in the afternoons.",
            PersonView = "\"I like my walks. I don't like being told no.\"", ViewGatheredBy = CommunicationMethods.Speech | CommunicationMethods.Observation,
            PersonTookPart = true, PersonParticipation = "Peggy joined the review in the lounge for twenty minutes.",
            FamilyAndAdvocates = "Her son Michael Hughes, who holds a health and welfare LPA.", OtherAgencies = "Northshire social worker by phone.",
            Justifiable = true, JustifiableEvidence = "Agreed again as in her best interests; she is safer and still goes out daily.",
            PotentialDeprivationOfLiberty = true, DeprivationOfLibertyEvidence = "Part of her authorised deprivation of liberty.",
            BalanceJustifiable = true, BalanceEvidence = "Staff walk with her whenever she asks, day or night.",
            SafeguardsAdequate = true, SafeguardsEvidence = "Every time the door stops her is logged and read by the manager weekly.",
            ReductionConsidered = true, ReductionDetail = "Leaving the door unlocked during the day with a door alarm was discussed; to be tried next month.",
            Outcome = ReviewOutcome.Continue, OutcomeReasons = "Still needed at night; a daytime trial without the lock is planned.",
            NextReviewDate = door.ReviewDate, CarePlanUpdated = true,
            Signatures = [new ReviewSignature { Name = "Michael Hughes", SignedAs = "Son, health and welfare attorney", Method = SignatureMethod.InPerson,
                SignedOn = heldOn, RecordedById = manager.Id, RecordedAt = at }],
            CreatedAt = at, UpdatedAt = at, CompletedAt = at, CompletedById = manager.Id, CreatedById = manager.Id,
        });
    }

    /// <summary>
    /// R12: what each demo practice restricts, so the blanket-rule check compares like with like. The two
    /// ended practices were recorded before it was asked, and show "Not recorded", as old records do.
    /// </summary>
    private static void SayWhatEachPracticeRestricts(IEnumerable<RestrictivePractice> practices)
    {
        (RestrictedThing, string?)? WhatItRestricts(string description) => description switch
        {
            _ when description.StartsWith("Front door has a key-code lock", StringComparison.Ordinal) => (RestrictedThing.FrontDoor, null),
            _ when description.StartsWith("Sensor mat", StringComparison.Ordinal) || description.StartsWith("Bed rails", StringComparison.Ordinal)
                => (RestrictedThing.GettingOutOfBed, null),
            _ when description.StartsWith("Kitchen locked", StringComparison.Ordinal) => (RestrictedThing.Kitchen, null),
            _ when description.StartsWith("One-to-one support when walking", StringComparison.Ordinal) => (RestrictedThing.GoingOut, null),
            _ when description.StartsWith("Internet access", StringComparison.Ordinal) => (RestrictedThing.InternetOrPhone, null),
            _ when description.StartsWith("Money held by staff", StringComparison.Ordinal) => (RestrictedThing.Money, null),
            _ when description.StartsWith("Blood pressure medicine given covertly", StringComparison.Ordinal) => (RestrictedThing.SomethingElse, "Choosing whether to take medicines"),
            _ when description.StartsWith("Audio monitor", StringComparison.Ordinal) => (RestrictedThing.SomethingElse, "Privacy in the bedroom"),
            _ when description.StartsWith("Lap strap", StringComparison.Ordinal) => (RestrictedThing.SomethingElse, "Moving in the wheelchair"),
            _ when description.StartsWith("Two-person standing hold", StringComparison.Ordinal) || description.StartsWith("Holding Ravi's hands", StringComparison.Ordinal)
                => (RestrictedThing.SomethingElse, "Moving freely (a hold)"),
            _ => null,
        };
        foreach (var practice in practices)
        {
            if (practice.Status != PracticeStatus.Ended && WhatItRestricts(practice.Description) is { } what)
            {
                (practice.RestrictedThing, practice.RestrictedThingInOwnWords) = what;
                practice.SameRestrictionKey = Rules.BlanketRule.SameRestrictionKey(what.Item1, what.Item2);
            }
        }
    }

    /// <summary>
    /// R24: George's risk assessment, agreed with him, with risks in every band of the matrix, each linked to
    /// the practice it explains (three practices in Riverside Lodge, none the same as Eileen's) and to his
    /// recent incidents, so the matrix, the person's page and each practice's page have something to show.
    /// </summary>
    private void AddGeorgesRiskAssessment(DateTime now, DateOnly today, AppUser lodgeManager, Person george)
    {
        RestrictivePractice Practice(PracticeCategory category, string description, PracticeKind kind, int startedDaysAgo, int reviewInDays, string reason, string restricts) => new()
        {
            OrganisationId = george.OrganisationId, ServiceId = george.ServiceId, PersonId = george.Id, Category = category,
            Description = description, Kind = kind, Status = PracticeStatus.Agreed, StartDate = today.AddDays(-startedDaysAgo),
            ReviewDate = today.AddDays(reviewInDays), ProposalReason = reason, CreatedAt = now, CreatedById = lodgeManager.Id,
            RestrictedThing = RestrictedThing.SomethingElse, RestrictedThingInOwnWords = restricts,
            SameRestrictionKey = Rules.BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, restricts),
        };
        var guiding = Practice(PracticeCategory.PhysicalRestraint, "Guiding George back to his chair by the arm when he stands unsteadily without his frame",
            PracticeKind.Reactive, 240, 20, "George has fallen twice this year when standing without his frame.", "Moving freely (a hold)");
        var stairGate = Practice(PracticeCategory.EnvironmentalRestraint, "Stair gate kept closed; staff open it and walk up and down the stairs with George",
            PracticeKind.Planned, 140, 40, "George fell on the stairs in the spring and his balance on stairs is worse in the evening.", "Using the stairs alone");
        var drinks = Practice(PracticeCategory.RestrictionOfChoice, "Staff make George's hot drinks when his tremor is bad",
            PracticeKind.Planned, 60, 120, "George scalded his hand pouring from the kettle during a bad spell.", "Making hot drinks");
        db.Practices.AddRange(guiding, stairGate, drinks);
        var recent = db.Incidents.Local.Where(i => i.PersonId == george.Id).OrderByDescending(i => i.OccurredAt).Take(3).Select(i => i.Id).ToList();
        var content = new Plans.RiskAssessments.RiskAssessmentContent
        {
            HowThePersonTookPart = "George talked through each risk with his key worker, Sarah Lewis, over two afternoons, with time to answer as his speech is quiet. "
                + "The physiotherapist joined for the falls risks. His own words are quoted as he said them.",
            Risks =
            [
                new()
                {
                    WhatCouldHappen = "Falls when standing up without his frame", Activity = "Getting up from his chair and walking about the lounge",
                    Likelihood = 4, Impact = 4, ResidualLikelihood = 3, ResidualImpact = 3,
                    Benefits = "Moving about when he chooses keeps his strength and his independence; he hates waiting to be helped.",
                    Harms = "A fall could break his hip; he has fallen twice this year.",
                    PersonsView = "\"I'd rather fall than sit all day.\" George wants to walk to the garden on his own.",
                    WhatReducesIt = "His frame always within reach, a chair raiser, physiotherapy exercises each morning, and staff nearby in the afternoons when he is stiffest. Guiding him back by the arm only if he is about to fall.",
                    PracticeIds = [guiding.Id], IncidentIds = recent,
                },
                new()
                {
                    WhatCouldHappen = "Falling on the stairs", Activity = "Going up to his bedroom, especially in the evening",
                    Likelihood = 3, Impact = 5, ResidualLikelihood = 1, ResidualImpact = 5,
                    Benefits = "His bedroom is where his photographs and radio are; going up when he wants matters to him.",
                    Harms = "A fall on the stairs could cause a serious head injury.",
                    PersonsView = "George agrees to the gate in the evening but not in the morning, when he feels steadier. He asked for this to be looked at again at the review.",
                    WhatReducesIt = "Stair gate kept closed; staff walk with him on the stairs; a second handrail has been fitted. A ground-floor room was offered and George said no.",
                    PracticeIds = [stairGate.Id],
                },
                new()
                {
                    WhatCouldHappen = "Scalds while making hot drinks", Activity = "Making tea in the lounge kitchenette",
                    Likelihood = 3, Impact = 3, ResidualLikelihood = 2, ResidualImpact = 2,
                    Benefits = "Making tea for himself and his visitors is something he has always done and is proud of.",
                    Harms = "A scald to his hands or legs if his tremor is bad.",
                    PersonsView = "\"I've made my own tea for sixty years.\" He is happy for staff to help on bad days if he is asked first.",
                    WhatReducesIt = "A kettle tipper and an insulated mug with a lid; staff make drinks only when his tremor is bad, and ask him first.",
                    PracticeIds = [drinks.Id],
                },
                new()
                {
                    WhatCouldHappen = "Choking on food", Activity = "Meals in the dining room",
                    Likelihood = 2, Impact = 4, ResidualLikelihood = 1, ResidualImpact = 3,
                    Benefits = "Eating what he enjoys at the table with the others.",
                    Harms = "Parkinson's affects his swallow; food could go down the wrong way.",
                    PersonsView = "George is glad of the softer diet as long as he can still have his Sunday roast, cut small.",
                    WhatReducesIt = "The speech and language therapist's advice: a soft and bite-sized diet, sitting upright, small mouthfuls, and staff in the dining room at every meal.",
                },
            ],
        };
        var agreedAt = now.AddDays(-30);
        var plan = new Plan
        {
            OrganisationId = george.OrganisationId, ServiceId = george.ServiceId, PersonId = george.Id, Kind = PlanKind.RiskAssessment,
            Title = "Risk assessment", Status = PlanStatus.InPlace, LatestVersion = 1, AgreedVersion = 1, ReviewDate = today.AddDays(60),
            CreatedAt = agreedAt.AddDays(-7), CreatedById = lodgeManager.Id,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = Plans.PlanContents.ToJson(content),
            DraftedAt = plan.CreatedAt, DraftedById = lodgeManager.Id, AgreedAt = agreedAt, AgreedById = lodgeManager.Id,
        });
    }
}
