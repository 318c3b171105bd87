using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.Cycling;
using CreepCell.Analysis.Energy;
using CreepCell.Analysis.Voltammetry;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell cv FILES... --out DIR`: peaks per cycle and segment, and over a scan-rate series Randles-Sevcik, b-values and Dunn's split.</summary>
static class CvCommand
{
    static readonly Dimension Concentration = new(-3, 0, 0, 0, 1, 0);

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "voltammograms: CH Instruments text, Gamry DTA, BioLogic EC-Lab text or plain CSV with --column; several scan rates for the series", Arity = ArgumentArity.OneOrMore };
        var o = new Opts();
        var output = new Output("cv", "peaks.csv", "cycles.csv", "cv.json", "voltammograms.png", "scan_rates.csv", "peak_vs_sqrt_rate.png", "log_ip_log_v.png", "dunn.csv", "dunn_split_*.png");
        var cmd = new Command("cv", "Cyclic voltammetry: peak potentials, currents and charges; Randles-Sevcik, b-values and the capacitive/diffusive split over scan rates");
        cmd.Arguments.Add(files);
        foreach (var opt in o.All) cmd.Options.Add(opt);
        output.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() => Execute(pr, pr.GetValue(files)!, o, output)));
        return cmd;
    }

    sealed class Opts
    {
        public readonly Option<string[]> Column = new("--column") { Description = "for plain CSV: ROLE=HEADER [UNIT] with ROLE voltage (or potential), current, time; repeat" };
        public readonly Option<string[]> ScanRate = new("--scan-rate") { Description = "scan rate with its unit for files whose export does not state one, e.g. \"50 mV/s\", or FILE=RATE for one file; repeat" };
        public readonly Option<string> Convention = new("--convention") { Description = "sign of the current in the files: anodic-positive (IUPAC) or cathodic-positive", DefaultValueFactory = _ => "anodic-positive" };
        public readonly Option<string> Baseline = new("--baseline") { Description = "peak baseline: start (line fitted to 2-12 % of each sweep) or zero", DefaultValueFactory = _ => "start" };
        public readonly Option<string> Reverse = new("--reverse-peak") { Description = "second sweep's peak current: baseline (as the first sweep) or nicholson (diffusing couple, Nicholson 1966)", DefaultValueFactory = _ => "baseline" };
        public readonly Option<string> Cycle = new("--cycle") { Description = "cycle used for the scan-rate series and the table: a number or last (the last complete cycle)", DefaultValueFactory = _ => "last" };
        public readonly Option<string?> Area = new("--area") { Description = "electrode area for Randles-Sevcik, e.g. \"0.0707 cm2\"" };
        public readonly Option<string?> ConcentrationOpt = new("--concentration") { Description = "bulk concentration of the redox species, e.g. \"5 mmol/L\"" };
        public readonly Option<int?> Electrons = new("--electrons") { Description = "electrons transferred, n" };
        public readonly Option<string> Temperature = new("--temperature") { Description = "cell temperature", DefaultValueFactory = _ => "25 degC" };
        public readonly Option<string> SplitStep = new("--split-step") { Description = "potential step of Dunn's split", DefaultValueFactory = _ => "5 mV" };

        public Option[] All => new Option[] { Column, ScanRate, Convention, Baseline, Reverse, Cycle, Area, ConcentrationOpt, Electrons, Temperature, SplitStep };
    }

    static int Execute(ParseResult pr, string[] paths, Opts o, Output output)
    {
        var columns = (pr.GetValue(o.Column) ?? Array.Empty<string>()).Select(c => c.StartsWith("potential=", StringComparison.OrdinalIgnoreCase) ? "voltage=" + c["potential=".Length..] : c).ToArray();
        var mapping = columns.Length > 0 ? ColumnMapping.Parse(columns, "--column") : null;
        var (globalRate, fileRates) = ParseRates(pr.GetValue(o.ScanRate) ?? Array.Empty<string>(), paths);
        bool negate = pr.GetValue(o.Convention) switch
        {
            "anodic-positive" => false, "cathodic-positive" => true,
            var x => throw new InputException("command line", "--convention", $"expected anodic-positive or cathodic-positive, got \"{x}\""),
        };
        var baseline = pr.GetValue(o.Baseline) switch
        {
            "start" => BaselineMode.Start, "zero" => BaselineMode.Zero,
            var x => throw new InputException("command line", "--baseline", $"expected start or zero, got \"{x}\""),
        };
        var reverse = pr.GetValue(o.Reverse) switch
        {
            "baseline" => ReversePeakMode.Baseline, "nicholson" => ReversePeakMode.Nicholson,
            var x => throw new InputException("command line", "--reverse-peak", $"expected baseline or nicholson, got \"{x}\""),
        };
        int? cycle = pr.GetValue(o.Cycle) is "last" ? null
            : int.TryParse(pr.GetValue(o.Cycle), out int c) && c >= 1 ? c : throw new InputException("command line", "--cycle", $"expected a cycle number from 1 or last, got \"{pr.GetValue(o.Cycle)}\"");
        var inputs = ReadInputs(pr, o);
        double step = WithUnit(pr.GetValue(o.SplitStep)!, Dimension.Voltage, "--split-step");

        var results = new List<CvResult>();
        foreach (var path in paths)
        {
            var v = VoltammogramFile.Read(path, mapping);
            v = ResolveRate(v, globalRate, fileRates);
            if (negate) v = v.Negated();
            results.Add(PeakAnalysis.Analyze(v, baseline, reverse));
        }
        var chosen = results.Select(r => Choose(r, cycle)).ToList();
        var series = results.Count >= 2 ? ScanRateSeries.Analyze(chosen, inputs, step) : null;
        string convention = negate ? "cathodic-positive in the files, reported anodic-positive" : "anodic-positive";

        output.Write(pr, "cyclic voltammetry", CvReport.Lines(chosen, series), dir => WriteFiles(dir, results, chosen, series, baseline, convention, reverse),
            () => CvReport.Json(results, series, baseline, convention, reverse));
        return ExitCodes.Ok;
    }

    static void WriteFiles(string dir, List<CvResult> results, List<RatePoint> chosen, SeriesResult? series, BaselineMode baseline, string convention, ReversePeakMode reverse)
    {
        AtomicFile.WriteAllText(Path.Combine(dir, "peaks.csv"), CvReport.PeaksCsv(results));
        AtomicFile.WriteAllText(Path.Combine(dir, "cycles.csv"), CvReport.CyclesCsv(results));
        AtomicFile.WriteAllText(Path.Combine(dir, "cv.json"), CvReport.Json(results, series, baseline, convention, reverse));
        AtomicFile.WriteAllBytes(Path.Combine(dir, "voltammograms.png"), CvPlots.Voltammograms(chosen));
        if (series is null) return;
        AtomicFile.WriteAllText(Path.Combine(dir, "scan_rates.csv"), CvReport.SeriesCsv(series));
        AtomicFile.WriteAllBytes(Path.Combine(dir, "peak_vs_sqrt_rate.png"), CvPlots.PeakVsSqrtRate(series));
        AtomicFile.WriteAllBytes(Path.Combine(dir, "log_ip_log_v.png"), CvPlots.LogPeakVsLogRate(series));
        if (series.Dunn.Count == 0) return;
        AtomicFile.WriteAllText(Path.Combine(dir, "dunn.csv"), CvReport.DunnCsv(series));
        foreach (var p in chosen.GroupBy(p => p.ScanRate).Select(g => g.First()))
            AtomicFile.WriteAllBytes(Path.Combine(dir, $"dunn_split_{(p.ScanRate * 1e3).ToString("G4", CultureInfo.InvariantCulture)}mVs.png"), CvPlots.DunnSplit(series, p));
    }

    static (double? Global, Dictionary<string, double> PerFile) ParseRates(string[] entries, string[] paths)
    {
        double? global = null;
        var perFile = new Dictionary<string, double>();
        foreach (var e in entries)
        {
            int eq = e.LastIndexOf('=');
            if (eq < 0)
            {
                if (global is not null) throw new InputException("command line", "--scan-rate", "more than one scan rate without a file; write FILE=RATE for each file");
                global = CvText.ScanRateOption(e, "--scan-rate");
                continue;
            }
            string file = e[..eq].Trim();
            string? match = paths.FirstOrDefault(p => p == file || Path.GetFileName(p) == file)
                ?? throw new InputException("command line", "--scan-rate", $"\"{file}\" is not one of the files given");
            perFile[match] = CvText.ScanRateOption(e[(eq + 1)..], "--scan-rate");
        }
        return (global, perFile);
    }

    static Voltammogram ResolveRate(Voltammogram v, double? global, Dictionary<string, double> perFile)
    {
        if (perFile.TryGetValue(v.Source, out double r)) return v.WithScanRate(r, "command line");
        if (v.ScanRate is double own)
        {
            if (global is double g && Math.Abs(g - own) > 0.01 * own)
                throw new InputException(v.Source, "--scan-rate", $"the export states {own * 1e3:G6} mV/s but --scan-rate says {g * 1e3:G6} mV/s; write FILE=RATE to override one file");
            return v;
        }
        if (global is double gg) return v.WithScanRate(gg, "command line");
        throw new InputException(v.Source, "scan rate", "the export does not state a scan rate; give it with --scan-rate \"50 mV/s\" (or FILE=RATE)");
    }

    static RatePoint Choose(CvResult r, int? cycle)
    {
        var complete = r.Segments.GroupBy(s => s.Cycle).Where(g => g.Any(s => s.Direction > 0 && s.Points.Count >= 5) && g.Any(s => s.Direction < 0 && s.Points.Count >= 5)).Select(g => g.Key).ToList();
        int chosen = cycle ?? (complete.Count > 0 ? complete.Max() : r.Segments.Max(s => s.Cycle));
        if (r.Segments.All(s => s.Cycle != chosen))
            throw new InputException(r.Data.Source, "--cycle", $"has no cycle {chosen} (cycles 1 to {r.Segments.Max(s => s.Cycle)}; a cycle is two consecutive sweeps)");
        var summary = r.Cycles.FirstOrDefault(c => c.Cycle == chosen) ?? new CycleSummary(chosen, null, null);
        return new RatePoint(r, r.Data.ScanRate!.Value, summary);
    }

    static RandlesSevcikInputs ReadInputs(ParseResult pr, Opts o)
    {
        double? area = pr.GetValue(o.Area) is string a ? Positive(WithUnit(a, Dimension.Area, "--area"), "--area") : null;
        double? conc = pr.GetValue(o.ConcentrationOpt) is string c ? Positive(WithUnit(c, Concentration, "--concentration"), "--concentration") : null;
        int? n = pr.GetValue(o.Electrons);
        if (n is <= 0) throw new InputException("command line", "--electrons", $"expected a positive number of electrons, got {n}");
        double t = Positive(WithUnit(pr.GetValue(o.Temperature)!, Dimension.Temperature, "--temperature"), "--temperature");
        return new RandlesSevcikInputs(area, conc, n, t);
    }

    /// <summary>A quantity that must carry its unit: a bare number is refused rather than read in a unit the user did not write.</summary>
    static double WithUnit(string text, Dimension dim, string key)
    {
        string t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new InputException("command line", key, $"\"{t}\" has no unit (expected a quantity of {dim}, e.g. with its unit written after the number)");
        return Quantity.Parse(t, dim, "command line", key);
    }

    static double Positive(double v, string key) => v > 0 ? v : throw new InputException("command line", key, $"expected a positive value, got {v}");
}
