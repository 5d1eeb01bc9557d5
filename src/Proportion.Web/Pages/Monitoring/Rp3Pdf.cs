using Proportion.Core.Model;
using Proportion.Core.Monitoring;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Monitoring;

/// <summary>
/// A service's monitoring or audit on paper (form RP3): what the rules found for each practice in place
/// (the columns of <see cref="MonitoringChecks.Columns"/>, so a new check prints without a change here),
/// the auditor's notes and findings, the actions and how they were followed up, and lines to sign.
/// </summary>
public static class Rp3Pdf
{
    public const string FormName = "Service monitoring and audit (form RP3)";

    public static byte[] Build(ServiceMonitoring m, Service service, IReadOnlyList<MonitoringPracticeCheck> checks, DateOnly today, FormHeader header)
    {
        var kind = MonitoringPageModel.KindName(m.Kind);
        var pdf = new PrintedForm(header, $"RP3: {kind}, {service.Name}");
        pdf.Title($"{kind} (form RP3)");
        pdf.Answer("Service", service.Name);
        pdf.Answer("Status", m.Status == MonitoringStatus.Completed ? "Signed off" : "In progress: not signed off yet");
        pdf.Answer("Due by", $"{UkTime.Format(m.DueOn)} (every {MonitoringDue.IntervalMonths(m.Kind)} months, {MonitoringDue.Source(m.Kind)})");
        pdf.Answer("Started", UkTime.Format(m.CreatedAt));
        if (m.Status == MonitoringStatus.Completed)
        {
            pdf.Answer("Signed off by", $"{m.CompletedByName}, {UkTime.Format(m.CompletedOn)}");
            pdf.Answer("Works in the service", (m.CompletedByWorksInService ? "Yes" : "No")
                + (m.Kind == MonitoringKind.SeniorAudit ? " (§8.3: ideally someone from outside the service)" : ""));
        }

        pdf.Heading("The practices in place");
        pdf.Paragraph("What Proportion found for each practice in place when the check began (§8.7).");
        if (checks.Count == 0)
        {
            pdf.Paragraph("There were no restrictive practices in place in the service.");
        }
        else
        {
            pdf.Table([("Person and practice", 3), .. MonitoringChecks.Columns.Select(c => ($"{c.Name} ({c.Source})", 1.0))],
                checks.Select(c => (IReadOnlyList<string>)[$"{c.PersonName}: {c.Description} ({Display.Name(c.Status)})", .. MonitoringChecks.Columns.Select(col => col.Passed(c) ? "Yes" : "No")]));
        }

        pdf.Heading("Notes on each practice");
        var noted = checks.Where(c => !string.IsNullOrWhiteSpace(c.AuditorNote)).ToList();
        foreach (var c in noted)
        {
            pdf.Answer($"{c.PersonName}: {c.Description}", c.AuditorNote);
        }
        if (noted.Count == 0)
        {
            pdf.Paragraph("No notes.");
        }
        pdf.Heading("Findings");
        pdf.Paragraph(m.Findings ?? "None recorded.");

        pdf.Heading("Actions");
        if (m.Actions.Count == 0)
        {
            pdf.Paragraph("No actions have been set.");
        }
        else
        {
            pdf.Table([("What must be done", 3), ("Who", 1.4), ("Due by", 1.2), ("Done", 2.4)],
                m.Actions.Select(a => (IReadOnlyList<string>)[a.What, a.Owner, UkTime.Format(a.DueOn),
                    a.DoneOn is { } done ? $"{UkTime.Format(done)}, {a.DoneByName}: {a.DoneNote}"
                    : m.Status != MonitoringStatus.Completed ? "" : a.DueOn < today ? "Overdue" : "Not done yet"]));
        }

        pdf.Heading("Signatures");
        pdf.SignatureLines([(m.Kind == MonitoringKind.SeniorAudit ? "Senior manager who audited the service" : "Manager who monitored the service", m.CompletedByName)]);
        return pdf.ToBytes();
    }
}
