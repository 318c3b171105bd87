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
