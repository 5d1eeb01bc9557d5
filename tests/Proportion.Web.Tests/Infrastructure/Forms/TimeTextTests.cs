using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Tests.Infrastructure.Forms;

public class TimeTextTests
{
    [Theory]
    [InlineData("14:05", 14, 5)]
    [InlineData("9:30", 9, 30)]
    [InlineData("1405", 14, 5)]
    [InlineData("14.05", 14, 5)]
    [InlineData("2:05pm", 14, 5)]
    [InlineData("2pm", 14, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12:30 p.m.", 12, 30)]
    [InlineData(" 00:00 ", 0, 0)]
    public void TryParse_ReadsTimesAsPeopleWriteThem(string text, int hour, int minute)
    {
        Assert.True(TimeText.TryParse(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("teatime")]
    [InlineData("14")]
    [InlineData("24:00")]
    [InlineData("13:60")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("١٤:٠٥")]
    [InlineData("１４：０５")]
    [InlineData("１４:05")]
    [InlineData("۲pm")]
    public void TryParse_RefusesWhatIsNotATime(string text) => Assert.False(TimeText.TryParse(text, out _));
}
