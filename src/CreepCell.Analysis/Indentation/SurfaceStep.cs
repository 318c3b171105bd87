namespace CreepCell.Analysis.Indentation;

/// <summary>
/// The surface part of the indentation pipeline. With --find-surface each indent's depth is moved to its first
/// contact (see <see cref="SurfaceFinder"/>) before anything else, and an indent whose surface is not found is
/// left out with the reason. Without it the zero is checked: when the loading of most indents starts well past
/// the recorded zero (rows that go deeper with no load), a warning says by how much.
/// </summary>
static class SurfaceStep
{
    /// <summary>Median shift above which an uncorrected file is warned about: a few nm is within the fit's scatter.</summary>
    public const double WarnShift = 5e-9;

    public static IndentFile Apply(IndentFile file, Func<IndentTest, string> name, bool apply, List<SurfaceResult> found, List<AnalysisFailure> failures, List<string> warnings)
    {
        var results = file.Tests.Select(t => (Test: t, Surface: SurfaceFinder.Find(t, out string? why), Why: why)).ToList();
        if (!apply)
        {
            if (Warning(file.Path, results.Where(r => r.Surface is not null).Select(r => r.Surface!.Shift).ToList()) is string w) warnings.Add(w);
            return file;
        }
        var tests = new List<IndentTest>();
        foreach (var (test, surface, why) in results)
        {
            if (surface is null) { failures.Add(new AnalysisFailure(name(test), 0, "surface not found: " + why)); continue; }
            found.Add(surface with { Indent = name(test) });
            tests.Add(SurfaceFinder.Shifted(test, surface.Shift));
        }
        return file with { Tests = tests };
    }

    static string? Warning(string path, List<double> shifts)
    {
        if (shifts.Count == 0) return null;
        double median = shifts.OrderBy(x => x).ElementAt(shifts.Count / 2);
        if (median <= WarnShift) return null;
        return $"{Path.GetFileName(path)}: the loading starts {median * 1e9:F0} nm past the recorded zero (median over {shifts.Count} indents, {shifts.Min() * 1e9:F0} to {shifts.Max() * 1e9:F0} nm: rows that go deeper with no load); depths, contact areas, E and H are off by it; --find-surface moves each indent's zero to its first contact";
    }
}
