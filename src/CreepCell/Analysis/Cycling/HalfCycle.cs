namespace CreepCell.Analysis.Cycling;

/// <summary>
/// A contiguous run of charge or discharge records (rests inside it are skipped, so GITT pulses and
/// CC-CV steps of one direction form one half cycle). <see cref="Segments"/> numbers the runs between
/// rests, one entry per record. Charge and energy are integrated by the trapezoid rule between
/// consecutive records of the same segment, never across a rest; both are positive.
/// </summary>
public sealed record HalfCycle(StepKind Direction, int Cycle, IReadOnlyList<CyclerRecord> Records, IReadOnlyList<int> Segments, double Coulombs, double Joules)
{
    public double StartTime => Records[0].Time;
    public double EndTime => Records[^1].Time;

    /// <summary>Energy over charge: the mean voltage of the half cycle (V).</summary>
    public double MeanVoltage => Coulombs > 0 ? Joules / Coulombs : 0;

    /// <summary>Time during which current flowed (s): rests inside the half cycle are left out.</summary>
    public double ActiveTime
    {
        get
        {
            double dt = 0;
            for (int k = 1; k < Records.Count; k++)
                if (Segments[k] == Segments[k - 1]) dt += Records[k].Time - Records[k - 1].Time;
            return dt;
        }
    }

    /// <summary>Cumulative charge (C) at each record, starting from zero.</summary>
    public double[] CumulativeCharge()
    {
        var q = new double[Records.Count];
        for (int k = 1; k < Records.Count; k++) q[k] = q[k - 1] + (Segments[k] == Segments[k - 1] ? Increment(Records[k - 1], Records[k]).Q : 0);
        return q;
    }

    /// <summary>Charge and energy between two consecutive records of one segment (no rest between them).</summary>
    public static (double Q, double E) Increment(CyclerRecord a, CyclerRecord b)
    {
        double dt = b.Time - a.Time;
        double q = 0.5 * (Math.Abs(a.Current) + Math.Abs(b.Current)) * dt;
        double e = 0.5 * (Math.Abs(a.Current) * a.Voltage + Math.Abs(b.Current) * b.Voltage) * dt;
        return (q, e);
    }
}

/// <summary>Splits records into half cycles and groups them into cycles.</summary>
public static class HalfCycles
{
    /// <summary>
    /// Half cycles in time order. A new half cycle starts when the direction changes, or when the
    /// export's cycle index changes.
    /// </summary>
    public static List<HalfCycle> Split(CyclerData data)
    {
        var result = new List<HalfCycle>();
        var current = new List<CyclerRecord>();
        var segments = new List<int>();
        StepKind dir = StepKind.Rest;
        int cycle = 0, segment = 0;
        foreach (var r in data.Records)
        {
            // A rest splits a half cycle into segments: no charge is integrated across it.
            if (r.Kind == StepKind.Rest) { segment++; continue; }
            if (current.Count > 0 && (r.Kind != dir || r.Cycle != cycle))
            {
                result.Add(Build(dir, cycle, current, segments));
                current = new List<CyclerRecord>();
                segments = new List<int>();
                segment++;
            }
            dir = r.Kind;
            cycle = r.Cycle;
            current.Add(r);
            segments.Add(segment);
        }
        if (current.Count > 0) result.Add(Build(dir, cycle, current, segments));
        return result;
    }

    static HalfCycle Build(StepKind dir, int cycle, List<CyclerRecord> records, List<int> segments)
    {
        double q = 0, e = 0;
        for (int k = 1; k < records.Count; k++)
        {
            if (segments[k] != segments[k - 1]) continue;
            var (dq, de) = HalfCycle.Increment(records[k - 1], records[k]);
            q += dq;
            e += de;
        }
        return new HalfCycle(dir, cycle, records, segments, q, e);
    }

    /// <summary>
    /// Cycles as (number, half cycles), numbered 1, 2, ... in time order. A cycle opens with a half cycle in
    /// the opening direction and takes the opposite one that follows. Without a cycle index in the export (all
    /// rows under one index, as in many Arbin files) the opening direction is the test's first; with one, each
    /// tester cycle is split the same way with its own first direction, so a tester cycle that holds two
    /// discharge-charge pairs (a rate change programmed inside one cycle) gives two cycles, never one summed.
    /// </summary>
    public static List<(int Number, List<HalfCycle> Halves)> Group(CyclerData data, List<HalfCycle> halves)
    {
        var cycles = new List<(int, List<HalfCycle>)>();
        var groups = data.HasCycleIndex ? halves.GroupBy(h => h.Cycle).Select(g => g.ToList()) : new[] { halves }.Where(h => h.Count > 0);
        foreach (var g in groups)
        {
            var opening = g[0].Direction;
            for (int k = 0; k < g.Count; k++)
            {
                if (k == 0 || (g[k].Direction == opening && g[k - 1].Direction != opening)) cycles.Add((cycles.Count + 1, new List<HalfCycle>()));
                cycles[^1].Item2.Add(g[k]);
            }
        }
        return cycles;
    }
}
