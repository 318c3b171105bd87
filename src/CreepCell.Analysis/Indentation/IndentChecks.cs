namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Checks that turn the silent assumptions of an indentation analysis into warnings: an ideal tip area
/// function, disagreement with the instrument's own CSM values, and frame calibrations that are uncertain,
/// dominate the measured compliance or were made with an ideal area function.
/// </summary>
internal static class IndentChecks
{
    /// <summary>Relative difference to the instrument's own E or H beyond which a warning is given.</summary>
    public const double InstrumentTolerance = 0.10;
    /// <summary>Share of the stiffest unload's measured compliance above which the frame correction dominates E.</summary>
    public const double FrameShareLimit = 0.10;
    /// <summary>Relative standard error of a calibrated frame compliance above which it is called uncertain.</summary>
    public const double FrameErrorLimit = 0.25;

    public static bool IsIdeal(IndentOptions o) => ReferenceEquals(o.Area, AreaFunction.IdealBerkovich);

    public static string? AreaFunctionWarning(string file, IndentOptions o) => IsIdeal(o)
        ? $"{Path.GetFileName(file)}: no tip area function in the file and none given with --area-coefficients; the ideal Berkovich A = 24.5 hc^2 is used, which ignores the tip rounding (calibrate one on fused silica with --calibrate-area \"72 GPa\" and give it with --area-coefficients)"
        : null;

    /// <summary>Median ratio of our CSM E and H to the instrument's own values in the averaging window.</summary>
    public static string? InstrumentWarning(string file, IEnumerable<IndentResult> indents, double from, double to)
    {
        var pts = indents.SelectMany(i => i.Csm).Where(c => c.Depth >= from && c.Depth <= to
            && c.InstrumentModulus > 0 && double.IsFinite(c.InstrumentModulus) && c.InstrumentHardness > 0 && double.IsFinite(c.InstrumentHardness)).ToList();
        if (pts.Count < 10) return null;
        double e = Median(pts.Select(p => p.Modulus / p.InstrumentModulus)), h = Median(pts.Select(p => p.Hardness / p.InstrumentHardness));
        if (Math.Abs(e - 1) <= InstrumentTolerance && Math.Abs(h - 1) <= InstrumentTolerance) return null;
        return $"{Path.GetFileName(file)}: between {from * 1e9:G4} and {to * 1e9:G4} nm the CSM modulus is {Pct(e)} and the hardness {Pct(h)} against the instrument's own values (median of {pts.Count} points); check the area function, frame compliance, Poisson ratio and beta";
    }

    /// <summary>Why a calibrated frame compliance is doubtful; nothing when it is sound.</summary>
    public static IEnumerable<string> FrameWarnings(string file, FrameCalibrationResult f, IReadOnlyList<UnloadResult> raw, bool idealArea)
    {
        string name = Path.GetFileName(file);
        double cf = f.Compliance;
        if (!(f.ComplianceError <= FrameErrorLimit * cf))
            yield return $"{name}: calibrated frame compliance {cf * 1e6:G3} +- {f.ComplianceError * 1e6:G2} nm/mN is uncertain by more than {FrameErrorLimit * 100:F0} %";
        double share = cf * raw.Max(u => u.Stiffness);
        if (share > FrameShareLimit)
            yield return $"{name}: the calibrated frame takes {share * 100:F0} % of the measured compliance of the stiffest unload, so E rests on the frame correction (it raises E there by about {(1 / (1 - share) - 1) * 100:F0} %)";
        if (idealArea)
            yield return $"{name}: the frame was calibrated with the ideal area function, which folds the tip rounding into the frame compliance; calibrate area function and frame together on a reference";
    }

    /// <summary>Rms relative misfit of a calibrated area function above which it is called unusable.</summary>
    public const double AreaMisfitLimit = 0.10;

    public static string? AreaFitWarning(string file, AreaCalibrationResult a) => a.RmsRelativeError > AreaMisfitLimit
        ? $"{Path.GetFileName(file)}: the calibrated area function misses its points by {a.RmsRelativeError:P0} rms (more than {AreaMisfitLimit:P0}); the unloads do not follow one tip shape: check the depth zero (--find-surface), the reference modulus and the Poisson ratio"
        : null;

    static string Pct(double ratio) => $"{(ratio - 1) * 100:+0;-0;0} %";

    static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }
}
