namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Differential voltage by binning, the dual of <see cref="DifferentialCapacity"/>: the half cycle's charge is cut
/// into <see cref="Bins"/> equal bins; the voltage change of each interval between two records of one segment
/// is spread over the charge bins that interval covers (V taken linear in Q between records), summed per bin and
/// divided by the bin width; then the same centred moving average as dQ/dV. Rests inside a half cycle pass no
/// charge, so their relaxation is left out. The sign is that of a charge (discharge curves are negated), so
/// both halves are positive where the voltage moves fastest.
/// </summary>
internal static class DifferentialVoltage
{
    /// <summary>Charge bins per half cycle (0.5 % of its capacity each).</summary>
    public const int Bins = 200;

    public static DvDqCurve Compute(HalfCycle half, int smooth)
    {
        var r = half.Records;
        var q = half.CumulativeCharge();
        double total = q[^1];
        if (!(total > 0)) return new DvDqCurve(half.Cycle, half.Direction, Array.Empty<double>(), Array.Empty<double>(), Array.Empty<double>());
        double width = total / Bins;
        var dv = new double[Bins];
        double sign = half.Direction == StepKind.Discharge ? -1 : 1;
        for (int k = 1; k < r.Count; k++)
        {
            if (half.Segments[k] != half.Segments[k - 1] || !(q[k] > q[k - 1])) continue;
            DifferentialCapacity.Spread(dv, sign * (r[k].Voltage - r[k - 1].Voltage), q[k - 1], q[k], 0, width);
        }
        var centres = new double[Bins];
        for (int b = 0; b < Bins; b++) { centres[b] = (b + 0.5) * width; dv[b] /= width; }
        return new DvDqCurve(half.Cycle, half.Direction, centres, DifferentialCapacity.MovingAverage(dv, smooth), VoltageAt(q, r, centres));
    }

    /// <summary>Voltage at each charge by linear interpolation on the records (the last record reaching that charge).</summary>
    static double[] VoltageAt(double[] q, IReadOnlyList<CyclerRecord> r, double[] at)
    {
        var v = new double[at.Length];
        int k = 1;
        for (int i = 0; i < at.Length; i++)
        {
            while (k < q.Length - 1 && q[k] < at[i]) k++;
            double span = q[k] - q[k - 1];
            v[i] = span > 0 ? r[k - 1].Voltage + (r[k].Voltage - r[k - 1].Voltage) * (at[i] - q[k - 1]) / span : r[k].Voltage;
        }
        return v;
    }
}
