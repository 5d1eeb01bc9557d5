namespace Proportion.Web.Tests.Support;

/// <summary>
/// The app's clock in the web tests. It starts at a fixed instant, 12:00 on Wednesday 18 November 2026
/// (London is on GMT then, far from midnight and from the clocks changing), and moves on with the real time
/// that passes, so records keep their order and sessions their idle time. A deadline (a review a year and
/// a day after agreement, an audit at 6 months and a day) is proven by moving it on, never by back-dating
/// records; tests that move it put it back when they finish. No test reads the machine's clock for a date
/// the app judges: they read this one, so none depends on the time of day or on summer time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Where every test app's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private readonly long _startedAt = global::System.Diagnostics.Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Start + global::System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt) + Offset;

    /// <summary>Moves the clock on by <paramref name="by"/> until the returned handle is disposed.</summary>
    public IDisposable MoveOn(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return new Restore(() => Interlocked.Add(ref _offsetTicks, -by.Ticks));
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                undo();
            }
        }
    }
}
