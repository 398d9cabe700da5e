namespace BorderSim.Model.Crossing;

/// <summary>
/// A stage's servers by state (serving, blocked, held back; available, staffed), integrated over time: the
/// server-hours the utilisation shares divide. The five move together, at every grant and release of a server,
/// so they share one clock: one check and one span per change instead of five.
/// </summary>
/// <remarks>
/// Each series' sum is the one a <see cref="Engine.Statistics.TimeWeightedStatistic"/> of its own would keep,
/// operation for operation (value × span, added at each change), so the shares are bit for bit the same.
/// </remarks>
internal sealed class ServerHours
{
    private double _lastHours;
    private Series _serving;
    private Series _blocked;
    private Series _heldBack;
    private Series _available;
    private Series _staffed;

    public ServerHours(int available, int staffed)
    {
        _available.Current = available;
        _staffed.Current = staffed;
    }

    /// <summary>The servers in each state from <paramref name="atHours"/> on.</summary>
    public void Observe(double atHours, int serving, int blocked, int heldBack, int available, int staffed)
    {
        if (atHours < _lastHours)
        {
            throw new ArgumentOutOfRangeException(nameof(atHours), atHours, $"observations must not go back in time (last at {_lastHours} h)");
        }

        var span = atHours - _lastHours;
        _lastHours = atHours;
        _serving.Advance(span, serving);
        _blocked.Advance(span, blocked);
        _heldBack.Advance(span, heldBack);
        _available.Advance(span, available);
        _staffed.Advance(span, staffed);
    }

    /// <summary>Forgets the server-hours so far (the end of the warm-up), keeping the servers' states.</summary>
    public void Reset(double atHours)
    {
        _lastHours = atHours;
        _serving.Area = _blocked.Area = _heldBack.Area = _available.Area = _staffed.Area = 0;
    }

    /// <summary>Server-hours serving since the reset, up to <paramref name="untilHours"/>.</summary>
    public double Serving(double untilHours) => _serving.Integral(untilHours - _lastHours);

    /// <summary>Server-hours holding a finished truck that cannot move on, while open.</summary>
    public double Blocked(double untilHours) => _blocked.Integral(untilHours - _lastHours);

    /// <summary>Server-hours open and idle while trucks refused for the day wait (held back by a cap or quota).</summary>
    public double HeldBack(double untilHours) => _heldBack.Integral(untilHours - _lastHours);

    /// <summary>Server-hours available: open, or serving after closing.</summary>
    public double Available(double untilHours) => _available.Integral(untilHours - _lastHours);

    /// <summary>Server-hours staffed: available or closed.</summary>
    public double Staffed(double untilHours) => _staffed.Integral(untilHours - _lastHours);

    private struct Series
    {
        public double Current;
        public double Area;

        public void Advance(double span, double value)
        {
            Area += Current * span;
            Current = value;
        }

        public readonly double Integral(double tail) => Area + (Current * tail);
    }
}
