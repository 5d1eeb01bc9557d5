using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Auditing;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

// One configuration per entity. Lengths come from the entities' constants, so the form validation
// and the column size cannot drift apart. Enums are stored as integers.

public sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("Organisations");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.SafeguardingHelpline).HasMaxLength(Organisation.HelplineMaxLength);
        // Organisations before migration 39 start at version 1, as new ones do.
        e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1).HasSentinel(0);
    }
}

public sealed class ServiceMapping : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> e)
    {
        e.ToTable("Services");
        e.Property(x => x.Name).HasMaxLength(Service.NameMaxLength);
        e.Property(x => x.CqcLocationId).HasMaxLength(Service.CqcLocationIdMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // LocalCouncilId has no foreign key: SQLite cannot add one to an existing table, and a council is never deleted.
        e.HasIndex(x => new { x.OrganisationId, x.Name });
    }
}

public sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("People");
        e.Property(x => x.GivenName).HasMaxLength(Person.NameMaxLength);
        e.Property(x => x.FamilyName).HasMaxLength(Person.NameMaxLength);
        e.Property(x => x.PreferredName).HasMaxLength(Person.NameMaxLength);
        e.Property(x => x.NhsNumber).HasMaxLength(10);
        e.Property(x => x.CommunicationNeeds).HasMaxLength(Person.CommunicationNeedsMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.FundingCouncil).WithMany().HasForeignKey(x => x.FundingCouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.SocialWorker).WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ServiceId, x.FamilyName });
        e.HasIndex(x => new { x.OrganisationId, x.FamilyName });
        e.HasIndex(x => x.FundingCouncilId);
        e.HasIndex(x => x.SocialWorkerId);
        e.Ignore(x => x.FullName);
        e.Ignore(x => x.KnownAs);
        // The NHS code, not a number: what an export or another system expects (ADR 0023).
        e.Property(x => x.Ethnicity).HasColumnName("EthnicCategory").HasMaxLength(EthnicCategories.CodeMaxLength)
            .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<EthnicCategory, string>(
                v => v.Code(), code => EthnicCategories.FromCode(code)));
        e.OwnsMany(x => x.Representatives, r =>
        {
            r.ToTable("Representatives");
            r.WithOwner().HasForeignKey("PersonId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Name).HasMaxLength(Representative.NameMaxLength);
            r.Property(x => x.Relationship).HasMaxLength(Representative.RelationshipMaxLength);
            r.Property(x => x.ContactDetails).HasMaxLength(Representative.ContactMaxLength);
            r.Property(x => x.AuthorityCovers).HasMaxLength(Representative.AuthorityCoversMaxLength);
        });
    }
}

public sealed class RestrictivePracticeMapping : IEntityTypeConfiguration<RestrictivePractice>
{
    public void Configure(EntityTypeBuilder<RestrictivePractice> e)
    {
        e.ToTable("RestrictivePractices");
        e.Property(x => x.Description).HasMaxLength(RestrictivePractice.DescriptionMaxLength);
        e.Property(x => x.ProposalReason).HasMaxLength(RestrictivePractice.ReasonMaxLength);
        e.Property(x => x.EndReason).HasMaxLength(RestrictivePractice.ReasonMaxLength);
        e.Property(x => x.RestrictedThingInOwnWords).HasMaxLength(RestrictivePractice.RestrictedThingInOwnWordsMaxLength);
        e.Property(x => x.SameRestrictionKey).HasMaxLength(RestrictivePractice.SameRestrictionKeyMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsInPlace);
        e.Ignore(x => x.StartedOn);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // The register reads by person; the service's open list (§8.2) reads by service and status. Reviews
        // due (R9) read by service or organisation, status and review date.
        e.HasIndex(x => new { x.PersonId, x.Status });
        e.HasIndex(x => new { x.ServiceId, x.Status, x.ReviewDate });
        e.HasIndex(x => new { x.OrganisationId, x.Status, x.ReviewDate });
        // R18 reads practices by organisation and status that started before a date and were not considered since.
        // Named, because the name EF makes is longer than PostgreSQL's 63 characters.
        e.HasIndex(x => new { x.OrganisationId, x.Status, x.StartDate, x.ReductionConsideredOn }).HasDatabaseName("IX_RestrictivePractices_ReductionNotConsidered");
    }
}

public sealed class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.RegistrationNumber).HasMaxLength(20);
        // A default, so the column could be added to a table that already has users.
        e.Property(x => x.MustChangePassword).HasDefaultValue(false);
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.OrganisationId);
        // One account per email the council's identity provider gives (ADR 0036), stored in capitals to match.
        e.Property(x => x.SignOnEmail).HasMaxLength(256);
        e.HasIndex(x => new { x.OrganisationId, x.SignOnEmail }).IsUnique();
    }
}

public sealed class ServiceAssignmentMapping : IEntityTypeConfiguration<ServiceAssignment>
{
    public void Configure(EntityTypeBuilder<ServiceAssignment> e)
    {
        e.ToTable("ServiceAssignments");
        e.HasKey(x => new { x.UserId, x.ServiceId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ServiceId);
    }
}

public sealed class InspectorGrantMapping : IEntityTypeConfiguration<InspectorGrant>
{
    public void Configure(EntityTypeBuilder<InspectorGrant> e)
    {
        e.ToTable("InspectorGrants");
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UserId, x.ExpiresAt });
        e.HasIndex(x => x.ServiceId);
    }
}

public sealed class AuditEventMapping : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.ToTable("AuditEvents");
        e.Property(x => x.UserName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.EntityType).HasMaxLength(50);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasIndex(x => new { x.PersonId, x.At });
        e.HasIndex(x => new { x.OrganisationId, x.At });
        // One entry per place in an organisation's chain: two sealers that raced could not both write a
        // sequence number, so a chain cannot fork even if the lease were lost mid-round (ADR 0012).
        e.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
        // Sealing sets the sequence once: the update applies only while it is still null.
        e.Property(x => x.Sequence).IsConcurrencyToken();
        e.Property(x => x.Hash).HasMaxLength(AuditChain.HashLength);
        // The sealer's queue: small, because sealed entries leave it within seconds.
        e.HasIndex(x => new { x.OrganisationId, x.At, x.Id }).HasDatabaseName("IX_AuditEvents_Unsealed").HasFilter("\"Sequence\" IS NULL");
    }
}

/// <summary>The data-protection package's own entity (ADR 0008); named here like every other table.</summary>
public sealed class DataProtectionKeyMapping : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> e)
    {
        e.ToTable("DataProtectionKeys");
    }
}

public sealed class UserSessionMapping : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.ToTable("UserSessions");
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Ending a user's other sessions finds their live ones.
        e.HasIndex(x => new { x.UserId, x.EndedAt });
    }
}

public sealed class UnsentFormMapping : IEntityTypeConfiguration<UnsentForm>
{
    public void Configure(EntityTypeBuilder<UnsentForm> e)
    {
        e.ToTable("UnsentForms");
        e.Property(x => x.Path).HasMaxLength(UnsentForm.PathMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // Expired ones are purged.
        e.HasIndex(x => x.ExpiresAt);
    }
}

public sealed class PracticeDecisionMapping : IEntityTypeConfiguration<PracticeDecision>
{
    public void Configure(EntityTypeBuilder<PracticeDecision> e)
    {
        e.ToTable("PracticeDecisions");
        foreach (var text in new[]
        {
            nameof(PracticeDecision.Risk), nameof(PracticeDecision.TriedBefore), nameof(PracticeDecision.ConsequencesOfUsing),
            nameof(PracticeDecision.ConsequencesOfNotUsing), nameof(PracticeDecision.Proportionality), nameof(PracticeDecision.PersonViews),
            nameof(PracticeDecision.RepresentativesViews), nameof(PracticeDecision.RepresentativesNotInvolvedReason),
            nameof(PracticeDecision.MultiDisciplinaryAdvice), nameof(PracticeDecision.CapacityEvidence),
            nameof(PracticeDecision.CouldRegainCapacity), nameof(PracticeDecision.HowTheyTookPart), nameof(PracticeDecision.WishesAndFeelings),
            nameof(PracticeDecision.BeliefsAndValues), nameof(PracticeDecision.ConsulteesViews), nameof(PracticeDecision.BestInterestsConclusion),
            nameof(PracticeDecision.WhenMayBeUsed), nameof(PracticeDecision.WhenMustNotBeUsed), nameof(PracticeDecision.OthersRightsProtection),
        })
        {
            e.Property<string?>(text).HasMaxLength(PracticeDecision.TextMaxLength);
        }
        e.Property(x => x.ChangeReason).HasMaxLength(1000);
        // The law on the decision (migration DecisionLaw).
        e.Property(x => x.LegalBasisDetail).HasMaxLength(1000);
        e.Property(x => x.CapacityAssessorName).HasMaxLength(100);
        e.Property(x => x.CapacityAssessorRole).HasMaxLength(100);
        foreach (var text in new[]
        {
            nameof(PracticeDecision.UnderstandEvidence), nameof(PracticeDecision.RetainEvidence), nameof(PracticeDecision.UseOrWeighEvidence),
            nameof(PracticeDecision.CommunicateEvidence), nameof(PracticeDecision.ImpairmentDescription), nameof(PracticeDecision.PracticableStepsTaken),
            nameof(PracticeDecision.AttorneyDecision),
        })
        {
            e.Property<string?>(text).HasMaxLength(PracticeDecision.TextMaxLength);
        }
        e.Property(x => x.DecisionMakerName).HasMaxLength(200);
        e.Property(x => x.AuthorityNotCoveringReason).HasMaxLength(1000);
        e.Property(x => x.ImcaName).HasMaxLength(100);
        e.Property(x => x.ImcaNotInstructedReason).HasMaxLength(1000);
        e.Ignore(x => x.CapacityEvidenceAnswers);
        e.Ignore(x => x.DecisionMakerAnswers);
        e.Ignore(x => x.ConsulteesSummary);
        e.OwnsMany(x => x.Consultees, c =>
        {
            c.ToTable("DecisionConsultees");
            c.WithOwner().HasForeignKey("DecisionId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Name).HasMaxLength(DecisionConsultee.NameMaxLength);
            c.Property(x => x.Relationship).HasMaxLength(DecisionConsultee.RelationshipMaxLength);
            c.Property(x => x.View).HasMaxLength(DecisionConsultee.ViewMaxLength);
        });
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.CapacityAnswers);
        e.Ignore(x => x.Capacity);
        e.Ignore(x => x.Answers);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Practice).WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // One decision per number per practice: two drafts started at once cannot both become decision 1.
        e.HasIndex(x => new { x.PracticeId, x.Number }).IsUnique();
        e.OwnsMany(x => x.Alternatives, a =>
        {
            a.ToTable("DecisionAlternatives");
            a.WithOwner().HasForeignKey("DecisionId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Description).HasMaxLength(1000);
            a.Property(x => x.WhyRejected).HasMaxLength(1000);
        });
        e.OwnsMany(x => x.SignOffs, s =>
        {
            s.ToTable("DecisionSignOffs");
            s.WithOwner().HasForeignKey("DecisionId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(AppUser.DisplayNameMaxLength);
            s.Property(x => x.RegistrationNumber).HasMaxLength(20);
            s.Property(x => x.Council).HasMaxLength(200);
            s.Property(x => x.Note).HasMaxLength(1000);
        });
        e.OwnsMany(x => x.Signatures, s =>
        {
            s.ToTable("DecisionSignatures");
            s.WithOwner().HasForeignKey("DecisionId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(100);
            s.Property(x => x.SignedAs).HasMaxLength(100);
            s.Property(x => x.Witness).HasMaxLength(100);
        });
    }
}

public sealed class GuidelineAcknowledgementMapping : IEntityTypeConfiguration<GuidelineAcknowledgement>
{
    public void Configure(EntityTypeBuilder<GuidelineAcknowledgement> e)
    {
        e.ToTable("GuidelineAcknowledgements");
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PracticeDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // Confirming twice (a double tap) records once.
        e.HasIndex(x => new { x.DecisionId, x.UserId }).IsUnique();
        e.HasIndex(x => new { x.UserId, x.PersonId });
    }
}

public sealed class LibertyScreeningMapping : IEntityTypeConfiguration<LibertyScreening>
{
    public void Configure(EntityTypeBuilder<LibertyScreening> e)
    {
        e.ToTable("LibertyScreenings");
        foreach (var text in new[]
        {
            nameof(LibertyScreening.SupervisionAndControl), nameof(LibertyScreening.FreedomToLeave), nameof(LibertyScreening.Purpose),
            nameof(LibertyScreening.RelativeNormality), nameof(LibertyScreening.WishesAndObjection), nameof(LibertyScreening.RestraintAndMedication),
        })
        {
            e.Property<string?>(text).HasMaxLength(LibertyScreening.TextMaxLength);
        }
        e.Property(x => x.LegalBasis).HasMaxLength(500);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LibertyAuthorisationMapping : IEntityTypeConfiguration<LibertyAuthorisation>
{
    public void Configure(EntityTypeBuilder<LibertyAuthorisation> e)
    {
        e.ToTable("LibertyAuthorisations");
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IncidentMapping : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("Incidents");
        e.Property(x => x.Location).HasMaxLength(Incident.ShortTextMaxLength);
        foreach (var text in new[]
        {
            nameof(Incident.ChangedCircumstances), nameof(Incident.ReasonDetail), nameof(Incident.Antecedents), nameof(Incident.EarlyWarningSigns),
            nameof(Incident.DeEscalation), nameof(Incident.HowUsed), nameof(Incident.PersonCharacteristics), nameof(Incident.Outcome),
            nameof(Incident.InjuryDetails), nameof(Incident.OthersInvolved), nameof(Incident.DebriefNotes), nameof(Incident.TherapeuticSupport),
            nameof(Incident.CarePlanNotes), nameof(Incident.ReviewAttendees), nameof(Incident.ReviewOutcome),
        })
        {
            e.Property<string?>(text).HasMaxLength(Incident.TextMaxLength);
        }
        e.Property(x => x.Version).IsConcurrencyToken();
        // Incidents recorded before the flag existed were not checked: false, as the migration adds it.
        e.Property(x => x.UnauthorisedRestriction).HasDefaultValue(false);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RestrictivePractice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        // A double tap or a retry posts the same key twice: the database lets one through.
        e.HasIndex(x => new { x.OrganisationId, x.SubmissionKey }).IsUnique();
        e.HasIndex(x => new { x.ServiceId, x.OccurredAt });
        e.HasIndex(x => new { x.PersonId, x.OccurredAt });
        // The yearly report groups one organisation's incidents over two years (R17).
        e.HasIndex(x => new { x.OrganisationId, x.OccurredAt });
        e.HasIndex(x => x.PracticeId);
        e.OwnsMany(x => x.Interventions, i =>
        {
            i.ToTable("IncidentInterventions");
            i.WithOwner().HasForeignKey("IncidentId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Ignore(x => x.Minutes);
        });
        e.OwnsMany(x => x.Staff, s =>
        {
            s.ToTable("IncidentStaff");
            s.WithOwner().HasForeignKey("IncidentId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(IncidentStaffMember.NameMaxLength);
            s.Property(x => x.Role).HasMaxLength(IncidentStaffMember.NameMaxLength);
            s.HasIndex(x => x.UserId);
        });
        e.Ignore(x => x.IsProne);
        e.Ignore(x => x.IsRapidTranquillisation);
        e.Ignore(x => x.AnyInjury);
    }
}

public sealed class IncidentReflectionMapping : IEntityTypeConfiguration<IncidentReflection>
{
    public void Configure(EntityTypeBuilder<IncidentReflection> e)
    {
        e.ToTable("IncidentReflections");
        e.Property(x => x.Text).HasMaxLength(Incident.TextMaxLength);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // Each member of staff reflects once; a double tap records once.
        e.HasIndex(x => new { x.IncidentId, x.UserId }).IsUnique();
    }
}

public sealed class IncidentNotificationMapping : IEntityTypeConfiguration<IncidentNotification>
{
    public void Configure(EntityTypeBuilder<IncidentNotification> e)
    {
        e.ToTable("IncidentNotifications");
        e.Property(x => x.Details).HasMaxLength(IncidentNotification.TextMaxLength);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.IncidentId, x.Recipient }).IsUnique();
    }
}

public sealed class IncidentAmendmentMapping : IEntityTypeConfiguration<IncidentAmendment>
{
    public void Configure(EntityTypeBuilder<IncidentAmendment> e)
    {
        e.ToTable("IncidentAmendments");
        e.Property(x => x.Field).HasMaxLength(100);
        e.Property(x => x.Previous).HasMaxLength(Incident.TextMaxLength);
        e.Property(x => x.Corrected).HasMaxLength(Incident.TextMaxLength);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AmendedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.IncidentId);
    }
}

public sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.Property(x => x.Message).HasMaxLength(Notification.MessageMaxLength);
        e.Property(x => x.Link).HasMaxLength(300);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ReminderKey).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
        e.HasIndex(x => new { x.UserId, x.ReminderKey }).IsUnique();
    }
}

public sealed class JobLeaseMapping : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("JobLeases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Holder).HasMaxLength(100);
    }
}

public sealed class TrainingRecordMapping : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> e)
    {
        e.ToTable("TrainingRecords");
        e.Property(x => x.Provider).HasMaxLength(TrainingRecord.ProviderMaxLength);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UserId, x.Course, x.CompletedOn });
    }
}

public sealed class PracticeReviewMapping : IEntityTypeConfiguration<PracticeReview>
{
    public void Configure(EntityTypeBuilder<PracticeReview> e)
    {
        e.ToTable("PracticeReviews");
        foreach (var text in new[]
        {
            nameof(PracticeReview.BroughtForwardBecause), nameof(PracticeReview.RiskContinuesEvidence), nameof(PracticeReview.MeasuresEffectiveEvidence),
            nameof(PracticeReview.StillLeastRestrictiveEvidence), nameof(PracticeReview.QualityOfLifeImpact), nameof(PracticeReview.PersonView),
            nameof(PracticeReview.JustifiableEvidence), nameof(PracticeReview.DeprivationOfLibertyEvidence), nameof(PracticeReview.BalanceEvidence),
            nameof(PracticeReview.SafeguardsEvidence), nameof(PracticeReview.PersonParticipation), nameof(PracticeReview.FamilyAndAdvocates),
            nameof(PracticeReview.OtherAgencies), nameof(PracticeReview.ReductionDetail), nameof(PracticeReview.OutcomeReasons),
        })
        {
            e.Property<string?>(text).HasMaxLength(PracticeReview.TextMaxLength);
        }
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Practice).WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // One review per number per practice: two reviews started at once cannot both become review 1.
        e.HasIndex(x => new { x.PracticeId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.ServiceId, x.Status });
        e.OwnsMany(x => x.Signatures, s =>
        {
            s.ToTable("ReviewSignatures");
            s.WithOwner().HasForeignKey("ReviewId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(100);
            s.Property(x => x.SignedAs).HasMaxLength(100);
            s.Property(x => x.Witness).HasMaxLength(100);
        });
    }
}

public sealed class ServiceMonitoringMapping : IEntityTypeConfiguration<ServiceMonitoring>
{
    public void Configure(EntityTypeBuilder<ServiceMonitoring> e)
    {
        e.ToTable("ServiceMonitoring");
        e.Property(x => x.Findings).HasMaxLength(ServiceMonitoring.TextMaxLength);
        e.Property(x => x.CompletedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // The next one due reads the last completed of each kind per service (R11).
        e.HasIndex(x => new { x.ServiceId, x.Kind, x.Status, x.CompletedOn });
        e.HasIndex(x => new { x.OrganisationId, x.Status });
        e.OwnsMany(x => x.Practices, c =>
        {
            c.ToTable("MonitoringPracticeChecks");
            c.WithOwner().HasForeignKey("MonitoringId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.PersonName).HasMaxLength(Person.NameMaxLength * 2 + 1);
            c.Property(x => x.Description).HasMaxLength(RestrictivePractice.DescriptionMaxLength);
            c.Property(x => x.AuditorNote).HasMaxLength(MonitoringPracticeCheck.NoteMaxLength);
        });
        e.OwnsMany(x => x.Actions, a =>
        {
            a.ToTable("MonitoringActions");
            a.WithOwner().HasForeignKey("MonitoringId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.What).HasMaxLength(MonitoringAction.TextMaxLength);
            a.Property(x => x.Owner).HasMaxLength(MonitoringAction.OwnerMaxLength);
            a.Property(x => x.DoneByName).HasMaxLength(AppUser.DisplayNameMaxLength);
            a.Property(x => x.DoneNote).HasMaxLength(MonitoringAction.TextMaxLength);
        });
    }
}

public sealed class CouncilSignOnMapping : IEntityTypeConfiguration<CouncilSignOn>
{
    public void Configure(EntityTypeBuilder<CouncilSignOn> e)
    {
        e.ToTable("CouncilSignOns");
        e.Property(x => x.Authority).HasMaxLength(CouncilSignOn.AuthorityMaxLength);
        e.Property(x => x.ClientId).HasMaxLength(CouncilSignOn.ClientIdMaxLength);
        e.Property(x => x.ProtectedSecret).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.OrganisationId).IsUnique();
    }
}
