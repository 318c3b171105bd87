namespace CreepCell.Analysis.Indentation;

/// <summary>
/// The joint calibration part of the indentation pipeline (--calibrate-area with --calibrate-frame): frame
/// compliance and area function from the file's unloads (see <see cref="JointCalibration"/>), and the options that use them.
/// </summary>
static class JointStep
{
    public static IndentOptions Calibrate(IndentFile file, IndentOptions options, double modulus, int terms,
        List<(string, FrameCalibrationResult)> frames, List<(string, AreaCalibrationResult)> areas, List<AnalysisFailure> failures, List<string> warnings)
    {
        string name = Path.GetFileName(file.Path);
        var raw = file.Tests.SelectMany(t => OliverPharr.Analyze(t, options with { FrameCompliance = 0 }).Results).ToList();
        var joint = JointCalibration.Fit(raw, modulus, options, terms, out string? why);
        if (joint is null)
        {
            failures.Add(new AnalysisFailure(name, 0, "joint area and frame calibration: " + why + "; neither is applied"));
            return options;
        }
        var frame = joint.Frame;
        var bound = FrameBound.Largest(raw, joint.Area.ReducedModulus, options);
        if (frame.Compliance < 0)
        {
            failures.Add(new AnalysisFailure(name, 0, $"joint calibration: frame compliance {frame.Compliance * 1e6:G3} +- {frame.ComplianceError * 1e6:G2} nm/mN is negative and was not applied ({Overcorrected(bound, modulus)}); the area function is calibrated alone with the file's frame compliance {options.FrameCompliance * 1e6:G3} nm/mN"));
            return IndentAnalysis.CalibrateArea(file, options, modulus, terms, areas, failures);
        }
        if (bound is not null && frame.Compliance - 2 * frame.ComplianceError > bound.Compliance)
            warnings.Add($"{name}: calibrated frame compliance {frame.Compliance * 1e6:G3} +- {frame.ComplianceError * 1e6:G2} nm/mN is more than the {bound.Compliance * 1e6:G3} nm/mN the deepest unloads permit at E = {modulus / 1e9:G4} GPa ({BoundText(bound)}); the reference modulus or the stiffness of the deep unloads is wrong");
        warnings.AddRange(IndentChecks.FrameWarnings(file.Path, frame, raw, idealArea: false));
        frames.Add((file.Path, frame));
        areas.Add((file.Path, joint.Area));
        return options with { FrameCompliance = frame.Compliance, Area = joint.Area.Area };
    }

    /// <summary>Why a negative frame compliance means the export was corrected already, with the numbers when the bound proves it.</summary>
    static string Overcorrected(FrameBoundResult? b, double modulus) => b is { Compliance: < 0 }
        ? $"the exported depth was already corrected with a frame compliance at least {-b.Compliance * 1e6:G2} nm/mN too large: {BoundText(b)} at E = {modulus / 1e9:G4} GPa, so the frame compliance can be at most {b.Compliance * 1e6:G2} nm/mN whatever the hardness does with depth"
        : "the export is probably already corrected for the frame";

    static string BoundText(FrameBoundResult b) =>
        $"the {b.Unloads} deepest unloads ({b.Load * 1e3:G3} mN, hc {b.ContactDepth * 1e9:F0} nm) have a measured compliance of {b.MeasuredCompliance * 1e6:G3} nm/mN, while the contact alone has at least {(b.MeasuredCompliance - b.Compliance) * 1e6:G3} nm/mN there, even with {FrameBound.PileUpAreaLimit} times the ideal Berkovich area (pile-up)";
}
