using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.Indentation;
using CreepCell.Io;
using CreepCell.Materials.Database;
using Spectre.Console;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell indent FILES... --out DIR`: Oliver-Pharr, CSM, strain-rate jumps and hold creep on indentation data.</summary>
static class IndentCommand
{
    const string Src = "command line";
    static readonly Dimension Compliance = new(0, -1, 2, 0, 0, 0);

    /// <summary>Everything `indent` writes into its --out folder.</summary>
    static readonly string[] Written =
    {
        "indents.csv", "indents.parquet", "csm.parquet", "popins.parquet", "summary.csv", "failures.csv", "csm.csv", "csm_averages.csv", "srj.csv", "srj_summary.csv", "hold.csv", "hold_summary.csv",
        "frame.csv", "surface.csv", "popins.csv", "area_function.csv", "area_calibration.csv", "results.json", "load_depth.png", "csm_hardness.png", "csm_modulus.png", "srj.png", "hold.png", Provenance.FileName,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "G200 exports (.xls, .xlsx) or CSV files (time, load, depth[, stiffness])", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "indent-results" };
        var beta = new Option<double?>("--beta") { Description = "indenter shape factor beta (default 1.034; the G200 software uses 1.0)" };
        var poisson = new Option<double?>("--poisson") { Description = "sample Poisson ratio (default: the file's, else 0.25)" };
        var area = new Option<string?>("--area-coefficients") { Description = "tip area coefficients C0,C1,C2,... for hc in nm, A in nm^2 (default: the file's, else 24.5)" };
        var frame = new Option<string?>("--frame-compliance") { Description = "load-frame compliance, e.g. \"0.1 nm/mN\" (SI: m/N)" };
        var drift = new Option<string>("--drift") { Description = "thermal drift correction from the low-load hold: auto (skip when the export is already corrected), on, off", DefaultValueFactory = _ => "auto" };
        var window = new Option<string?>("--unload-window") { Description = "fraction of Pmax over which the unload is fitted, \"low,high\" (default 0.5,0.95)" };
        var csmWindow = new Option<string>("--csm-window") { Description = "depth window for CSM averages, nm", DefaultValueFactory = _ => "200,1800" };
        var srj = new Option<bool>("--srj") { Description = "strain-rate-jump analysis (m = dlnH/dln eps_dot, n = 1/m)" };
        var jumps = new Option<string?>("--jump-depths") { Description = "depths (nm) where each constant strain rate begins, e.g. 2000,2300,2600 (default: detect the jumps)" };
        var jumpTransient = new Option<double>("--jump-transient") { Description = "fraction of each rate segment skipped as transient", DefaultValueFactory = _ => 0.3 };
        var hold = new Option<bool>("--hold") { Description = "constant-load hold creep (eps_dot = h_dot/h, sigma = P/(24.56 h^2))" };
        var holdTransient = new Option<string>("--hold-transient") { Description = "start of the hold skipped as transient", DefaultValueFactory = _ => "10 s" };
        var columns = new Option<string?>("--columns") { Description = "CSV column mapping, e.g. \"time=t (s),load=P (uN),depth=h (nm)\"" };
        var surface = new Option<bool>("--find-surface") { Description = "move each indent's depth zero to its first contact, found by fitting P = k (h - h0)^m to the start of the loading (surface.csv)" };
        var calibrate = new Option<bool>("--calibrate-frame") { Description = "estimate the frame compliance from the unloads (compliance against 1/sqrt(A)) and use it; with --calibrate-area, calibrate frame and area function together (compliance against 1/sqrt(Pmax) over the hardness plateau)" };
        var calibrateArea = new Option<string?>("--calibrate-area") { Description = "fit the tip area function on these files as a reference of known Young's modulus, e.g. \"72 GPa\" for fused silica (with --poisson), and use it" };
        var areaTerms = new Option<int>("--area-terms") { Description = "number of area-function terms fitted by --calibrate-area (C0 hc^2, C1 hc, C2 hc^1/2, ...)", DefaultValueFactory = _ => 3 };
        var popin = new Option<bool>("--popin") { Description = "find pop-ins (displacement bursts) in the loading and fit Hertz, P = 4/3 Er sqrt(R) h^1.5, before the first: tip radius and maximum shear stress (popins.csv)" };
        var popinMin = new Option<string>("--popin-min") { Description = "smallest burst counted as a pop-in", DefaultValueFactory = _ => "1 nm" };
        var sampleModulus = new Option<string?>("--sample-modulus") { Description = "sample Young's modulus for the Hertz tip radius, e.g. \"411 GPa\" (default: the indent's measured modulus)" };
        var outlierSigma = new Option<double>("--outlier-sigma") { Description = "reject indents whose modulus is more than this many robust standard deviations (1.4826 MAD) from the median of their file; 0 keeps all", DefaultValueFactory = _ => 3 };
        var noPlots = new Option<bool>("--no-plots") { Description = "skip the PNG plots" };
        var toCase = new Option<string?>("--to-case") { Description = "append the measured E, v and Norton creep law as [materials.NAME] to this case file" };
        var name = new Option<string>("--material-name") { Description = "NAME for --to-case; a database name (e.g. Se) also gives the swelling", DefaultValueFactory = _ => "measured" };
        var swelling = new Option<double?>("--swelling") { Description = "volume change on full lithiation for --to-case (default: the database's for --material-name, else 0)" };
        var sigmaRef = new Option<string?>("--sigma-ref") { Description = "reference stress for --to-case (default: mean hardness / 3)" };
        var force = new Option<bool>("--force") { Description = "replace the results of an earlier `indent` in the output folder (deletes exactly the files indent writes there); with --to-case, also write the creep law when the standard error of n exceeds 25 % of n" };

        var cmd = new Command("indent", "Analyse nanoindentation data: Oliver-Pharr unloads, CSM, strain-rate jumps, hold creep");
        cmd.Arguments.Add(files);
        foreach (var o in new Option[] { outDir, beta, poisson, area, frame, drift, window, csmWindow, srj, jumps, jumpTransient, hold, holdTransient, columns, surface, calibrate, calibrateArea, areaTerms, popin, popinMin, sampleModulus, outlierSigma, noPlots, toCase, name, swelling, sigmaRef, force })
            cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
            OutputFolder.Claim(pr.GetValue(outDir)!, "--out", "indent", Written, pr.GetValue(force)).Use(folder =>
        {
            if (pr.GetValue(area) is not null && pr.GetValue(calibrateArea) is not null)
                throw new InputException(Src, "--calibrate-area", "give either --area-coefficients (a known tip) or --calibrate-area (fit the tip on a reference), not both");
            var job = new IndentJob
            {
                Overrides = new IndentOverrides
                {
                    Beta = Positive(pr.GetValue(beta), "--beta"), Poisson = Poisson(pr.GetValue(poisson)),
                    AreaCoefficientsNm = pr.GetValue(area) is string a ? Numbers(a, "--area-coefficients") : null,
                    FrameCompliance = pr.GetValue(frame) is string f ? FrameCompliance(f) : null,
                    DriftCorrection = DriftMode(pr.GetValue(drift)!),
                    UnloadWindowLow = Window(pr.GetValue(window))?.Low, UnloadWindowHigh = Window(pr.GetValue(window))?.High,
                },
                CsmFrom = CsmWindow(pr.GetValue(csmWindow)!).From, CsmTo = CsmWindow(pr.GetValue(csmWindow)!).To,
                StrainRateJump = pr.GetValue(srj), JumpDepths = pr.GetValue(jumps) is string j ? Numbers(j, "--jump-depths").Select(x => x * 1e-9).ToList() : null,
                JumpTransient = pr.GetValue(jumpTransient), Hold = pr.GetValue(hold), HoldTransient = OptionQuantity.Parse(pr.GetValue(holdTransient)!, Dimension.Time, "--hold-transient", "10 s"),
                CsvColumns = pr.GetValue(columns) is string c ? CsvIndentReader.ParseMapping(c, Src) : null,
                FindSurface = pr.GetValue(surface),
                CalibrateFrame = pr.GetValue(calibrate),
                CalibrateAreaModulus = pr.GetValue(calibrateArea) is string ca ? OptionQuantity.Positive(ca, Dimension.Pressure, "--calibrate-area", "72 GPa") : null,
                AreaTerms = AreaTerms(pr.GetValue(areaTerms)),
                PopIn = pr.GetValue(popin),
                OutlierSigma = pr.GetValue(outlierSigma) is var os && os >= 0 && double.IsFinite(os) ? os
                    : throw new InputException(Src, "--outlier-sigma", $"expected a number of standard deviations >= 0 (0 keeps all indents), got {pr.GetValue(outlierSigma)}"),
                PopInOptions = new PopInOptions(MinJump: OptionQuantity.Positive(pr.GetValue(popinMin)!, Dimension.Length, "--popin-min", "1 nm")),
                HertzSampleModulus = pr.GetValue(sampleModulus) is string sm ? OptionQuantity.Positive(sm, Dimension.Pressure, "--sample-modulus", "411 GPa") : null,
            };
            var report = IndentAnalysis.Run(pr.GetValue(files)!, job);
            CaseMaterialEntry? entry = pr.GetValue(toCase) is null ? null : Entry(report, pr.GetValue(name)!, pr.GetValue(swelling), pr.GetValue(sigmaRef));
            entry?.CheckUncertainty(pr.GetValue(force));
            entry?.CheckTarget(pr.GetValue(toCase)!);
            string dir = folder.Path;
            var written = IndentReportWriter.WriteAll(report, dir);
            if (!pr.GetValue(noPlots)) written.AddRange(IndentPlots.WriteAll(report, dir));
            Provenance.WriteFolder(dir);
            if (entry != null) { entry.AppendTo(pr.GetValue(toCase)!); written.Add(pr.GetValue(toCase)! + $" ([materials.{entry.Name}])"); }
            IndentScreen.Show(report);
            foreach (var w in written) ScreenTable.Line($"wrote [blue]{Markup.Escape(w)}[/]");
            return report.Indents.Count == 0 ? ExitCodes.Failure : ExitCodes.Ok;
        })));
        return cmd;
    }

    static CaseMaterialEntry Entry(IndentReport r, string name, double? swelling, string? sigmaRef)
    {
        if (r.PerFile().Count > 1)
            throw new InputException(Src, "--to-case", "the files are analysed as separate samples; give the file of the one sample to write into the case");
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_-]+$"))
            throw new InputException(Src, "--material-name", $"expected letters, digits, '_' or '-', got \"{name}\"");
        double? sref = sigmaRef is null ? null : OptionQuantity.Positive(sigmaRef, Dimension.Pressure, "--sigma-ref", "100 MPa");
        if (swelling is double s) return CaseMaterialEntry.From(r, name, s, "--swelling", sref);
        if (MaterialsDatabase.Default.TryGet(name, out var m) && m.VolumeChange is { } vc)
            return CaseMaterialEntry.From(r, name, vc.Value, $"materials database [{m.Key}] ({vc.Source})", sref);
        return CaseMaterialEntry.From(r, name, 0, "none given (0)", sref);
    }

    static int AreaTerms(int n) => n is >= 1 and <= 8 ? n : throw new InputException(Src, "--area-terms", $"expected 1 to 8 terms, got {n}");

    static double FrameCompliance(string text)
    {
        double c = OptionQuantity.Parse(text, Compliance, "--frame-compliance", "0.1 nm/mN");
        return c >= 0 ? c : throw new InputException(Src, "--frame-compliance", $"expected a compliance of 0 or more, got \"{text}\" (a frame cannot stretch less than rigid)");
    }

    static (double From, double To) CsmWindow(string text)
    {
        var w = Numbers(text, "--csm-window", 2);
        if (!(w[0] >= 0 && w[0] < w[1])) throw new InputException(Src, "--csm-window", $"expected FROM,TO in nm with 0 <= FROM < TO, got \"{text}\"");
        return (w[0] * 1e-9, w[1] * 1e-9);
    }

    static double? Positive(double? v, string key) => v is double x && !(x > 0) ? throw new InputException(Src, key, $"expected a positive number, got {x}") : v;

    static double? Poisson(double? v) =>
        v is double x && !(x > -1 && x < 0.5) ? throw new InputException(Src, "--poisson", $"expected -1 < v < 0.5, got {x}") : v;

    static bool? DriftMode(string mode) => mode.ToLowerInvariant() switch
    {
        "auto" => null, "on" => true, "off" => false,
        _ => throw new InputException(Src, "--drift", $"expected auto, on or off, got \"{mode}\""),
    };

    static (double Low, double High)? Window(string? text)
    {
        if (text is null) return null;
        var w = Numbers(text, "--unload-window", 2);
        if (!(w[0] >= 0 && w[0] < w[1] && w[1] <= 1)) throw new InputException(Src, "--unload-window", $"expected 0 <= low < high <= 1, got \"{text}\"");
        return (w[0], w[1]);
    }

    static double[] Numbers(string text, string key, int count = -1)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new InputException(Src, key, $"expected comma-separated numbers, got \"{parts[i]}\"");
        if (values.Length == 0 || (count > 0 && values.Length != count))
            throw new InputException(Src, key, count > 0 ? $"expected {count} comma-separated numbers, got \"{text}\"" : "expected at least one number");
        return values;
    }
}
