namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Galvanostatic intermittent titration: for each constant-current pulse followed by a rest,
/// D = 4/(pi tau) (m_B V_M / (M_B S))^2 (dE_s / dE_t)^2 (Weppner and Huggins, J. Electrochem. Soc. 124
/// (1977) 1569, Eq. 31), where dE_s is the change of the relaxed voltage across the pulse and dE_t the
/// voltage change during the pulse without the IR drop. dE_t is taken from a straight-line fit of E
/// against sqrt(t - t0) over the pulse (dE_t = |slope| sqrt(tau)), so the IR step at t0 drops out.
/// A pulse is valid only where the relation's assumptions hold (its Eq. 31 is a short-time solution for
/// a relaxed electrode): the rest after it has relaxed (<see cref="MaxRestDrift"/>), E is linear in sqrt(t)
/// (<see cref="MinR2"/>) and tau is short against the diffusion time L^2/D (<see cref="MaxTauOverDiffusionTime"/>).
/// </summary>
internal static class Gitt
{
    /// <summary>Smallest R^2 of E against sqrt(t) during the pulse.</summary>
    public const double MinR2 = 0.98;
    /// <summary>Largest tau D / L^2 ("tau much shorter than L^2/D").</summary>
    public const double MaxTauOverDiffusionTime = 0.1;
    /// <summary>Largest voltage change over the last fifth of the rest, as a share of dE_s (with a 0.2 mV floor for the voltage resolution).</summary>
    public const double MaxRestDrift = 0.1;

    public static List<GittPulse> Analyze(CyclerData data, GittInputs inputs)
    {
        var recs = data.Records;
        var pulses = new List<GittPulse>();
        int i = 0;
        while (i < recs.Count)
        {
            if (recs[i].Kind == StepKind.Rest || i == 0 || recs[i - 1].Kind != StepKind.Rest) { i++; continue; }
            int start = i;
            while (i < recs.Count && recs[i].Kind == recs[start].Kind) i++;
            int end = i - 1;
            int relaxEnd = i;
            while (relaxEnd < recs.Count && recs[relaxEnd].Kind == StepKind.Rest) relaxEnd++;
            if (relaxEnd == i || end - start < 2) continue;
            var p = Pulse(recs, start - 1, start, end, relaxEnd - 1, inputs, pulses.Count + 1);
            if (p is not null) pulses.Add(p);
        }
        return pulses;
    }

    static GittPulse? Pulse(IReadOnlyList<CyclerRecord> r, int restBefore, int start, int end, int restAfter, GittInputs inputs, int index)
    {
        double t0 = r[restBefore].Time;
        double tau = r[end].Time - t0;
        var (slope, r2) = FitSqrtTime(r, start, end, t0);
        double deltaEt = Math.Abs(slope) * Math.Sqrt(tau);
        double deltaEs = Math.Abs(r[restAfter].Voltage - r[restBefore].Voltage);
        if (!(tau > 0) || !(deltaEt > 0)) return null;
        double L = inputs.Length;
        double d = 4 / (Math.PI * tau) * L * L * Math.Pow(deltaEs / deltaEt, 2);
        double current = 0;
        for (int k = start; k <= end; k++) current += r[k].Current;
        current /= end - start + 1;
        double ir = r[start].Voltage - r[restBefore].Voltage - slope * Math.Sqrt(Math.Max(0, r[start].Time - t0));
        double drift = RestDrift(r, end + 1, restAfter);
        var pulse = new GittPulse(index, r[start].Cycle, r[start].Kind, t0, tau, current, r[restBefore].Voltage, r[restAfter].Voltage,
            ir, deltaEs, deltaEt, d, r2, tau * d / (L * L), drift);
        return pulse with { Rejection = Rejection(pulse) };
    }

    /// <summary>The first validity condition a pulse fails, or null.</summary>
    static string? Rejection(GittPulse p)
    {
        if (p.RestDrift > Math.Max(MaxRestDrift * p.DeltaEs, 2e-4))
            return $"not relaxed: the voltage still moved {p.RestDrift * 1e3:G3} mV over the last fifth of the rest (dEs = {p.DeltaEs * 1e3:G3} mV)";
        if (p.LinearityR2 < MinR2) return $"E is not linear in sqrt(t) during the pulse (R^2 = {p.LinearityR2:F3} < {MinR2})";
        if (p.TauOverDiffusionTime > MaxTauOverDiffusionTime)
            return $"pulse too long for the short-time solution: tau D / L^2 = {p.TauOverDiffusionTime:G3} > {MaxTauOverDiffusionTime}";
        return null;
    }

    /// <summary>Voltage change over the last fifth (by time) of the rest records first..last.</summary>
    static double RestDrift(IReadOnlyList<CyclerRecord> r, int first, int last)
    {
        double from = r[last].Time - 0.2 * (r[last].Time - r[first].Time);
        int k = first;
        while (k < last && r[k].Time < from) k++;
        return Math.Abs(r[last].Voltage - r[k].Voltage);
    }

    /// <summary>Least-squares line E = a + b sqrt(t - t0) over records start..end; returns b and R^2.</summary>
    public static (double Slope, double R2) FitSqrtTime(IReadOnlyList<CyclerRecord> r, int start, int end, double t0)
    {
        int n = end - start + 1;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int k = start; k <= end; k++)
        {
            double x = Math.Sqrt(Math.Max(0, r[k].Time - t0)), y = r[k].Voltage;
            sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y;
        }
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (vx <= 0) return (0, 0);
        double b = cxy / vx;
        double r2 = vy > 0 ? cxy * cxy / (vx * vy) : 1;
        return (b, r2);
    }
}
