using Proportion.Core.Auditing;

namespace Proportion.Core.Tests.Auditing;

public class ChangeSetTests
{
    [Fact]
    public void Track_RecordsOnlyWhatChanged_AndRoundTripsThroughJson()
    {
        var changes = new ChangeSet()
            .Track("Given name", "Winifred", "Wendy")
            .Track("Family name", "Hughes", "Hughes")
            .Track<string?>("Preferred name", null, "Peggy");

        var parsed = ChangeSet.Parse(changes.ToJson());

        Assert.Equal(2, parsed.Count);
        Assert.Equal(new string?[] { "Winifred", "Wendy" }, parsed["Given name"].AsEnumerable());
        Assert.Equal(new string?[] { null, "Peggy" }, parsed["Preferred name"].AsEnumerable());
    }

    [Fact]
    public void Parse_OfNothing_IsEmpty() => Assert.Empty(ChangeSet.Parse(null));
}
