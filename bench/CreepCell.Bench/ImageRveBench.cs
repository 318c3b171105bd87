using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// `image-rve [--crop N] [--page P] [--rules area,majority] [--min-areas 16,1] [--bonded CBD] [--element-size 1]`: a crop of the TauFactor
/// electrode (pore, NMC, binder; 0.390625 um pixels) swells its NMC through one full lithiation with contact,
/// at the image's pixel size and coarsened 2x and 4x by each coarsening rule (area-keeping, majority vote),
/// for each island threshold (in image pixels: 16 merges specks below 16 image pixels, 1 keeps the
/// segmentation as it is), and compares the phases' mean stresses at full lithiation. Writes
/// bench/results/image-rve.md after every run; with --bonded PHASES (comma-separated, [microstructure]
/// bonded) the bodies of those phases are bonded to every body they touch, and the table goes to
/// bench/results/image-rve-bonded.md with the number of ties. --element-size: the largest element edge in um
/// (1 by default; another size goes to a file of its own, image-rve[-bonded]-h{size}.md). `--synthetic`: a drawn image
/// whose binder is resolved by its pixels instead (<see cref="ResolvedBinderBench"/>).
/// </summary>
public static class ImageRveBench
{
    /// <summary>
    /// NMC: E 140 GPa (assumed, the low end of nanoindentation moduli of layered NMC, about 140-200 GPa),
    /// nu 0.3 (assumed), volume change 5 % over the lithiation (assumed, the order of the lattice volume
    /// change of Ni-rich NMC between charged and discharged). Binder (carbon + PVDF): E 3 GPa, nu 0.3,
    /// no swelling (all assumed). Lithiation 0 -> 1 in 1 h; rollers on all sides; contact on.
    /// </summary>
    internal const string Materials = """
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

    internal const string Phases = "{ 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }";

    public static int Run(string[] args)
    {
        if (args.Contains("--synthetic")) return ResolvedBinderBench.Run(args);
        int crop = Option(args, "--crop", 96), page = Option(args, "--page", 128);
        string image = Path.GetFullPath(Path.Combine("tests", "CreepCell.Tests", "Fixtures", "taufactor_electrode", "electrode.tiff"));
        int at = Array.IndexOf(args, "--rules");
        var rules = (at >= 0 && at + 1 < args.Length ? args[at + 1] : "area,majority").Split(',');
        int am = Array.IndexOf(args, "--min-areas");
        var minAreas = (am >= 0 && am + 1 < args.Length ? args[am + 1] : "16,1").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture));
        int ab = Array.IndexOf(args, "--bonded");
        int ah = Array.IndexOf(args, "--element-size");
        double element = ah >= 0 && ah + 1 < args.Length ? double.Parse(args[ah + 1], CultureInfo.InvariantCulture) : 1;
        var bonded = ab >= 0 && ab + 1 < args.Length ? args[ab + 1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
        var runs = new List<(int, int, string)>();
        foreach (int m in minAreas)
        {
            runs.Add((m, 1, "area"));
            foreach (string rule in rules) runs.AddRange(new[] { (m, 2, rule), (m, 4, rule) });
        }
        var rows = new List<Row>();
        foreach (var (m, n, rule) in runs)
        {
            rows.Add(RunOne(image, page, crop, m, n, rule, bonded, element));
            Console.WriteLine(rows[^1]);
            Write(rows, crop, page, bonded, element);
        }
        return 0;
    }

    static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    sealed record Row(int MinArea, int Coarsen, string Rule, int Bodies, int Elements, int Unknowns, int Steps, double Seconds,
        double NmcPixels, double CbdPixels, double NmcFraction, double CbdFraction, double NmcMises, double CbdMises, double NmcPressure, double CbdPressure, double CbdInContact)
    {
        /// <summary>Bond ties and the body pairs they join (0 when nothing is bonded).</summary>
        public (int Ties, int BodyPairs) Bonds { get; init; }

        /// <summary>The binder's part of the solid's area-weighted mean von Mises stress.</summary>
        public double CbdShare => CbdFraction * CbdMises / (NmcFraction * NmcMises + CbdFraction * CbdMises);

        /// <summary>The solid's area-weighted mean von Mises stress.</summary>
        public double SolidMises => (NmcFraction * NmcMises + CbdFraction * CbdMises) / (NmcFraction + CbdFraction);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "| {0} | {1}x | {2} | {3} | {4} | {5} | {6} | {7:0} | {8:0.00} / {9:0.00} | {10:0.00} / {11:0.00} | {12:0.0} / {13:0.00} | {14:0.0} / {15:0.00} | {17:0.0} | {16:0.000} | {18:0.0} |",
            MinArea, Coarsen, Coarsen == 1 ? "-" : Rule, Bodies, Elements, Unknowns, Steps, Seconds, 100 * NmcPixels, 100 * CbdPixels,
            100 * NmcFraction, 100 * CbdFraction, NmcMises / 1e6, CbdMises / 1e6, NmcPressure / 1e6, CbdPressure / 1e6, 100 * CbdShare, 100 * CbdInContact, SolidMises / 1e6)
            + (Bonds.Ties > 0 ? string.Format(CultureInfo.InvariantCulture, " {0} / {1} |", Bonds.Ties, Bonds.BodyPairs) : "");
    }

    static Row RunOne(string image, int page, int crop, int imageMinArea, int n, string rule, string[] bonded, double element)
    {
        int minArea = Math.Max(1, imageMinArea / (n * n)); // the same image pixels at every coarsening
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
            {(bonded.Length > 0 ? "bonded = [" + string.Join(", ", bonded.Select(b => $"\"{b}\"")) + "]" : "")}
            [mesh]
            element_size = "{element.ToString(CultureInfo.InvariantCulture)} um"
            {Materials}
            """;
        var def = CaseReader.Read("image-rve.toml", text, Environment.CurrentDirectory);
        string outDir = Path.Combine(Path.GetTempPath(), $"creepcell-image-rve-{imageMinArea}-{n}-{rule}{(bonded.Length > 0 ? "-bonded" : "")}-h{element.ToString(CultureInfo.InvariantCulture)}");
        var run = ImageRun.Of(def, outDir);
        var rve = run.Rve;
        double Pixels(string phase) => (double)rve.Report.Phases.Single(p => p.Name == phase).ImagePixels / rve.PixelCount;
        return new Row(imageMinArea, n, rule, rve.Bodies.Count, run.Mesh.ElementCount, run.Runner.Statistics.Unknowns, run.Result.Steps, run.Seconds,
            Pixels("NMC"), Pixels("CBD"), run.OutlineFraction("NMC"), run.OutlineFraction("CBD"),
            run.Phase("NMC").VonMisesMean, run.Phase("CBD").VonMisesMean, run.Phase("NMC").PressureMean, run.Phase("CBD").PressureMean,
            FinalValue(outDir, "surface_in_contact_CBD"))
        {
            Bonds = Bonds(run.Mesh, def),
        };
    }

    /// <summary>The bond ties the run's contact model builds on this mesh, and the body pairs they join.</summary>
    static (int, int) Bonds(CreepCell.Meshing.Mesh mesh, CaseDefinition def)
    {
        var image = def.Mesh.Image!;
        if (image.BondedPhases.Count == 0) return (0, 0);
        var bodies = new CreepCell.Contact.ContactBodies(mesh);
        double emax = bodies.RegionOfBody.Max(r => def.Materials[mesh.RegionNames[r]].YoungsModulus);
        var ties = CreepCell.Contact.BondTies.Build(mesh, bodies, new CreepCell.Contact.BondSpec(image.BondedPhases, image.Gap), emax)!;
        return (ties.Count, ties.BodyPairs);
    }

    /// <summary>A column of the last row of the run's history.csv.</summary>
    static double FinalValue(string outDir, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(outDir, "history.csv"));
        int i = Array.IndexOf(lines[0].Split(','), column);
        return double.Parse(lines[^1].Split(',')[i], CultureInfo.InvariantCulture);
    }

    static void Write(List<Row> rows, int crop, int page, string[] bonded, double element)
    {
        string size = element.ToString(CultureInfo.InvariantCulture);
        bool bonds = bonded.Length > 0;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"# Image RVE: NMC swelling on a crop of the TauFactor electrode, under pixel coarsening\n\n");
        sb.Append(inv, $"`dotnet run -c Release --project bench/CreepCell.Bench -- image-rve --crop {crop} --page {page}");
        if (bonds) sb.Append(inv, $" --rules {string.Join(",", rows.Select(r => r.Rule).Distinct())} --min-areas {string.Join(",", rows.Select(r => r.MinArea).Distinct())} --bonded {string.Join(",", bonded)}");
        if (element != 1) sb.Append(inv, $" --element-size {size}");
        sb.Append("`\n\n");
        sb.Append(inv, $"Page {page} (0-based) of tests/CreepCell.Tests/Fixtures/taufactor_electrode/electrode.tiff, crop [0, 0, {crop}, {crop}] ");
        sb.Append(inv, $"({crop * 0.390625:0.##} um square), coarsened over n x n pixels by the rule named (area: every phase keeps its pixel area to within one block; ");
        sb.Append("majority: each block takes its most frequent phase); after coarsening, islands below the given number of image pixels merged into a neighbour (1: none); ");
        sb.Append(inv, $"six-node triangles of at most {size} um; NMC swells by 5 % in volume from lithiation 0 to 1 over 1 h (E 140 GPa, binder 3 GPa; ");
        sb.Append("assumed values, see ImageRveBench.cs); rollers on all sides; contact on. Stresses at full lithiation, area means over each phase. ");
        sb.Append("Pixels: the phase's fraction of the (coarsened) pixels before islands; area: of the outlines meshed. ");
        sb.Append("Binder in contact: the fraction of the binder's boundary in contact with anything at full lithiation. ");
        sb.Append("Binder share: the binder's part of the solid's area-weighted mean von Mises, f_b s_b / (f_NMC s_NMC + f_b s_b). Solid: (f_NMC s_NMC + f_b s_b) / (f_NMC + f_b), with the meshed areas.");
        if (bonds) sb.Append(inv, $" Bodies of {string.Join(", ", bonded)} bonded to every body they touch ([microstructure] bonded); ties: boundary nodes tied across the gap, and the body pairs they join.");
        sb.Append("\n\n");
        sb.Append("| islands below (image px) | coarsening | rule | bodies | elements | unknowns | steps | wall s | pixels NMC / binder (%) | area NMC / binder (%) | mean von Mises NMC / binder (MPa) | mean pressure NMC / binder (MPa) | binder in contact (%) | binder share (%) | solid mean von Mises (MPa) |");
        sb.Append(bonds ? " ties / body pairs |\n" : "\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|").Append(bonds ? "---|\n" : "\n");
        foreach (var r in rows) sb.Append(r).Append('\n');
        sb.Append('\n');
        foreach (var r in rows.Where(r => r.Coarsen > 1))
        {
            var first = rows.First(f => f.Coarsen == 1 && f.MinArea == r.MinArea);
            string islands = r.MinArea > 1 ? $"Islands below {r.MinArea} px merged" : "No island merged";
            double nmc = Math.Round(100 * (r.NmcMises / first.NmcMises - 1), 1) + 0.0; // no "-0.0"
            sb.Append(inv, $"{islands}, {r.Coarsen}x ({r.Rule}) against 1x: NMC mean von Mises {nmc:+0.0;-0.0;0.0} %, binder {r.CbdMises / 1e6:0.00} MPa against {first.CbdMises / 1e6:0.00} MPa, solid {Math.Round(100 * (r.SolidMises / first.SolidMises - 1), 1) + 0.0:+0.0;-0.0;0.0} %.\n");
        }
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        string name = (bonds ? "image-rve-bonded" : "image-rve") + (element != 1 ? $"-h{size}" : "") + ".md";
        AtomicFile.WriteAllText(Path.Combine("bench", "results", name), sb.ToString());
    }
}

/// <summary>A finished image-RVE run: its result and solver statistics, its wall time, and the RVE and mesh
/// it was built on.</summary>
sealed record ImageRun(RunResult Result, CaseRunner Runner, double Seconds, ImageRve Rve, CreepCell.Meshing.Mesh Mesh)
{
    public static ImageRun Of(CaseDefinition def, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var runner = new CaseRunner(def, outDir);
        var result = runner.Run();
        double seconds = clock.Elapsed.TotalSeconds;
        return new ImageRun(result, runner, seconds, ImageMicrostructure.Build(def.Mesh.Image!), MeshFactory.Build(def.Mesh));
    }

    /// <summary>The phase's results at the end of the run.</summary>
    public PhaseStats Phase(string phase) => Result.Final[Result.Phases.ToList().IndexOf(phase)];

    /// <summary>The phase's outline area over the RVE box.</summary>
    public double OutlineFraction(string phase) => Rve.Report.Phases.Single(p => p.Name == phase).OutlineArea / (Rve.Width * Rve.Height);
}
