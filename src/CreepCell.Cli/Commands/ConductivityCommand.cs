using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.Energy;
using CreepCell.Analysis.PowderConductivity;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell conductivity FILE --out DIR`: four-probe conductivity of powders under pressure, log-log slopes, relative density, percolation fit.</summary>
static class ConductivityCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV with one row per pressure step: powder, pressure [MPa] or load [kN], thickness [mm] or density [g/cm3], resistance [ohm] or sheet_resistance [ohm/sq], optional mass, rcf, true_density, fraction" };
        var diameter = new Option<string?>("--diameter") { Description = "cell (die) diameter, e.g. \"20 mm\": turns loads into pressures, thickness from mass and density, and the computed RCF" };
        var rcf = new Option<string?>("--rcf") { Description = "resistivity correction factor of the probe and cell, rho = R t RCF (4.532 for a thin infinite sheet)" };
        var spacing = new Option<string?>("--probe-spacing") { Description = "probe spacing, e.g. \"3 mm\": computes the RCF for a disc of --diameter and each thickness (Smits 1958)" };
        var atPressure = new Option<string?>("--percolation-pressure") { Description = "pressure at which the mixtures are compared for the percolation fit (default: the highest pressure all of them reach)" };
        var output = new Output("conductivity", "conductivity.csv", "conductivity.json", "conductivity_vs_*.png", "percolation.png");
        var cmd = new Command("conductivity", "Four-probe electronic conductivity of powders against pressure and relative density, with a percolation fit for mixtures");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { diameter, rcf, spacing, atPressure }) cmd.Options.Add(o);
        output.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string path = pr.GetValue(file)!;
            double? d = pr.GetValue(diameter) is string ds ? Positive(WithUnit(ds, Dimension.Length, "--diameter"), "--diameter") : null;
            RcfSource? source = ReadRcf(pr.GetValue(rcf), pr.GetValue(spacing));
            double? wanted = pr.GetValue(atPressure) is string ps ? Positive(WithUnit(ps, Dimension.Pressure, "--percolation-pressure"), "--percolation-pressure") : null;
            var steps = ConductivityFile.Read(path);
            var powders = PowderConductivityAnalysis.Compute(path, steps, d, source);
            var (fit, fitPressure, phi, sigma) = Percolate(path, powders, wanted);
            output.Write(pr, Path.GetFileName(path), ConductivityReport.Lines(powders, fit, fitPressure), dir =>
            {
                AtomicFile.WriteAllText(Path.Combine(dir, "conductivity.csv"), ConductivityReport.Csv(powders));
                AtomicFile.WriteAllText(Path.Combine(dir, "conductivity.json"), ConductivityReport.Json(path, powders, fit, fitPressure));
                AtomicFile.WriteAllBytes(Path.Combine(dir, "conductivity_vs_pressure.png"), ConductivityReport.VsPressure(powders));
                if (powders.Any(s => s.Points.All(p => p.RelativeDensity is not null)))
                    AtomicFile.WriteAllBytes(Path.Combine(dir, "conductivity_vs_relative_density.png"), ConductivityReport.VsRelativeDensity(powders));
                if (fit is not null) AtomicFile.WriteAllBytes(Path.Combine(dir, "percolation.png"), ConductivityReport.PercolationPlot(phi, sigma, fit));
            }, () => ConductivityReport.Json(path, powders, fit, fitPressure));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static RcfSource? ReadRcf(string? rcf, string? spacing)
    {
        if (rcf is not null && spacing is not null) throw new InputException("command line", "--rcf", "give --rcf or --probe-spacing, not both");
        if (rcf is not null)
            return double.TryParse(rcf, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) && f > 0 && double.IsFinite(f)
                ? new RcfSource.Given(f) : throw new InputException("command line", "--rcf", $"expected a positive number, got \"{rcf}\"");
        return spacing is null ? null : new RcfSource.Computed(Positive(WithUnit(spacing, Dimension.Length, "--probe-spacing"), "--probe-spacing"));
    }

    /// <summary>The percolation fit over the powders that state a conducting fraction, when there are at least three.</summary>
    static (PercolationFit?, double?, List<double>, List<double>) Percolate(string path, List<PowderSummary> powders, double? wanted)
    {
        var mixtures = powders.Where(p => p.Fraction is not null).ToList();
        if (mixtures.Count < 3)
        {
            if (wanted is not null) throw new InputException("command line", "--percolation-pressure", "the percolation fit needs at least three powders with a fraction column");
            return (null, null, new(), new());
        }
        double pressure = wanted ?? mixtures.Min(m => m.Points.Max(p => p.Pressure));
        var phi = new List<double>();
        var sigma = new List<double>();
        foreach (var m in mixtures)
        {
            double s = PowderConductivityAnalysis.At(m, pressure)
                ?? throw new InputException(path, "--percolation-pressure", $"powder \"{m.Powder}\" was measured from {m.Points[0].Pressure / 1e6:G4} to {m.Points[^1].Pressure / 1e6:G4} MPa, not at {pressure / 1e6:G4} MPa");
            phi.Add(m.Fraction!.Value);
            sigma.Add(s);
        }
        var fit = EnergyCommand.Guard("fraction", () => Percolation.Fit(phi, sigma));
        return (fit, pressure, phi, sigma);
    }

    static double WithUnit(string text, Dimension dim, string key)
    {
        string t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new InputException("command line", key, $"\"{t}\" has no unit (expected a quantity of {dim} with its unit)");
        return Quantity.Parse(t, dim, "command line", key);
    }

    static double Positive(double v, string key) => v > 0 ? v : throw new InputException("command line", key, $"expected a positive value, got {v}");
}
