namespace CreepCell.Analysis.Indentation;

/// <summary>All indents of a run, the failures with reasons, and means over indents.</summary>
public sealed record IndentReport(IReadOnlyList<IndentResult> Indents, IReadOnlyList<AnalysisFailure> Failures, IndentJob Job)
{
    /// <summary>Frame calibrations made for this run, per file.</summary>
    public IReadOnlyList<(string File, FrameCalibrationResult Result)> Frames { get; init; } = Array.Empty<(string, FrameCalibrationResult)>();

    /// <summary>Tip area calibrations made for this run, per file.</summary>
    public IReadOnlyList<(string File, AreaCalibrationResult Result)> Areas { get; init; } = Array.Empty<(string, AreaCalibrationResult)>();

    /// <summary>First-contact shifts applied to the indents' depths (with --find-surface).</summary>
    public IReadOnlyList<SurfaceResult> Surfaces { get; init; } = Array.Empty<SurfaceResult>();

    /// <summary>Assumptions and doubtful results the numbers rest on (see <see cref="IndentChecks"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The report of each input file in input order. A file is one sample, so means over indents are formed
    /// per file: two samples given together are never averaged into one number.
    /// </summary>
    public IReadOnlyList<IndentReport> PerFile() =>
        Indents.GroupBy(i => i.File).Select(g => this with { Indents = g.ToList() }).ToList();

    /// <summary>Mean +- std of E and H over indents, per unload cycle number.</summary>
    public IEnumerable<(int Cycle, MeanStd Pmax, MeanStd Modulus, MeanStd Hardness)> CycleSummary() =>
        Indents.SelectMany(i => i.Unloads).GroupBy(u => u.Cycle).OrderBy(g => g.Key)
            .Select(g => (g.Key, MeanStd.Of(g.Select(u => u.Pmax)), MeanStd.Of(g.Select(u => u.Modulus)), MeanStd.Of(g.Select(u => u.Hardness))));

    /// <summary>Mean +- std over indents of the per-indent CSM window averages.</summary>
    public (MeanStd Modulus, MeanStd Hardness) CsmSummary() =>
        (MeanStd.Of(Indents.Where(i => i.CsmAverage != null).Select(i => i.CsmAverage!.Value.Modulus.Mean)),
         MeanStd.Of(Indents.Where(i => i.CsmAverage != null).Select(i => i.CsmAverage!.Value.Hardness.Mean)));

    public MeanStd RateSensitivitySummary() => MeanStd.Of(Indents.Where(i => i.Rate != null).Select(i => i.Rate!.M));

    public MeanStd HoldExponentSummary() => MeanStd.Of(Indents.Where(i => i.Hold != null).Select(i => i.Hold!.N));
}
