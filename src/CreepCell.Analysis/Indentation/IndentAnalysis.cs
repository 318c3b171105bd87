namespace CreepCell.Analysis.Indentation;

/// <summary>
/// The indentation pipeline: read each file (G200 .xls/.xlsx or CSV), resolve the settings (defaults, then
/// the file's stored values, then the user's), and run Oliver-Pharr on every unload, CSM, strain-rate jumps and
/// hold creep where asked. Indents that cannot be analysed are reported with the reason.
/// </summary>
public static class IndentAnalysis
{
    public static IndentFile ReadFile(string path, IReadOnlyDictionary<string, string>? csvColumns)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        return ext switch
        {
            ".xls" or ".xlsx" => G200Reader.Read(path),
            ".csv" or ".txt" or ".tsv" => CsvIndentReader.Read(path, csvColumns),
            _ => throw new InputException(path, null, $"unknown file type \"{ext}\"; expected .xls, .xlsx (G200 export) or .csv"),
        };
    }

    public static IndentReport Run(IReadOnlyList<string> paths, IndentJob job)
    {
        var files = paths.Select(p => ReadFile(p, job.CsvColumns)).ToList();
        var indents = new List<IndentResult>();
        var failures = new List<AnalysisFailure>();
        bool manyFiles = files.Count > 1;
        var frames = new List<(string, FrameCalibrationResult)>();
        var areas = new List<(string, AreaCalibrationResult)>();
        var warnings = new List<string>();
        var surfaces = new List<SurfaceResult>();
        foreach (var read in files)
        {
            string prefix = manyFiles ? Path.GetFileNameWithoutExtension(read.Path) + "/" : "";
            // A one-indent CSV is named after its file already.
            string Name(IndentTest t) => manyFiles && t.Name != Path.GetFileNameWithoutExtension(read.Path) ? prefix + t.Name : t.Name;
            var file = SurfaceStep.Apply(read, Name, job.FindSurface, surfaces, failures, warnings);
            var options = job.Overrides.Apply(new IndentOptions().WithInstrument(file.Settings));
            bool joint = job.CalibrateAreaModulus is not null && job.CalibrateFrame && job.Overrides.FrameCompliance is null;
            if (joint) options = JointStep.Calibrate(file, options, job.CalibrateAreaModulus!.Value, job.AreaTerms, frames, areas, failures, warnings);
            else if (job.CalibrateAreaModulus is double eRef) options = CalibrateArea(file, options, eRef, job.AreaTerms, areas, failures);
            if (job.CalibrateAreaModulus is not null && areas.Count > 0 && areas[^1].Item1 == file.Path && IndentChecks.AreaFitWarning(file.Path, areas[^1].Item2) is string aw) warnings.Add(aw);
            else if (IndentChecks.AreaFunctionWarning(file.Path, options) is string areaWarning) warnings.Add(areaWarning);
            if (job.CalibrateFrame && job.Overrides.FrameCompliance is null && !joint)
                options = CalibrateFrame(file, options, frames, failures, warnings);
            int first = indents.Count;
            failures.AddRange(file.Skipped.Select(s => new AnalysisFailure(prefix + s.Indent, 0, s.Reason)));
            foreach (var test in file.Tests)
            {
                string name = Name(test);
                indents.Add(AnalyzeOne(name, file.Path, test with { Name = name }, options, job, failures));
            }
            if (IndentChecks.InstrumentWarning(file.Path, indents.Skip(first), job.CsmFrom, job.CsmTo) is string w) warnings.Add(w);
        }
        var (kept, rejected) = IndentOutliers.Reject(indents, job.OutlierSigma);
        failures.AddRange(rejected);
        return new IndentReport(kept, failures, job) { Frames = frames, Areas = areas, Warnings = warnings, Surfaces = surfaces };
    }

    /// <summary>
    /// Estimates the file's frame compliance and returns the options that use it; a negative compliance is
    /// unphysical and is reported, not applied.
    /// </summary>
    static IndentOptions CalibrateFrame(IndentFile file, IndentOptions options, List<(string, FrameCalibrationResult)> frames, List<AnalysisFailure> failures, List<string> warnings)
    {
        var raw = file.Tests.SelectMany(t => OliverPharr.Analyze(t, options with { FrameCompliance = 0 }).Results).ToList();
        var frame = FrameCalibration.Estimate(raw, options, out string? why);
        string name = Path.GetFileName(file.Path);
        if (frame is null) { failures.Add(new AnalysisFailure(name, 0, "frame calibration: " + why)); return options; }
        if (frame.Compliance < 0)
        {
            failures.Add(new AnalysisFailure(name, 0, $"frame calibration: compliance {frame.Compliance * 1e6:G3} +- {frame.ComplianceError * 1e6:G2} nm/mN is negative and was not applied (the export is probably already corrected for the frame, or the area function is wrong); the file's frame compliance {options.FrameCompliance * 1e6:G3} nm/mN is used"));
            return options;
        }
        warnings.AddRange(IndentChecks.FrameWarnings(file.Path, frame, raw, IndentChecks.IsIdeal(options)));
        frames.Add((file.Path, frame));
        return options with { FrameCompliance = frame.Compliance };
    }

    /// <summary>Fits the tip area function on the file's unloads (a reference of known modulus) and returns the options that use it.</summary>
    internal static IndentOptions CalibrateArea(IndentFile file, IndentOptions options, double modulus, int terms, List<(string, AreaCalibrationResult)> areas, List<AnalysisFailure> failures)
    {
        var unloads = file.Tests.SelectMany(t => OliverPharr.Analyze(t, options).Results).ToList();
        var cal = AreaCalibration.Fit(unloads, modulus, options, terms, out string? why);
        if (cal is null) { failures.Add(new AnalysisFailure(Path.GetFileName(file.Path), 0, "area calibration: " + why)); return options; }
        areas.Add((file.Path, cal));
        return options with { Area = cal.Area };
    }

    static IndentResult AnalyzeOne(string name, string file, IndentTest test, IndentOptions o, IndentJob job, List<AnalysisFailure> failures)
    {
        var (unloads, fails) = OliverPharr.Analyze(test, o);
        var csm = Csm.Curve(test, o);
        (MeanStd, MeanStd)? avg = null;
        if (csm.Count > 0)
        {
            var a = Csm.Average(csm, job.CsmFrom, job.CsmTo);
            if (a.Modulus.Count > 0) avg = a;
            else failures.Add(new AnalysisFailure(name, 0, $"no CSM points between {job.CsmFrom * 1e9:G4} and {job.CsmTo * 1e9:G4} nm"));
        }
        // A CSM test that stops without unloading has been analysed; a missing unload is then no failure.
        failures.AddRange(csm.Count > 0 ? fails.Where(f => f.Cycle > 0) : fails);
        RateSensitivity? rate = null;
        if (job.StrainRateJump)
        {
            rate = StrainRateJump.Analyze(test, o, job.JumpDepths, job.JumpTransient, out string? why, job.CsmFrom);
            if (rate == null) failures.Add(new AnalysisFailure(name, 0, "strain-rate jump: " + why));
        }
        HoldCreepResult? hold = null;
        if (job.Hold)
        {
            hold = HoldCreep.Analyze(test, o, job.HoldTransient, out string? why);
            if (hold == null) failures.Add(new AnalysisFailure(name, 0, "hold creep: " + why));
        }
        var result = new IndentResult(name, file, o, test, unloads, csm, avg, rate, hold);
        return job.PopIn ? result with { PopIn = PopInStep.Analyze(result, job, failures) } : result;
    }
}
