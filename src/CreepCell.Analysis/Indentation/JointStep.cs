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
        if (frame.Compliance < 0)
        {
            failures.Add(new AnalysisFailure(name, 0, $"joint calibration: frame compliance {frame.Compliance * 1e6:G3} +- {frame.ComplianceError * 1e6:G2} nm/mN is negative and was not applied (the export is probably already corrected for the frame); the area function is calibrated alone with the file's frame compliance {options.FrameCompliance * 1e6:G3} nm/mN"));
            return IndentAnalysis.CalibrateArea(file, options, modulus, terms, areas, failures);
        }
        warnings.AddRange(IndentChecks.FrameWarnings(file.Path, frame, raw, idealArea: false));
        frames.Add((file.Path, frame));
        areas.Add((file.Path, joint.Area));
        return options with { FrameCompliance = frame.Compliance, Area = joint.Area.Area };
    }
}
