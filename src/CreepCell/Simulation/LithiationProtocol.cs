namespace CreepCell.Simulation;

/// <summary>
/// State of lithiation theta(t), linear between (time, theta) points, each piece labelled with its
/// cycle and half cycle. A cycle is lithiation then delithiation; a new cycle starts with the first
/// lithiation after a delithiation.
/// </summary>
public sealed class LithiationProtocol
{
    public IReadOnlyList<(double Time, double Theta)> Points { get; }
    public IReadOnlyList<ProtocolSegment> Segments { get; }
    /// <summary>The galvanostatic parameters this protocol was built from, if it was.</summary>
    public GalvanostaticSpec? GalvanostaticParameters { get; private init; }

    public LithiationProtocol(IReadOnlyList<(double Time, double Theta)> points)
    {
        if (points.Count < 2) throw new ArgumentException("a protocol needs at least two points");
        Points = points;
        Segments = Label(points);
        halfCycleEnds = Segments.GroupBy(g => (g.Cycle, g.Half)).ToDictionary(g => g.Key, g => g.Max(x => x.End));
    }

    /// <summary>Per (cycle, half), the end of its last segment.</summary>
    readonly Dictionary<(int Cycle, HalfCycle Half), double> halfCycleEnds;

    /// <summary>The time the last segment of <paramref name="half"/> in <paramref name="cycle"/> ends, or NaN if it has none.</summary>
    public double HalfCycleEnd(int cycle, HalfCycle half) => halfCycleEnds.TryGetValue((cycle, half), out double end) ? end : double.NaN;

    /// <summary>The half cycle (rests included) whose last segment ends at t, or null: the rows cycles.csv takes.</summary>
    public HalfCycle? ClosingHalf(double t)
    {
        var seg = SegmentAt(t);
        double end = HalfCycleEnd(seg.Cycle, seg.Half);
        return Math.Abs(end - t) <= 1e-9 * Math.Max(1, end) ? seg.Half : null;
    }

    static List<ProtocolSegment> Label(IReadOnlyList<(double Time, double Theta)> points)
    {
        var segments = new List<ProtocolSegment>();
        int cycle = 1;
        bool delithiated = false;
        for (int i = 1; i < points.Count; i++)
        {
            var (t0, a) = points[i - 1];
            var (t1, b) = points[i];
            var half = b > a ? HalfCycle.Lithiation : b < a ? HalfCycle.Delithiation : HalfCycle.Rest;
            if (half == HalfCycle.Lithiation && delithiated) { cycle++; delithiated = false; }
            if (half == HalfCycle.Delithiation) delithiated = true;
            segments.Add(new ProtocolSegment(t0, t1, a, b, cycle, half));
        }
        return segments;
    }

    public double StartTime => Points[0].Time;
    public double EndTime => Points[^1].Time;
    public IEnumerable<double> Breakpoints => Points.Select(p => p.Time);
    public int CycleCount => Segments[^1].Cycle;

    public double ThetaAt(double t)
    {
        var s = SegmentAt(t);
        if (t <= s.Start) return s.ThetaStart;
        if (t >= s.End) return s.ThetaEnd;
        return s.ThetaStart + (s.ThetaEnd - s.ThetaStart) * (t - s.Start) / (s.End - s.Start);
    }

    /// <summary>The segment that ends at or after t (a step ending on a breakpoint belongs to the piece it closes).</summary>
    public ProtocolSegment SegmentAt(double t)
    {
        foreach (var s in Segments)
            if (t <= s.End * (1 + 1e-15) + 1e-300) return s;
        return Segments[^1];
    }

    /// <summary>The next breakpoint strictly after t (or the end).</summary>
    public double NextBreakpoint(double t)
    {
        foreach (var (time, _) in Points)
            if (time > t * (1 + 1e-14) + 1e-12) return time;
        return EndTime;
    }

    public bool IsBreakpoint(double t) => Points.Any(p => Math.Abs(p.Time - t) <= 1e-12 * Math.Max(1, Math.Abs(p.Time)));

    /// <summary>
    /// Galvanostatic cycling: theta changes at c_rate per hour (one full (de)lithiation lasts 1/c_rate
    /// hours). Each cycle lithiates to thetaFull and delithiates to the end-of-charge residual
    /// (thetaEndFirst after the first cycle, thetaEnd after the others), with optional rests.
    /// </summary>
    public static LithiationProtocol Galvanostatic(double cRate, int cycles, double thetaStart, double thetaFull,
        double thetaEndFirst, double thetaEnd, double restAfterLithiation, double restAfterDelithiation)
    {
        double rate = cRate / 3600.0;
        var pts = new List<(double, double)> { (0, thetaStart) };
        double t = 0, theta = thetaStart;
        void Go(double target) { t += Math.Abs(target - theta) / rate; theta = target; pts.Add((t, theta)); }
        void Rest(double d) { if (d > 0) { t += d; pts.Add((t, theta)); } }
        for (int c = 1; c <= cycles; c++)
        {
            Go(thetaFull);
            Rest(restAfterLithiation);
            Go(c == 1 ? thetaEndFirst : thetaEnd);
            if (c < cycles) Rest(restAfterDelithiation);
        }
        return new LithiationProtocol(pts)
        {
            GalvanostaticParameters = new GalvanostaticSpec(cRate, cycles, thetaStart, thetaFull, thetaEndFirst, thetaEnd, restAfterLithiation, restAfterDelithiation),
        };
    }

    /// <summary>The same galvanostatic protocol with another number of cycles.</summary>
    public LithiationProtocol WithCycles(int cycles)
    {
        var g = GalvanostaticParameters ?? throw new InvalidOperationException("only a galvanostatic protocol can change its cycle count");
        return Galvanostatic(g.CRate, cycles, g.ThetaStart, g.ThetaFull, g.ThetaEndFirst, g.ThetaEnd, g.RestAfterLithiation, g.RestAfterDelithiation);
    }
}
