namespace ModelPipeline.GitHub.Tests;

public sealed class LocalScheduleTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("mp-watch-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Poll_ContentChanged_ReportsFileButNotOnTouch()
    {
        var file = Path.Combine(_dir.FullName, "churn.csv");
        File.WriteAllText(file, "a,b\n1,2\n");
        var detector = new DataChangeDetector([file]);
        Assert.Empty(detector.Poll());
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Empty(detector.Poll());
        File.WriteAllText(file, "a,b\n1,3\n");
        Assert.Equal([file], detector.Poll());
        Assert.Empty(detector.Poll());
    }

    [Fact]
    public async Task RunAsync_DataChangeAndCronDue_RunsWithTriggers()
    {
        var file = Path.Combine(_dir.FullName, "churn.csv");
        File.WriteAllText(file, "x\n1\n");
        var clock = new SteppingClock(DateTimeOffset.Parse("2026-11-23T02:58:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var iteration = 0;
        var schedule = new LocalSchedule(
            [new WatchedPipeline("churn", [file], "0 3 * * 1")],
            clock,
            (span, _) =>
            {
                clock.Now += span;
                if (++iteration == 1)
                {
                    File.WriteAllText(file, "x\n2\n");
                }

                return Task.CompletedTask;
            });
        var ran = new List<string>();
        var runs = await schedule.RunAsync((p, t, _) => { ran.Add($"{p}:{t}"); return Task.CompletedTask; }, TimeSpan.FromMinutes(1), maxIterations: 4, maxDuration: null);
        // 02:59 data change; 03:00 cron due; 03:01, 03:02 nothing.
        Assert.Equal(["churn:data_change", "churn:schedule"], ran);
        Assert.Equal(2, runs.Count);
    }

    sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
