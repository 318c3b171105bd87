namespace CreepCell.Analysis.Indentation;

/// <summary>Load-frame compliance from unloads at several depths, with the reduced modulus it implies.</summary>
public sealed record FrameCalibrationResult(double Compliance, double ReducedModulus, double ComplianceError, int Unloads, int Iterations)
{
    /// <summary>How the compliance was found, for the report.</summary>
    public string Method { get; init; } = "compliance against 1/sqrt(A), deep unloads";
}

/// <summary>
/// Frame compliance by the Oliver-Pharr method (Oliver and Pharr, J. Mater. Res. 7 (1992) 1564, eq. 13-14):
/// the measured compliance is C = 1/S = Cf + sqrt(pi)/(2 beta Er) / sqrt(A), a straight line in 1/sqrt(A) whose
/// intercept is Cf. Because A depends on the contact depth, which depends on the sample stiffness 1/(C - Cf) and
/// the sample depth h - Cf P, the fit is repeated with the corrected contact areas until Cf settles.
/// Only unloads with at least a fifth of the largest load are used (Oliver and Pharr use their largest indents).
/// Unloads must have been analysed without frame correction. A negative result means the exported displacement
/// was already corrected with too large a frame compliance.
/// </summary>
internal static class FrameCalibration
{
    public static FrameCalibrationResult? Estimate(IReadOnlyList<UnloadResult> all, IndentOptions o, out string? why, double minLoadFraction = 0.2)
    {
        // Deep indents only: there the tip-shape error of the area function is smallest and the frame's share largest.
        double pTop = all.Count > 0 ? all.Max(u => u.Pmax) : 0;
        var unloads = all.Where(u => u.Pmax >= minLoadFraction * pTop).ToList();
        if (unloads.Count < 3) { why = $"need at least 3 unloads at different depths, got {unloads.Count}"; return null; }
        double cf = 0;
        LineFit fit = default;
        int it;
        for (it = 1; it <= 50; it++)
        {
            var x = new List<double>(); var y = new List<double>();
            foreach (var u in unloads)
            {
                double sSample = 1 / (1 / u.Stiffness - cf);
                if (!(sSample > 0)) continue;
                double hc = ContactMechanics.ContactDepth(u.Hmax - cf * u.Pmax, u.Pmax, sSample, o.Epsilon);
                double a = o.Area.Area(hc);
                if (!(a > 0)) continue;
                x.Add(1 / Math.Sqrt(a)); y.Add(1 / u.Stiffness);
            }
            fit = LineFit.Of(x, y);
            if (x.Count < 3 || !double.IsFinite(fit.Intercept)) { why = "the unloads do not give a straight line of compliance against 1/sqrt(A)"; return null; }
            double next = fit.Intercept;
            bool done = Math.Abs(next - cf) <= 1e-6 * Math.Abs(next) + 1e-15;
            cf = next;
            if (done) break;
        }
        if (!(fit.Slope > 0)) { why = "compliance does not fall with contact area; no frame compliance can be separated"; return null; }
        why = null;
        double er = Math.Sqrt(Math.PI) / (2 * o.Beta * fit.Slope);
        return new FrameCalibrationResult(cf, er, InterceptError(unloads, fit), unloads.Count, it);
    }

    static double InterceptError(IReadOnlyList<UnloadResult> unloads, LineFit fit) =>
        fit.Points > 2 && double.IsFinite(fit.SlopeError) ? fit.SlopeError * Math.Sqrt(unloads.Average(u => 1.0 / u.ContactArea)) : double.NaN;
}
