namespace CreepCell.Analysis.Indentation;

/// <summary>
/// The largest frame compliance the deepest unloads of a reference of known modulus permit: their measured compliance
/// C, less the smallest compliance the sample can have at their contact depth, and the load, contact depth and
/// measured compliance it was taken at (medians over the deepest unloads).
/// </summary>
internal sealed record FrameBoundResult(double Compliance, double MeasuredCompliance, double Load, double ContactDepth, int Unloads);

/// <summary>
/// Frame compliance of one unload on a reference of known reduced modulus Er, without a line through several depths:
/// C = 1/S = Cf + sqrt(pi)/(2 beta Er) / sqrt(A(hc)) with hc = h - Cf P - eps P (C - Cf), solved for Cf by
/// fixed-point iteration (Oliver and Pharr, J. Mater. Res. 7 (1992) 1564, eq. 13). With the tip's area function
/// this is the frame compliance itself (ISO 14577-2 with a known modulus); with the largest area the contact can
/// have it is an upper bound: a contact that piles up has at most 1.6 times the area the Oliver-Pharr contact depth
/// gives (Bolshakov and Pharr, J. Mater. Res. 13 (1998) 1049: up to 60 % for hf/hmax above 0.7 and no work
/// hardening), and a tip at least the ideal Berkovich's 24.5 hc^2. A negative bound proves that the displacement was
/// already corrected with a frame compliance larger than the instrument's, whatever the hardness does with depth.
/// Unloads must have been analysed without frame correction.
/// </summary>
internal static class FrameBound
{
    /// <summary>Largest ratio of true to Oliver-Pharr contact area from pile-up (Bolshakov and Pharr 1998).</summary>
    public const double PileUpAreaLimit = 1.6;
    /// <summary>Unloads with at least this share of the largest load are the deepest ones the bound is taken from.</summary>
    const double DeepestFraction = 0.7;

    /// <summary>Cf such that the unload's sample compliance C - Cf is that of a contact of area <paramref name="area"/>(hc) at reduced modulus <paramref name="er"/>.</summary>
    public static double OfUnload(UnloadResult u, double er, Func<double, double> area, IndentOptions o)
    {
        double c = 1 / u.Stiffness, k = Math.Sqrt(Math.PI) / (2 * o.Beta * er), cf = 0;
        for (int it = 0; it < 100; it++)
        {
            double hc = u.Hmax - cf * u.Pmax - o.Epsilon * u.Pmax * (c - cf);
            double a = area(hc);
            if (!(a > 0)) return double.NaN;
            double next = c - k / Math.Sqrt(a);
            if (Math.Abs(next - cf) <= 1e-9 * Math.Abs(c)) return next;
            cf = next;
        }
        return cf;
    }

    /// <summary>Largest contact area at contact depth hc: the pile-up limit times the larger of the ideal Berkovich and the given tip.</summary>
    public static double LargestArea(double hc, AreaFunction tip) =>
        PileUpAreaLimit * Math.Max(AreaFunction.IdealBerkovich.Area(hc), tip.Area(hc));

    /// <summary>The upper bound from the unloads with at least 70 % of the largest load; null without such unloads.</summary>
    public static FrameBoundResult? Largest(IReadOnlyList<UnloadResult> raw, double er, IndentOptions o)
    {
        var ok = raw.Where(u => u.Stiffness > 0 && u.Pmax > 0).ToList();
        if (ok.Count == 0) return null;
        double pTop = ok.Max(u => u.Pmax);
        var deep = ok.Where(u => u.Pmax >= DeepestFraction * pTop).ToList();
        var cf = deep.Select(u => OfUnload(u, er, hc => LargestArea(hc, o.Area), o)).ToList();
        var hc = deep.Select((u, i) => u.Hmax - cf[i] * u.Pmax - o.Epsilon * u.Pmax * (1 / u.Stiffness - cf[i]));
        return new FrameBoundResult(Median(cf), Median(deep.Select(u => 1 / u.Stiffness)), Median(deep.Select(u => u.Pmax)), Median(hc), deep.Count);
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).OrderBy(x => x).ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }
}
