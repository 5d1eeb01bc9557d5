using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Incidents;

/// <summary>What the incident record prints besides the incident itself: read by the page, so the builder reads no database.</summary>
/// <param name="NameOf">A user's display name by id, "Unknown" when not found.</param>
public sealed record Cb1Facts(
    Incident Incident,
    string? PracticeDescription,
    IReadOnlyList<IncidentNotification> Notifications,
    IReadOnlyList<IncidentAmendment> Amendments,
    Func<Guid?, string> NameOf);

/// <summary>
/// One use of a restrictive intervention on paper (form CB1, the incident record and behaviour chart): when
/// and where, the practice used, what happened before, during and after, each intervention with its times
/// and injuries, the staff involved, who was told, the debrief and the manager's review, every fact as it
/// now stands with its corrections listed (R16), and lines to sign. Staff reflections are not printed: they
/// are written for the team's learning and only managers may read them all.
/// </summary>
public static class Cb1Pdf
{
    public const string FormName = "Incident record and behaviour chart (form CB1)";

    public static byte[] Build(Cb1Facts facts, FormHeader header)
    {
        var incident = facts.Incident;
        var person = incident.Person!;
        string? Current(string field) => IncidentRecords.CurrentValue(incident, facts.Amendments, field);
        void Amendable(PrintedForm form, string field)
        {
            var current = Current(field);
            if (current is not null || facts.Amendments.Any(a => a.Field == field))
            {
                form.Answer(IncidentAmendment.Amendable[field], current ?? "Removed by a correction");
            }
        }

        var pdf = new PrintedForm(header, $"CB1: {person.FullName}, {UkTime.Format(incident.OccurredAt)}");
        pdf.Title($"Incident on {UkTime.Format(incident.OccurredAt)} (form CB1)");
        pdf.Answer("Person", FormHeader.PersonLine(person));
        var flags = new[] { incident.IsProne ? "Prone restraint" : null, incident.IsRapidTranquillisation ? "Rapid tranquillisation" : null,
            incident.Kind == IncidentKind.Emergency ? "Emergency use" : null }.OfType<string>().ToList();
        if (flags.Count > 0)
        {
            pdf.Paragraph(string.Join("; ", flags), bold: true);
        }

        pdf.Heading("What happened");
        pdf.Answer("When", UkTime.Format(incident.OccurredAt));
        Amendable(pdf, nameof(Incident.Location));
        pdf.Answer("Planned or emergency", Display.Name(incident.Kind));
        if (incident.PracticeId is not null)
        {
            pdf.Answer("Agreed practice used", facts.PracticeDescription);
            pdf.Answer("Used only in the circumstances agreed", incident.WithinAgreedGuidelines switch { true => "Yes", false => "No", _ => null });
            pdf.Answer("Did the guidelines work?", incident.PracticeIneffective ? "No" : "Yes");
        }
        if (incident.ChangedCircumstances is not null)
        {
            pdf.Answer("What has changed for the person", incident.ChangedCircumstances);
        }
        if (incident.CallsForEarlyReview)
        {
            pdf.Answer("Review of the practice brought forward (R8)", EarlyReview.Reasons(incident));
        }
        pdf.Answer("Reason", Display.Name(incident.Reason));
        Amendable(pdf, nameof(Incident.ReasonDetail));
        Amendable(pdf, nameof(Incident.Antecedents));
        Amendable(pdf, nameof(Incident.EarlyWarningSigns));
        Amendable(pdf, nameof(Incident.DeEscalation));
        Amendable(pdf, nameof(Incident.HowUsed));
        Amendable(pdf, nameof(Incident.Outcome));
        Amendable(pdf, nameof(Incident.PersonCharacteristics));
        Amendable(pdf, nameof(Incident.InjuryDetails));
        var events = CqcNotification.Events(incident);
        pdf.Answer("Events CQC must be told of", events.Count == 0 ? "None of the events CQC must be told about" : string.Join("; ", events));
        Amendable(pdf, nameof(Incident.OthersInvolved));
        pdf.Answer("Recorded", $"{UkTime.Format(incident.RecordedAt)} by {facts.NameOf(incident.RecordedById)}");

        pdf.Heading("Interventions");
        pdf.Table([("Type", 3.2), ("Started", 1), ("Ended", 1.3), ("Minutes", 0.9), ("Injured", 1.6)],
            incident.Interventions.OrderBy(i => i.StartedAt).Select(i => (IReadOnlyList<string>)[
                Display.Name(i.Type) + (i.Type.IsProne() ? " (prone)" : "") + (i.Type.IsRapidTranquillisation() ? " (rapid tranquillisation)" : ""),
                UkTime.FormatTime(i.StartedAt),
                UkTime.FormatTime(i.EndedAt) + (UkTime.ToLondon(i.EndedAt).Date != UkTime.ToLondon(i.StartedAt).Date ? " (next day)" : ""),
                i.Minutes.ToString(),
                string.Join(", ", new[] { i.InjuryToPerson ? "The person" : null, i.InjuryToStaff ? "Staff" : null, i.InjuryToOthers ? "Someone else" : null }.OfType<string>().DefaultIfEmpty("No one")),
            ]));

        pdf.Heading("Staff involved");
        pdf.Table([("Name", 1), ("Role", 1)], incident.Staff.Select(s => (IReadOnlyList<string>)[s.Name, s.Role]));

        pdf.Heading("Who was told");
        foreach (var n in facts.Notifications)
        {
            pdf.Answer(Display.Name(n.Recipient), $"{(n.Told ? $"Told {UkTime.Format(n.ToldAt!.Value)}" : "Decided not to tell them")}: {n.Details}");
        }
        if (facts.Notifications.Count == 0)
        {
            pdf.Paragraph("Nothing recorded yet.");
        }

        pdf.Heading("Debrief and support");
        if (incident.FollowUpRecordedAt is { } followUp)
        {
            pdf.Answer("Debrief with the person", (incident.DebriefHeld == true ? "Held" : "Not held") + (incident.DebriefNotes is { } notes ? $". {notes}" : ""));
            pdf.Answer("Support offered afterwards", incident.TherapeuticSupport);
            pdf.Answer("Care plan needs review", (incident.CarePlanReviewNeeded == true ? "Yes" : "No") + (incident.CarePlanNotes is { } plan ? $": {plan}" : ""));
            pdf.Answer("Recorded", $"{UkTime.Format(followUp)} by {facts.NameOf(incident.FollowUpRecordedById)}");
        }
        else
        {
            pdf.Paragraph("Not recorded yet.");
        }

        pdf.Heading("Manager's review");
        if (incident.ManagerReviewedAt is { } reviewed)
        {
            pdf.Answer("Reviewed", $"{UkTime.Format(reviewed)} by {facts.NameOf(incident.ManagerReviewedById)}");
            pdf.Answer($"{person.KnownAs} took part", incident.PersonTookPartInReview switch { true => "Yes", false => "No", _ => null });
            pdf.Answer("Who took part", incident.ReviewAttendees);
            pdf.Answer("Discussion and outcomes", incident.ReviewOutcome);
        }
        else
        {
            pdf.Paragraph("Not reviewed yet." + (IncidentDuties.ManagerReviewDue(incident) is { } due ? $" Due by {UkTime.Format(due)}." : ""));
        }

        if (facts.Amendments.Count > 0)
        {
            pdf.Heading("Corrections");
            foreach (var a in facts.Amendments)
            {
                pdf.Paragraph($"{UkTime.Format(a.AmendedAt)}, {facts.NameOf(a.AmendedById)} corrected \"{IncidentAmendment.Amendable[a.Field]}\". It said: \"{a.Previous ?? "nothing"}\". Reason: {a.Reason}");
            }
        }

        pdf.Heading("Signatures");
        pdf.SignatureLines([
            ("Member of staff who recorded the incident", facts.NameOf(incident.RecordedById)),
            ("Manager who reviewed it", incident.ManagerReviewedById is null ? null : facts.NameOf(incident.ManagerReviewedById)),
        ]);
        return pdf.ToBytes();
    }
}
