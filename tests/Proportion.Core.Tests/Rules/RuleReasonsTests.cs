using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class RuleReasonsTests
{
    /// <summary>Every rule a task can name has its reason in words, so no "Why" falls back to the generic line.</summary>
    [Fact]
    public void EveryRule_HasAReasonInPlainWords()
    {
        var rules = Enumerable.Range(1, 27).Select(n => $"R{n}").Append("§7.5").Append("§8.10");
        Assert.All(rules, rule =>
        {
            Assert.True(RuleReasons.Explains(rule), $"{rule} has no reason");
            Assert.DoesNotContain("§", RuleReasons.Why(rule));
            Assert.EndsWith(".", RuleReasons.Why(rule));
        });
    }
}
