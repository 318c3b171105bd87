namespace CreepCell.Simulation;

/// <summary>State of lithiation theta(t), linear between (time, theta) points.</summary>
public sealed class LithiationProtocol
{
    public IReadOnlyList<(double Time, double Theta)> Points { get; }

    public LithiationProtocol(IReadOnlyList<(double Time, double Theta)> points)
    {
        if (points.Count < 2) throw new ArgumentException("a protocol needs at least two points");
        Points = points;
    }

    public double StartTime => Points[0].Time;
    public double EndTime => Points[^1].Time;
    public IEnumerable<double> Breakpoints => Points.Select(p => p.Time);

    public double ThetaAt(double t)
    {
        if (t <= Points[0].Time) return Points[0].Theta;
        for (int i = 1; i < Points.Count; i++)
        {
            if (t <= Points[i].Time)
            {
                var (t0, a) = Points[i - 1];
                var (t1, b) = Points[i];
                return a + (b - a) * (t - t0) / (t1 - t0);
            }
        }
        return Points[^1].Theta;
    }

    /// <summary>The next breakpoint strictly after t (or the end).</summary>
    public double NextBreakpoint(double t)
    {
        foreach (var (time, _) in Points)
            if (time > t * (1 + 1e-14) + 1e-12) return time;
        return EndTime;
    }
}
