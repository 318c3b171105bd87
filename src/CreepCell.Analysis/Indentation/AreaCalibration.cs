using MathNet.Numerics.LinearAlgebra;

namespace CreepCell.Analysis.Indentation;

/// <summary>One unload of the calibration: its contact depth, the area the reference modulus implies, and the fitted area (SI).</summary>
public sealed record AreaCalibrationPoint(string Indent, int Cycle, double ContactDepth, double Area, double FittedArea, bool Rejected);

/// <summary>
/// Tip area function calibration on a reference material of known modulus (Oliver and Pharr, J. Mater. Res. 7
/// (1992) 1564, eq. 2 and 22): with Er known, each unload's stiffness gives the contact area
/// A = pi S^2 / (4 beta^2 Er^2) at its contact depth hc = h - eps P / S, and A(hc) = C0 hc^2 + C1 hc +
/// C2 hc^(1/2) + ... is fitted to these points by least squares on the relative residual (A spans orders of
/// magnitude; each point counts by its relative error), with outliers rejected (see <see cref="RejectOutliers"/>).
/// The fit is made in nm so the columns are of similar size.
/// Unloads must have been analysed with the frame compliance that is to be used with the area function.
/// </summary>
internal static class AreaCalibration
{
    public static AreaCalibrationResult? Fit(IReadOnlyList<UnloadResult> unloads, double referenceModulus, IndentOptions o, int terms, out string? why)
    {
        double er = ContactMechanics.ReducedFromSample(referenceModulus, o.SamplePoisson, o.IndenterModulus, o.IndenterPoisson);
        var hc = new List<double>();
        var area = new List<double>();
        var used = new List<UnloadResult>();
        foreach (var u in unloads.Where(u => u.ContactDepth > 0 && u.Stiffness > 0))
        {
            double a = Math.PI * u.Stiffness * u.Stiffness / (4 * o.Beta * o.Beta * er * er);
            hc.Add(u.ContactDepth); area.Add(a); used.Add(u);
        }
        if (terms < 1 || terms > 8) { why = $"the number of area terms must be 1 to 8, got {terms}"; return null; }
        if (hc.Count < terms + 2) { why = $"need at least {terms + 2} unloads for {terms} area terms, got {hc.Count}"; return null; }
        if (hc.Max() < 2 * hc.Min()) { why = $"the contact depths span only {hc.Min() * 1e9:F0}-{hc.Max() * 1e9:F0} nm; indent over at least a factor 2 in depth"; return null; }
        var keep = FarFromSquareLaw(hc, area);
        AreaFunction? fitted = null;
        for (int pass = 0; pass < 10; pass++)
        {
            var idx = Enumerable.Range(0, hc.Count).Where(i => keep[i]).ToList();
            if (idx.Count < terms + 2) { why = $"only {idx.Count} unloads are left after rejecting outliers (need {terms + 2})"; return null; }
            var nm = Solve(idx.Select(i => hc[i] * 1e9).ToList(), idx.Select(i => area[i] * 1e18).ToList(), terms);
            if (nm is null) { why = "the area fit is singular (too few distinct depths for the number of terms)"; return null; }
            fitted = AreaFunction.FromNanometre(nm);
            if (!RejectOutliers(hc, area, fitted, keep)) break;
        }
        var points = used.Select((u, i) => new AreaCalibrationPoint(u.Indent, u.Cycle, hc[i], area[i], fitted!.Area(hc[i]), !keep[i])).ToList();
        double rms = Math.Sqrt(points.Where(p => !p.Rejected).Average(p => Math.Pow(p.FittedArea / p.Area - 1, 2)));
        why = null;
        return new AreaCalibrationResult(fitted!, referenceModulus, er, points, rms);
    }

    /// <summary>
    /// Marks points whose relative residual exceeds 3 robust standard deviations (1.4826 times the median absolute
    /// relative residual), and at least 5 %: a broken unload gives an area off by orders of magnitude, which a
    /// relative least-squares fit would follow. True when a point was newly rejected.
    /// </summary>
    static bool RejectOutliers(List<double> hc, List<double> area, AreaFunction fitted, bool[] keep)
    {
        var r = Enumerable.Range(0, hc.Count).Select(i => Math.Abs(fitted.Area(hc[i]) / area[i] - 1)).ToArray();
        var kept = Enumerable.Range(0, hc.Count).Where(i => keep[i]).Select(i => r[i]).OrderBy(x => x).ToList();
        double limit = Math.Max(0.05, 3 * 1.4826 * kept[kept.Count / 2]);
        bool changed = false;
        for (int i = 0; i < hc.Count; i++)
            if (keep[i] && r[i] > limit) { keep[i] = false; changed = true; }
        return changed;
    }

    /// <summary>
    /// First screen, before any fit can be trusted: points whose A / hc^2 is more than 4 times off the median
    /// ratio (a blunt tip raises the ratio at shallow depth by less than that) are left out.
    /// </summary>
    static bool[] FarFromSquareLaw(List<double> hc, List<double> area)
    {
        var ratio = hc.Select((h, i) => area[i] / (h * h)).ToArray();
        double median = ratio.OrderBy(x => x).ElementAt(ratio.Length / 2);
        return ratio.Select(x => Math.Abs(Math.Log(x / median)) <= Math.Log(4)).ToArray();
    }

    /// <summary>Weighted least squares: rows hc^e_j / A, right-hand side 1, solved by QR.</summary>
    static double[]? Solve(List<double> hc, List<double> area, int terms)
    {
        var m = Matrix<double>.Build.Dense(hc.Count, terms, (i, j) => Math.Pow(hc[i], AreaFunction.Exponent(j)) / area[i]);
        var b = Vector<double>.Build.Dense(hc.Count, 1.0);
        var qr = m.QR();
        if (Enumerable.Range(0, terms).Any(j => Math.Abs(qr.R[j, j]) < 1e-12 * Math.Abs(qr.R[0, 0]))) return null;
        var c = qr.Solve(b).ToArray();
        return c.All(double.IsFinite) ? c : null;
    }
}
