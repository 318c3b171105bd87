namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Frame compliance and tip area function calibrated together on a reference of known modulus: the frame
/// result (its Iterations are the load levels tried), the area result, and the hardness and size of the plateau the frame rests on.
/// </summary>
internal sealed record JointCalibrationResult(FrameCalibrationResult Frame, AreaCalibrationResult Area, double PlateauHardness, int PlateauUnloads);

/// <summary>
/// Joint frame-compliance and tip-area calibration on a reference of known modulus and depth-independent
/// hardness (fused silica), after Oliver and Pharr (J. Mater. Res. 7 (1992) 1564, eq. 13-14, and 19 (2004) 3):
/// the measured compliance is C = 1/S = Cf + sqrt(pi)/(2 beta Er) / sqrt(A), and where H = P/A is constant
/// A = P/H, so C = Cf + sqrt(pi H)/(2 beta Er) / sqrt(Pmax): a straight line in 1/sqrt(Pmax) whose intercept
/// is Cf, with no area function in it. Which unloads have constant hardness depends on Cf, and Cf on them: the
/// plateau is grown from the deep unloads (at least a fifth of the largest load) one load level at a time
/// (levels a quarter of a binary order of magnitude of Pmax wide) for as long as it is self-consistent, that
/// is, at the Cf of its own line every level in it has a median H = 4 beta^2 Er^2 P / (pi S^2), S the sample
/// stiffness 1/(C - Cf), within <see cref="PlateauTolerance"/> of the deep median. The search is finite and ends
/// at the first level that breaks this; if not even the deep unloads are self-consistent, the calibration fails
/// with that reason. (An iteration that re-selects single unloads by a hardness band drifts with the scatter:
/// on FusedSilica.xlsx it ran from 0.73 to 1.58 nm/mN.) With Cf fixed the area function is fitted to A = pi S^2 / (4 beta^2 Er^2) at
/// hc = h - Cf P - eps P/S (<see cref="AreaCalibration"/>).
/// Alternating Cf from C against 1/sqrt(A(hc)) with an area function fitted at the known Er has no unique
/// fixed point: the fitted areas satisfy that line for any Cf, so it keeps whatever Cf it starts from.
/// </summary>
internal static class JointCalibration
{
    /// <summary>Largest relative difference of a load level's median hardness from the deep median that still counts as the plateau.</summary>
    public const double PlateauTolerance = 0.03;
    /// <summary>Unloads with at least this share of the largest load are the deep ones (as in <see cref="FrameCalibration"/>).</summary>
    const double DeepFraction = 0.2;

    /// <summary><paramref name="raw"/>: unloads analysed without frame correction (depths surface- and drift-corrected).</summary>
    public static JointCalibrationResult? Fit(IReadOnlyList<UnloadResult> raw, double referenceModulus, IndentOptions o, int terms, out string? why)
    {
        var unloads = raw.Where(u => u.Stiffness > 0 && u.Pmax > 0).ToList();
        if (unloads.Count < 4) { why = $"need at least 4 unloads, got {unloads.Count}"; return null; }
        double er = ContactMechanics.ReducedFromSample(referenceModulus, o.SamplePoisson, o.IndenterModulus, o.IndenterPoisson);
        double pTop = unloads.Max(u => u.Pmax);
        if (pTop < 2 * unloads.Min(u => u.Pmax)) { why = $"the unloads span only {unloads.Min(u => u.Pmax) * 1e3:G3}-{pTop * 1e3:G3} mN; a factor 2 in load is needed to separate the frame"; return null; }
        var level = unloads.Select(u => (int)Math.Floor(4 * Math.Log2(pTop / u.Pmax))).ToArray();
        var accepted = GrowPlateau(unloads, level, er, o.Beta, pTop, out int tried);
        if (accepted is null)
        {
            why = $"no set of load levels from the deepest down has one hardness (within {PlateauTolerance:P0}) at the frame compliance its own compliance line gives; the reference does not have a depth-independent hardness here, or the unloads are not consistent";
            return null;
        }
        var (cf, fit, hPlateau, lowestLevel) = accepted.Value;
        var sample = unloads.Select(u => Corrected(u, cf, o)).ToList();
        var area = AreaCalibration.Fit(sample, referenceModulus, o, terms, out why);
        if (area is null) return null;
        var selected = unloads.Where((_, i) => level[i] <= lowestLevel).ToList();
        var frame = new FrameCalibrationResult(cf, er, InterceptError(selected, fit), selected.Count, tried)
        {
            Method = $"joint with the area function: compliance against 1/sqrt(Pmax) over the hardness plateau (H = {hPlateau / 1e9:G4} GPa)",
        };
        return new JointCalibrationResult(frame, area, hPlateau, selected.Count);
    }

    /// <summary>
    /// Levels of load from the deepest down. The plateau starts as the deep unloads (where the tip is closest to its
    /// ideal shape) and grows by one level at a time while it stays self-consistent: the line through it gives a Cf
    /// at which every level in it has the deep hardness within the tolerance. The first level that breaks this ends
    /// the search, so the result does not depend on a starting Cf and cannot cycle. Null when not even the deep
    /// unloads are self-consistent.
    /// </summary>
    static (double Cf, LineFit Line, double H, int Lowest)? GrowPlateau(List<UnloadResult> unloads, int[] level, double er, double beta, double pTop, out int tried)
    {
        int deepest = level.Where((_, i) => unloads[i].Pmax >= DeepFraction * pTop).Max();
        (double Cf, LineFit Line, double H, int Lowest)? accepted = null;
        tried = 0;
        foreach (int lowest in level.Distinct().Where(l => l >= deepest).OrderBy(l => l))
        {
            tried++;
            var sel = unloads.Where((_, i) => level[i] <= lowest).ToList();
            if (sel.Max(u => u.Pmax) < 2 * sel.Min(u => u.Pmax)) continue;
            var line = LineFit.Of(sel.Select(u => 1 / Math.Sqrt(u.Pmax)).ToList(), sel.Select(u => 1 / u.Stiffness).ToList());
            if (!(line.Slope > 0) || !double.IsFinite(line.Intercept)) break;
            if (!SelfConsistent(unloads, level, lowest, line.Intercept, er, beta, pTop, out double h)) break;
            accepted = (line.Intercept, line, h, lowest);
        }
        return accepted;
    }

    /// <summary>The unload as seen by the sample: stiffness 1/(1/S - Cf), depth h - Cf P, its contact depth.</summary>
    static UnloadResult Corrected(UnloadResult u, double cf, IndentOptions o)
    {
        double s = 1 / (1 / u.Stiffness - cf);
        double h = u.Hmax - cf * u.Pmax;
        return u with { Stiffness = s, Hmax = h, ContactDepth = ContactMechanics.ContactDepth(h, u.Pmax, s, o.Epsilon) };
    }

    /// <summary>
    /// True when every load level down to <paramref name="lowest"/> has a median hardness at the known Er within the
    /// tolerance of the deep unloads' median, with the sample stiffness 1/(1/S - Cf). Medians per level, not single
    /// unloads, so the indent-to-indent scatter does not decide.
    /// </summary>
    static bool SelfConsistent(List<UnloadResult> unloads, int[] level, int lowest, double cf, double er, double beta, double pTop, out double hPlateau)
    {
        var h = unloads.Select(u =>
        {
            double s = 1 / (1 / u.Stiffness - cf);
            return s > 0 ? 4 * beta * beta * er * er * u.Pmax / (Math.PI * s * s) : double.NaN;
        }).ToArray();
        double hp = hPlateau = Median(h.Where((x, i) => unloads[i].Pmax >= DeepFraction * pTop));
        return Enumerable.Range(0, lowest + 1).Where(l => level.Contains(l))
            .All(l => Math.Abs(Median(h.Where((_, i) => level[i] == l)) / hp - 1) <= PlateauTolerance);
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).OrderBy(x => x).ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    /// <summary>Standard error of the intercept: s sqrt(1/n + mean(x)^2 / Sxx).</summary>
    static double InterceptError(List<UnloadResult> sel, LineFit line)
    {
        var x = sel.Select(u => 1 / Math.Sqrt(u.Pmax)).ToList();
        int n = x.Count;
        if (n < 3 || !double.IsFinite(line.SlopeError)) return double.NaN;
        double mx = x.Average(), sxx = x.Sum(v => (v - mx) * (v - mx));
        // SlopeError = s / sqrt(Sxx), so s = SlopeError sqrt(Sxx).
        return line.SlopeError * Math.Sqrt(sxx) * Math.Sqrt(1.0 / n + mx * mx / sxx);
    }
}
