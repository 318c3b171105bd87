namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// Four-probe conductivity of a powder compact at each pressure step: rho = R t RCF (or Rs t when the
/// instrument gives the sheet resistance, its RCF already applied), sigma = 1/rho. The thickness is the
/// measured one, or m / (rho_c pi D^2/4) from the mass, the compact density and the cell diameter; the
/// compact density is m / (pi D^2/4 t) and the relative density rho_c / rho_true. A load is turned into a
/// pressure over the cell cross-section pi D^2/4.
/// </summary>
public static class PowderConductivityAnalysis
{
    public static List<PowderSummary> Compute(string source, IReadOnlyList<PowderStep> steps, double? diameter, RcfSource? rcf)
    {
        if (rcf is not null && steps.Any(s => s.Rcf is not null))
            throw new InputException(source, "rcf", "the file has the instrument's rcf column; do not also give --rcf or --probe-spacing");
        var points = steps.Select(s => Point(source, s, diameter, rcf)).ToList();
        var summaries = new List<PowderSummary>();
        foreach (var g in points.GroupBy(p => p.Powder))
        {
            var sorted = g.OrderBy(p => p.Pressure).ToList();
            CheckThickness(source, sorted);
            var fractions = g.Select(p => p.Fraction).Distinct().ToList();
            if (fractions.Count > 1) throw new InputException(source, $"line {g.First(p => p.Fraction != fractions[0]).Line}", $"powder \"{g.Key}\" has more than one conducting fraction");
            var fit = LinearFit.Of(sorted.Select(p => Math.Log(p.Pressure)).ToList(), sorted.Select(p => Math.Log(p.Conductivity)).ToList());
            summaries.Add(new PowderSummary(g.Key, sorted, fit, fractions[0]));
        }
        return summaries;
    }

    static ConductivityPoint Point(string source, PowderStep s, double? diameter, RcfSource? rcf)
    {
        string at = $"line {s.Line}";
        double? area = diameter is double d ? Math.PI * d * d / 4 : null;
        double pressure = s.Pressure ?? (area is double a ? s.Load!.Value / a : throw new InputException(source, at, "a load needs the cell diameter (--diameter) to give a pressure"));
        double thickness = s.Thickness ?? (s.Mass is double m && area is double a2 ? m / (s.CompactDensity!.Value * a2)
            : throw new InputException(source, at, "without a thickness column the thickness is mass / (density pi D^2/4): give a mass column and --diameter"));
        double? compact = s.CompactDensity ?? (s.Mass is double mm && area is double a3 ? mm / (a3 * thickness) : null);
        double? relative = compact / s.TrueDensity;
        if (relative > 1 + 1e-9) throw new InputException(source, at, $"the compact density {compact / 1000:G4} g/cm3 exceeds the true density {s.TrueDensity / 1000:G4} g/cm3");
        if (s.SheetResistance is double rs)
            return Make(s, pressure, thickness, null, "sheet resistance from the instrument (its RCF applied)", rs * thickness, compact, relative);
        var (factor, origin) = s.Rcf is double fileRcf ? (fileRcf, "instrument RCF in the file")
            : rcf switch
            {
                RcfSource.Given g => (g.Value, "given (--rcf)"),
                RcfSource.Computed c when diameter is double dd => (Cell(source, at, dd, c.ProbeSpacing, thickness),
                    $"computed: disc D/s = {dd / c.ProbeSpacing:G4}, t/s = {thickness / c.ProbeSpacing:G4} (Smits 1958)"),
                RcfSource.Computed => throw new InputException(source, "--probe-spacing", "computing the RCF needs the cell diameter (--diameter)"),
                _ => throw new InputException(source, "rcf", "no resistivity correction factor: the file has no rcf column; give --rcf VALUE or --probe-spacing with --diameter"),
            };
        return Make(s, pressure, thickness, factor, origin, s.Resistance!.Value * thickness * factor, compact, relative);
    }

    static double Cell(string source, string at, double d, double spacing, double t)
    {
        try { return FourProbe.CellFactor(d, spacing, t); }
        catch (ArgumentException e) { throw new InputException(source, at, e.Message); }
    }

    static ConductivityPoint Make(PowderStep s, double p, double t, double? rcf, string origin, double rho, double? compact, double? relative) =>
        new(s.Line, s.Powder, p, t, s.Resistance, s.SheetResistance, rcf, origin, rho, 1 / rho, compact, relative, s.Fraction);

    // Pressing only compacts a powder: a thickness that grows with the pressure is a mistyped row.
    static void CheckThickness(string source, List<ConductivityPoint> sorted)
    {
        for (int k = 1; k < sorted.Count; k++)
            if (sorted[k].Thickness > sorted[k - 1].Thickness * (1 + 1e-9))
                throw new InputException(source, $"line {sorted[k].Line}",
                    $"the thickness of \"{sorted[k].Powder}\" grows with pressure, from {sorted[k - 1].Thickness * 1e3:G6} mm at {sorted[k - 1].Pressure / 1e6:G4} MPa to {sorted[k].Thickness * 1e3:G6} mm at {sorted[k].Pressure / 1e6:G4} MPa");
    }

    /// <summary>Conductivity of a powder at a pressure, interpolated linearly in log-log between its steps; null outside its range.</summary>
    public static double? At(PowderSummary s, double pressure)
    {
        var p = s.Points;
        for (int k = 0; k < p.Count; k++)
        {
            if (Math.Abs(p[k].Pressure - pressure) <= 1e-3 * pressure) return p[k].Conductivity;
            if (k > 0 && p[k - 1].Pressure < pressure && pressure < p[k].Pressure)
            {
                double w = Math.Log(pressure / p[k - 1].Pressure) / Math.Log(p[k].Pressure / p[k - 1].Pressure);
                return Math.Exp(Math.Log(p[k - 1].Conductivity) + w * Math.Log(p[k].Conductivity / p[k - 1].Conductivity));
            }
        }
        return null;
    }
}
