namespace Proportion.Web.Tests.Support;

/// <summary>
/// The app's clock in the web tests: the real time, moved on by whatever a test asks, so a deadline
/// (a review a year and a day after agreement, an audit at 6 months and a day) is proven by moving
/// time rather than by back-dating records. Tests that move it put it back when they finish.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

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
