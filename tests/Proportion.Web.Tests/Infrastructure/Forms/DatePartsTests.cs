using Microsoft.AspNetCore.Mvc.ModelBinding;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Tests.Infrastructure.Forms;

public class DatePartsTests
{
    [Theory]
    [InlineData("27", "3", "2007", 2007, 3, 27)]
    [InlineData("01", "03", "2007", 2007, 3, 1)]
    [InlineData(" 5 ", " 11 ", " 1990 ", 1990, 11, 5)]
    [InlineData("29", "2", "2024", 2024, 2, 29)]
    [InlineData("1", "jan", "2020", 2020, 1, 1)]
    [InlineData("1", "January", "2020", 2020, 1, 1)]
    [InlineData("1", "Sept", "2020", 2020, 9, 1)]
    [InlineData("1", "dec.", "2020", 2020, 12, 1)]
    public void TryGetDate_RealDate_IsAccepted(string day, string month, string year, int y, int m, int d)
    {
        var parts = new DateParts { Day = day, Month = month, Year = year };

        Assert.True(parts.TryGetDate(out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("29", "2", "2023")]
    [InlineData("31", "4", "2020")]
    [InlineData("0", "1", "2020")]
    [InlineData("1", "13", "2020")]
    [InlineData("1", "0", "2020")]
    [InlineData("1", "1", "20")]
    [InlineData("1", "1", "20201")]
    [InlineData("123", "1", "2020")]
    [InlineData("1", "ja", "2020")]
    [InlineData("-1", "1", "2020")]
    [InlineData("1", "1", "")]
    public void TryGetDate_NotARealDate_IsRefused(string day, string month, string year)
    {
        Assert.False(new DateParts { Day = day, Month = month, Year = year }.TryGetDate(out _));
    }

    [Fact]
    public void From_Date_FillsTheParts_AndNull_IsEmpty()
    {
        var parts = DateParts.From(new DateOnly(2007, 3, 27));

        Assert.Equal(("27", "3", "2007"), (parts.Day, parts.Month, parts.Year));
        Assert.True(DateParts.From(null).IsEmpty);
    }

    [Theory]
    [InlineData("", "", "", "Input.Dob", "Enter date of birth")]
    [InlineData("1", "", "2020", "Input.Dob.Month", "Date of birth must include a month")]
    [InlineData("", "", "2020", "Input.Dob", "Date of birth must include a day and month")]
    [InlineData("1", "1", "20", "Input.Dob.Year", "Year must include 4 numbers")]
    [InlineData("30", "2", "2020", "Input.Dob", "Date of birth must be a real date")]
    public void Validate_Problem_AddsOneGovUkError(string day, string month, string year, string key, string message)
    {
        var modelState = new ModelStateDictionary();

        var date = new DateParts { Day = day, Month = month, Year = year }.Validate(modelState, "Input.Dob", "Date of birth");

        Assert.Null(date);
        Assert.Equal(1, modelState.ErrorCount);
        Assert.Equal(message, Assert.Single(modelState[key]!.Errors).ErrorMessage);
    }

    [Fact]
    public void Validate_EmptyAndOptional_IsFine()
    {
        var modelState = new ModelStateDictionary();

        Assert.Null(new DateParts().Validate(modelState, "Input.Dob", "Date of birth", required: false));
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Fact]
    public void Validate_RealDate_ReturnsIt()
    {
        var modelState = new ModelStateDictionary();

        Assert.Equal(new DateOnly(2020, 2, 29), new DateParts { Day = "29", Month = "2", Year = "2020" }.Validate(modelState, "Input.Dob", "Date of birth"));
        Assert.Equal(0, modelState.ErrorCount);
    }
}
