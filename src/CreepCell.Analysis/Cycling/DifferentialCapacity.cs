namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Differential capacity by binning: the charge passed while the voltage sat in each bin of width
/// dV, divided by dV, then a centred moving average over <c>smooth</c> bins. The charge of each interval
/// between two records is spread over the voltage span of that interval (Q taken linear in V between
/// records), so sparse sampling does not leave empty bins. Binning (rather than differencing
/// neighbouring points) stays finite on flat plateaus and tolerates noisy, non-monotonic voltage; it is
/// the charge-counting form of dQ/dV (Bloom et al., J. Power Sources 139 (2005) 295).
/// </summary>
internal static class DifferentialCapacity
{
    /// <summary>The bins of a curve whose centres lie in [low, high] (V).</summary>
    public static DqDvCurve Within(DqDvCurve c, double low, double high)
    {
        var keep = Enumerable.Range(0, c.Voltage.Length).Where(i => c.Voltage[i] >= low && c.Voltage[i] <= high).ToArray();
        return c with { Voltage = keep.Select(i => c.Voltage[i]).ToArray(), DqDv = keep.Select(i => c.DqDv[i]).ToArray() };
    }

    public static DqDvCurve Compute(HalfCycle half, double binWidthV, int smooth)
    {
        if (!(binWidthV > 0)) throw new ArgumentOutOfRangeException(nameof(binWidthV));
        var r = half.Records;
        double vmin = r.Min(x => x.Voltage), vmax = r.Max(x => x.Voltage);
        int n = Math.Max(1, (int)Math.Ceiling((vmax - vmin) / binWidthV));
        var q = new double[n];
        for (int k = 1; k < r.Count; k++)
        {
            if (half.Segments[k] != half.Segments[k - 1]) continue;
            Spread(q, HalfCycle.Increment(r[k - 1], r[k]).Q, r[k - 1].Voltage, r[k].Voltage, vmin, binWidthV);
        }
        var v = new double[n];
        for (int b = 0; b < n; b++) { v[b] = vmin + (b + 0.5) * binWidthV; q[b] /= binWidthV; }
        return new DqDvCurve(half.Cycle, half.Direction, v, MovingAverage(q, smooth));
    }

    /// <summary>Adds charge dq, passed while the voltage went from va to vb, to the bins by their overlap with [va, vb].</summary>
    internal static void Spread(double[] q, double dq, double va, double vb, double vmin, double width)
    {
        int n = q.Length;
        double lo = Math.Min(va, vb) - vmin, hi = Math.Max(va, vb) - vmin;
        int a = Math.Clamp((int)(lo / width), 0, n - 1), b = Math.Clamp((int)(hi / width), 0, n - 1);
        if (a == b || hi - lo <= 0) { q[a] += dq; return; }
        for (int i = a; i <= b; i++)
        {
            double overlap = Math.Min(hi, (i + 1) * width) - Math.Max(lo, i * width);
            if (i == n - 1) overlap = hi - Math.Max(lo, i * width);
            if (overlap > 0) q[i] += dq * overlap / (hi - lo);
        }
    }

    /// <summary>Centred moving average over an odd window (shrunk at the ends); window 1 returns a copy.</summary>
    public static double[] MovingAverage(double[] y, int window)
    {
        int h = Math.Max(0, window / 2);
        var o = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            int a = Math.Max(0, i - h), b = Math.Min(y.Length - 1, i + h);
            double s = 0;
            for (int j = a; j <= b; j++) s += y[j];
            o[i] = s / (b - a + 1);
        }
        return o;
    }
}
