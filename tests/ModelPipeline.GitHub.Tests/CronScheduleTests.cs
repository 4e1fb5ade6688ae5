namespace ModelPipeline.GitHub.Tests;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 3 * * 1", "2026-11-22T08:00:00Z", "2026-11-23T03:00:00Z")] // Sunday -> Monday 03:00 UTC
    [InlineData("*/15 * * * *", "2026-11-22T08:07:30Z", "2026-11-22T08:15:00Z")]
    [InlineData("0 0 1 * *", "2026-12-31T23:59:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 12 13 * FRI", "2026-11-22T00:00:00Z", "2026-11-27T12:00:00Z")] // either day field matches
    [InlineData("30 4 * * *", "2026-11-22T04:30:00Z", "2026-11-23T04:30:00Z")] // strictly after
    public void Next_Expression_FirstMatchAfter(string cron, string after, string expected)
    {
        var next = CronSchedule.Parse(cron).Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 3 * *", "has 4 fields")]
    [InlineData("60 3 * * *", "minute field '60'")]
    [InlineData("0 3 * * 1-0", "day of week field '1-0' has a range that runs backwards")]
    [InlineData("*/0 * * * *", "bad step")]
    public void Parse_Invalid_ThrowsNamingTheField(string cron, string expected)
    {
        var error = Assert.Throws<CronFormatException>(() => CronSchedule.Parse(cron));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
