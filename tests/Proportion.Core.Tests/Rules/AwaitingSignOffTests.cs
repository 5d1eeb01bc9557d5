using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class AwaitingSignOffTests
{
    private static readonly Finding MissingManager = new("R3", "§5.15", nameof(SignOffRole.ServiceManager), "The service manager must agree");
    private static readonly Finding MissingAnswer = new("R2", "§5.4", "Alternatives", "Record the less restrictive alternatives");
    private static readonly Finding Warning = new("R12", "§5.12", "Blanket", "Most people have this", FindingSeverity.Warning);

    [Fact]
    public void OnlyAgreementsLeft_IsWaiting() => Assert.True(AwaitingSignOff.IsWaiting([MissingManager, Warning]));

    [Fact]
    public void AnswersStillMissing_IsNotWaiting() => Assert.False(AwaitingSignOff.IsWaiting([MissingManager, MissingAnswer]));

    [Fact]
    public void NothingLeft_IsReadyToAgree_NotWaiting() => Assert.False(AwaitingSignOff.IsWaiting([Warning]));
}
