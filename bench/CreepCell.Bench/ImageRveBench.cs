using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// `image-rve [--crop N] [--page P] [--rules area,majority]`: a crop of the TauFactor electrode (pore, NMC,
/// binder; 0.390625 um pixels) swells its NMC through one full lithiation with contact, at the image's pixel
/// size and coarsened 2x and 4x by each coarsening rule (area-keeping, majority vote), and compares the
/// phases' mean stresses at full lithiation. Writes bench/results/image-rve.md after every run.
/// </summary>
public static class ImageRveBench
{
    /// <summary>
    /// NMC: E 140 GPa (assumed, the low end of nanoindentation moduli of layered NMC, about 140-200 GPa),
    /// nu 0.3 (assumed), volume change 5 % over the lithiation (assumed, the order of the lattice volume
    /// change of Ni-rich NMC between charged and discharged). Binder (carbon + PVDF): E 3 GPa, nu 0.3,
    /// no swelling (all assumed). Lithiation 0 -> 1 in 1 h; rollers on all sides; contact on.
    /// </summary>
    const string Materials = """
        [materials.NMC]
        youngs_modulus = "140 GPa"
        poisson_ratio = 0.3
        swelling = 0.05
        [materials.CBD]
        youngs_modulus = "3 GPa"
        poisson_ratio = 0.3
        [protocol]
        lithiation = [[0, 0], ["1 h", 1]]
        """;

    const string Phases = "{ 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }";

    public static int Run(string[] args)
    {
        int crop = Option(args, "--crop", 96), page = Option(args, "--page", 128);
        string image = Path.GetFullPath(Path.Combine("tests", "CreepCell.Tests", "Fixtures", "taufactor_electrode", "electrode.tiff"));
        int at = Array.IndexOf(args, "--rules");
        var rules = (at >= 0 && at + 1 < args.Length ? args[at + 1] : "area,majority").Split(',');
        var runs = new List<(int, string)> { (1, "area") };
        foreach (string rule in rules) runs.AddRange(new[] { (2, rule), (4, rule) });
        var rows = new List<Row>();
        foreach (var (n, rule) in runs)
        {
            rows.Add(RunOne(image, page, crop, n, rule));
            Console.WriteLine(rows[^1]);
            Write(rows, crop, page);
        }
        return 0;
    }

    static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    sealed record Row(int Coarsen, string Rule, int Bodies, int Elements, int Unknowns, int Steps, double Seconds, double NmcFraction, double CbdFraction,
        double NmcMises, double CbdMises, double NmcPressure, double CbdPressure)
    {
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "| {0}x | {12} | {1} | {2} | {3} | {4} | {5:0} | {6:0.00} / {7:0.00} | {8:0.0} / {9:0.0} | {10:0.0} / {11:0.0} |",
            Coarsen, Bodies, Elements, Unknowns, Steps, Seconds, 100 * NmcFraction, 100 * CbdFraction,
            NmcMises / 1e6, CbdMises / 1e6, NmcPressure / 1e6, CbdPressure / 1e6, Coarsen == 1 ? "-" : Rule);
    }

    static Row RunOne(string image, int page, int crop, int n, string rule)
    {
        int minArea = Math.Max(1, 16 / (n * n)); // 16 image pixels at every coarsening
        string text = $"""
            [microstructure]
            image = "{image.Replace("\\", "/")}"
            page = {page}
            pixel_size = "0.390625 um"
            crop = [0, 0, {crop}, {crop}]
            phases = {Phases}
            min_area = {minArea}
            coarsen = {n}
            coarsen_rule = "{rule}"
            [mesh]
            element_size = "1 um"
            {Materials}
            """;
        var def = CaseReader.Read("image-rve.toml", text, Environment.CurrentDirectory);
        string outDir = Path.Combine(Path.GetTempPath(), $"creepcell-image-rve-{n}-{rule}");
        var clock = Stopwatch.StartNew();
        var runner = new CaseRunner(def, outDir);
        var result = runner.Run();
        double seconds = clock.Elapsed.TotalSeconds;
        var rve = ImageMicrostructure.Build(def.Mesh.Image!);
        var mesh = MeshFactory.Build(def.Mesh);
        double box = rve.Width * rve.Height;
        PhaseStats Of(string phase) => result.Final[result.Phases.ToList().IndexOf(phase)];
        double Fraction(string phase) => rve.Report.Phases.Single(p => p.Name == phase).OutlineArea / box;
        return new Row(n, rule, rve.Bodies.Count, mesh.ElementCount, runner.Statistics.Unknowns, result.Steps, seconds, Fraction("NMC"), Fraction("CBD"),
            Of("NMC").VonMisesMean, Of("CBD").VonMisesMean, Of("NMC").PressureMean, Of("CBD").PressureMean);
    }

    static void Write(List<Row> rows, int crop, int page)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"# Image RVE: NMC swelling on a crop of the TauFactor electrode, under pixel coarsening\n\n");
        sb.Append(inv, $"`dotnet run -c Release --project bench/CreepCell.Bench -- image-rve --crop {crop} --page {page}`\n\n");
        sb.Append(inv, $"Page {page} (0-based) of tests/CreepCell.Tests/Fixtures/taufactor_electrode/electrode.tiff, crop [0, 0, {crop}, {crop}] ");
        sb.Append(inv, $"({crop * 0.390625:0.##} um square), coarsened over n x n pixels by the rule named (area: every phase keeps its pixel area to within one block; ");
        sb.Append("majority: each block takes its most frequent phase); islands below 16 image pixels merged (after coarsening); ");
        sb.Append("six-node triangles of at most 1 um; NMC swells by 5 % in volume from lithiation 0 to 1 over 1 h (E 140 GPa, binder 3 GPa; ");
        sb.Append("assumed values, see ImageRveBench.cs); rollers on all sides; contact on. Stresses at full lithiation, area means over each phase.\n\n");
        sb.Append("| coarsening | rule | bodies | elements | unknowns | steps | wall s | area NMC / binder (%) | mean von Mises NMC / binder (MPa) | mean pressure NMC / binder (MPa) |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows) sb.Append(r).Append('\n');
        var first = rows[0];
        sb.Append('\n');
        foreach (var r in rows.Skip(1))
            sb.Append(inv, $"{r.Coarsen}x ({r.Rule}) against 1x: NMC mean von Mises {100 * (r.NmcMises / first.NmcMises - 1):+0.0;-0.0} %, binder {100 * (r.CbdMises / first.CbdMises - 1):+0.0;-0.0} %.\n");
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        AtomicFile.WriteAllText(Path.Combine("bench", "results", "image-rve.md"), sb.ToString());
    }
}
