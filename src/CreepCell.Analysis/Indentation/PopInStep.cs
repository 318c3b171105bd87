namespace CreepCell.Analysis.Indentation;

/// <summary>The pop-in part of the indentation pipeline: events, then the Hertz fit with the modulus chosen for it.</summary>
static class PopInStep
{
    public static PopInResult Analyze(IndentResult r, IndentJob job, List<AnalysisFailure> failures)
    {
        var events = PopIns.Find(r.Test, job.PopInOptions);
        var (e, source) = SampleModulus(r, job);
        if (events.Count == 0)
        {
            failures.Add(new AnalysisFailure(r.Indent, 0, $"pop-in: no displacement burst above {job.PopInOptions.MinJump * 1e9:G3} nm in the loading"));
            return new PopInResult(events, null, source);
        }
        if (e is null)
        {
            failures.Add(new AnalysisFailure(r.Indent, 0, "pop-in: no modulus for the Hertz tip radius (no CSM average nor unload; give --sample-modulus)"));
            return new PopInResult(events, null, source);
        }
        double er = ContactMechanics.ReducedFromSample(e.Value, r.Options.SamplePoisson, r.Options.IndenterModulus, r.Options.IndenterPoisson);
        var hertz = PopIns.FitHertz(r.Test, events[0], er, out string? why);
        if (hertz is null) failures.Add(new AnalysisFailure(r.Indent, 0, "pop-in Hertz fit: " + why));
        return new PopInResult(events, hertz, source);
    }

    static (double? E, string Source) SampleModulus(IndentResult r, IndentJob job)
    {
        if (job.HertzSampleModulus is double given) return (given, "--sample-modulus");
        if (r.CsmAverage is { } csm && double.IsFinite(csm.Modulus.Mean)) return (csm.Modulus.Mean, "CSM average");
        var unloads = r.Unloads.Select(u => u.Modulus).Where(double.IsFinite).ToList();
        return unloads.Count > 0 ? (unloads.Average(), "unloads") : (null, "none");
    }
}
