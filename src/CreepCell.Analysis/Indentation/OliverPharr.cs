namespace CreepCell.Analysis.Indentation;

/// <summary>Result of one unload: peak load and depth, fit, stiffness, contact depth and area, moduli and hardness (SI).</summary>
public sealed record UnloadResult(
    string Indent, int Cycle, double Pmax, double Hmax, double Stiffness, double ContactDepth, double ContactArea,
    double ReducedModulus, double Modulus, double Hardness, UnloadFit Fit, UnloadSegment Segment);

/// <summary>
/// Oliver-Pharr analysis of quasi-static unloads (paper, Methods eq. 1-3; Oliver and Pharr 1992):
/// power-law fit of each unload, S = dP/dh at the unload start, hc = h - eps Pmax/S, A = A(hc),
/// Er = sqrt(pi)/(2 beta) S/sqrt(A), E from 1/Er = (1-v^2)/E + (1-vi^2)/Ei, H = Pmax/A.
/// Depth is corrected for frame compliance (h - Cf P) and thermal drift before the fit.
/// </summary>
internal static class OliverPharr
{
    public static (List<UnloadResult> Results, List<AnalysisFailure> Failures) Analyze(IndentTest test, IndentOptions o)
    {
        var results = new List<UnloadResult>();
        var failures = new List<AnalysisFailure>();
        double[] depth = CorrectedDepth(test, o);
        var unloads = Segmentation.FindUnloads(test.Load);
        if (unloads.Count == 0) failures.Add(new AnalysisFailure(test.Name, 0, "no unload found (the load never falls by 20 % below its maximum)"));
        foreach (var seg in unloads)
        {
            var r = AnalyzeUnload(test.Name, seg, depth, test.Load, o, out string? why);
            if (r != null) results.Add(r);
            else failures.Add(new AnalysisFailure(test.Name, seg.Cycle, why!));
        }
        return (results, failures);
    }

    /// <summary>Depth after drift (when the test has a low-load hold and correction is on) and frame compliance.</summary>
    public static double[] CorrectedDepth(IndentTest test, IndentOptions o)
    {
        double[] h = o.DriftCorrection && Drift.Rate(test) is double rate ? Drift.Correct(test, rate) : (double[])test.Depth.Clone();
        for (int i = 0; i < h.Length; i++) h[i] -= o.FrameCompliance * test.Load[i];
        return h;
    }

    public static UnloadResult? AnalyzeUnload(string indent, UnloadSegment seg, IReadOnlyList<double> depth, IReadOnlyList<double> load, IndentOptions o, out string? why)
    {
        double pMax = load[seg.Start], hMax = depth[seg.Start];
        var h = new List<double>(); var p = new List<double>();
        for (int i = seg.Start; i <= seg.End; i++)
        {
            if (load[i] < o.UnloadWindowLow * pMax) break;
            if (load[i] <= o.UnloadWindowHigh * pMax) { h.Add(depth[i]); p.Add(load[i]); }
        }
        if (h.Count < 6) { why = $"only {h.Count} unload points between {o.UnloadWindowLow:P0} and {o.UnloadWindowHigh:P0} of Pmax (need 6)"; return null; }
        var fit = UnloadFit.Fit(h, p);
        if (!double.IsFinite(fit.M) || fit.M < 1 || fit.M > 3) { why = $"unload fit exponent m = {fit.M:G3} is outside 1..3 (not an elastic unload)"; return null; }
        double s = fit.Slope(hMax);
        if (!(s > 0)) { why = "unloading stiffness is not positive"; return null; }
        double hc = ContactMechanics.ContactDepth(hMax, pMax, s, o.Epsilon);
        double area = o.Area.Area(hc);
        if (!(area > 0)) { why = $"contact depth {hc * 1e9:F1} nm gives no contact area"; return null; }
        double er = ContactMechanics.ReducedModulus(s, area, o.Beta);
        double e = ContactMechanics.SampleModulus(er, o.SamplePoisson, o.IndenterModulus, o.IndenterPoisson);
        if (!double.IsFinite(e)) { why = $"reduced modulus {er / 1e9:F1} GPa is not below the indenter's; check the area function and frame compliance"; return null; }
        why = null;
        return new UnloadResult(indent, seg.Cycle, pMax, hMax, s, hc, area, er, e, pMax / area, fit, seg);
    }
}
