namespace ModelPipeline.GitHub.Tests;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 3 * * 1", "2026-11-22T08:00:00Z", "2026-11-23T03:00:00Z")] // Sunday -> Monday 03:00 UTC
    [InlineData("*/15 * * * *", "2026-11-22T08:07:30Z", "2026-11-22T08:15:00Z")]
    [InlineData("0 0 1 * *", "2026-12-31T23:59:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 12 13 * FRI", "2026-11-22T00:00:00Z", "2026-11-27T12:00:00Z")] // either day field matches
    [InlineData("0 12 13 * FRI", "2026-12-01T00:00:00Z", "2026-12-04T12:00:00Z")]
    [InlineData("0 12 13 * FRI", "2026-12-12T13:00:00Z", "2026-12-13T12:00:00Z")] // the 13th, a Sunday
    [InlineData("30 4 * * *", "2026-11-22T04:30:00Z", "2026-11-23T04:30:00Z")] // strictly after
    [InlineData("30 2 * * 7", "2026-11-22T03:00:00+01:00", "2026-11-22T02:30:00Z")] // 7 is Sunday; 03:00+01:00 is 02:00 UTC
    [InlineData("5-50/15 1 * JAN-mar mon-WED", "2026-11-22T00:00:00Z", "2027-01-04T01:05:00Z")]
    public void Next_Expression_FirstMatchAfter(string cron, string after, string expected)
    {
        var next = new WatchedPipeline("p", [], cron).NextRun(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void Next_NeverMatches_IsNull() =>
        Assert.Null(new WatchedPipeline("p", [], "0 0 31 2 *").NextRun(DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("0 3 * *", "has 4 fields")]
    [InlineData("60 3 * * *", "minute field '60' is out of range")]
    [InlineData("0 3 * * 1-0", "day of week field '1-0' has a range that runs backwards")]
    [InlineData("0 22-2 * * *", "hour field '22-2' has a range that runs backwards")]
    [InlineData("*/0 * * * *", "bad step")]
    [InlineData("0 0 L * *", "day of month field 'L' is out of range or not a number")] // Cronos reads L; GitHub does not
    [InlineData("0 0 * * 5#3", "day of week field '5#3' is out of range")]
    [InlineData("0 0 ? * *", "day of month field '?' is out of range")]
    [InlineData("0 0 15W * *", "day of month field '15W' is out of range")]
    [InlineData("0 0 * * SUN-8", "day of week field 'SUN-8' is out of range")]
    public void Parse_Invalid_ThrowsNamingTheField(string cron, string expected)
    {
        var error = Assert.Throws<FormatException>(() => new WatchedPipeline("p", [], cron));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
