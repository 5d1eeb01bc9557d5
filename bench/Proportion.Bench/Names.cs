using Proportion.Core.Model;

namespace Proportion.Bench;

/// <summary>Word lists for plausible generated records: enough variety that sorting and indexes are exercised.</summary>
internal static class Names
{
    public static readonly string[] Given =
    [
        "Margaret", "Arthur", "Doris", "Stanley", "Edna", "Joyce", "Samuel", "Chloe", "Liam", "Ravi", "Eileen", "George",
        "Amira", "Daniel", "Helen", "Robert", "Grace", "Priya", "Tom", "Fiona", "Sarah", "Peter", "Ann", "James",
        "Mary", "John", "Patricia", "David", "Susan", "Michael", "Linda", "Paul", "Karen", "Mark", "Nicola", "Kevin",
        "Aisha", "Mohammed", "Fatima", "Oluwaseun", "Chen", "Wei", "Siobhan", "Callum", "Megan", "Rhys", "Bethan", "Dylan",
        "Zainab", "Imran", "Harpreet", "Gurpreet", "Kwame", "Abena", "Tomasz", "Agnieszka", "Ioana", "Mihai", "Niamh", "Sean",
    ];

    public static readonly string[] Family =
    [
        "Hughes", "Bennett", "Clarke", "Patel", "Morris", "Turner", "Adeyemi", "Harrison", "O'Connor", "Sharma", "Foster",
        "Whitaker", "Khan", "Okafor", "Price", "Ellis", "Mensah", "Shah", "Bradley", "Walsh", "Lewis", "Smith", "Jones",
        "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Wright",
        "Thompson", "Walker", "White", "Edwards", "Green", "Hall", "Wood", "Jackson", "Martin", "Hill", "Cooper", "Ward",
        "Begum", "Ali", "Hussain", "Singh", "Kaur", "Nowak", "Kowalski", "Popescu", "Murphy", "Kelly", "Byrne", "Chen",
        "Nguyen", "Owusu", "Boateng", "Campbell", "Stewart", "Macdonald", "Reid", "Fraser", "Lloyd", "Morgan", "Griffiths",
    ];

    public static readonly string[] Places =
    [
        "Oakfield", "Beech", "Riverside", "Meadow", "Willow", "Ashgrove", "Elm", "Hawthorn", "Cedar", "Larch", "Rowan",
        "Maple", "Brook", "Hillside", "Orchard", "Priory", "Church", "Station", "Mill", "Park",
    ];

    public static readonly string[] ServiceKinds = ["House", "Lodge", "Court", "Road", "Gardens", "Community Team", "Day Centre", "View"];

    public static readonly string[] Relationships = ["mother", "father", "daughter", "son", "sister", "brother", "niece", "friend", "advocate", "IMCA", "wife", "husband"];

    public static readonly string[] CommunicationNeeds =
    [
        "Living with dementia; understands short sentences best in the morning.",
        "Autistic; uses a symbol timetable and needs time to process questions.",
        "Deaf; British Sign Language user. Book an interpreter for meetings.",
        "Has a learning disability; reads easy read documents with support.",
        "Uses hearing aids; becomes distressed in busy rooms.",
        "Communicates through behaviour and some words; staff who know them well interpret.",
        "Partially sighted; prefers large print and to be addressed formally.",
        "English is a second language; an interpreter is needed for important decisions.",
    ];

    public static readonly string[] Reasons =
    [
        "Has left the building at night and was found on the main road.",
        "Several falls at night in the last two months.",
        "Self-injury causing bruising; positive behaviour support plan in place.",
        "Refuses medicine when distressed; the GP and pharmacist advised.",
        "Was financially exploited by an acquaintance.",
        "Two incidents of using the hob at night; other residents' access protected.",
        "Has slipped from the wheelchair during seizures.",
        "Staff asked for guidance after incidents near furniture.",
        "Becomes lost on familiar walks.",
    ];

    public static readonly string[] EndReasons =
    [
        "Not used for three months; stopped after review.",
        "Less restrictive alternative now in place.",
        "The person's needs changed; no longer needed.",
        "Moved to another service.",
    ];

    public static readonly string[] IncidentLocations = ["Lounge", "Bedroom", "Kitchen", "Garden", "Dining room", "Minibus", "High street", "Bathroom", "Hallway"];

    public static readonly string[] Antecedents =
    [
        "A change to the day's plan was announced at short notice.",
        "Another resident was shouting in the lounge.",
        "Asked to stop an activity to get ready for an appointment.",
        "Woke in pain and was disorientated.",
        "A visit from family was cancelled.",
    ];

    public static readonly string[] DeEscalation =
    [
        "Offered space and a quiet room; reduced demands; familiar staff spoke calmly.",
        "Distraction with a favourite activity; offered a drink; moved other residents away.",
        "Followed the positive behaviour support plan's green and amber strategies.",
    ];

    public static readonly string[] HowUsed =
    [
        "Held by two staff in a standing hold for three minutes, then released as they calmed.",
        "Guided by the arm away from the road to the pavement.",
        "As-required medicine offered and accepted, as the protocol describes.",
    ];

    public static readonly string[] Outcomes =
    [
        "Calm within ten minutes; no injury; rejoined the activity.",
        "Settled in their room with staff nearby; a small bruise to the forearm was checked.",
        "Calm after half an hour; spoke with their keyworker about what happened.",
    ];

    public static readonly string[] ReductionDetails =
    [
        "Trialled reducing it to nights only; not yet safe to stop.",
        "Considered ending it; the risk is lower, so it is now used only when out.",
        "Alternatives discussed with the family and the behaviour support team; none yet adequate.",
    ];

    public static readonly string[] Findings =
    [
        "Reviews held on time; two sets of guidelines need acknowledging by new staff.",
        "Good involvement of people and families; one decision lacked its alternatives.",
        "Practices proportionate; night staff asked for refresher training.",
    ];

    public static readonly Dictionary<PracticeCategory, string[]> Descriptions = new()
    {
        [PracticeCategory.PhysicalRestraint] = ["Two-person standing hold as a last resort", "Holding hands during a seizure to protect the head", "Guiding away from the road by the arm"],
        [PracticeCategory.MechanicalRestraint] = ["Bed rails raised at night", "Lap strap on wheelchair when travelling", "Harness in the minibus"],
        [PracticeCategory.ChemicalRestraint] = ["Lorazepam 0.5mg when very distressed (as required)", "Promethazine before dental appointments", "Risperidone reviewed by the psychiatrist"],
        [PracticeCategory.Seclusion] = ["Time in the quiet room with the door closed, staff outside", "Asked to stay in the bedroom during incidents"],
        [PracticeCategory.EnvironmentalRestraint] = ["Front door has a key-code lock; the code is not shared", "Medicines cupboard locked", "Kitchen knives kept locked away", "Window restrictors on the first floor"],
        [PracticeCategory.LongTermSegregation] = ["Lives in a separate flat within the service with staff support", "Meals taken apart from other residents"],
        [PracticeCategory.SurveillanceAndMonitoring] = ["Sensor mat beside the bed at night", "Audio monitor in the bedroom at night for seizures", "Door sensor alerting staff", "GPS tracker when out alone"],
        [PracticeCategory.RestrictionOfChoice] = ["Internet access limited to 9am to 9pm", "Money held by staff; a daily allowance to spend", "Kitchen locked between 10pm and 6am", "Cigarettes held by staff and given hourly"],
        [PracticeCategory.EnforcedSupervision] = ["One-to-one support when walking outside", "Two-to-one support in the community", "Within sight of staff at all times in the garden"],
        [PracticeCategory.CovertMedication] = ["Blood pressure medicine given covertly in yoghurt", "Antiepileptic medicine given covertly in juice"],
    };
}
