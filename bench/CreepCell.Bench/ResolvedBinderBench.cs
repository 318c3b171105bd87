using System.Globalization;
using System.Text;
using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Simulation;
using SkiaSharp;

namespace CreepCell.Bench;

/// <summary>
/// `image-rve --synthetic [--element-sizes 0.8,0.4,0.2] [--modes bonded,unbonded] [--coarsen 1,2,4] [--pixels 200] [--out image-rve-resolved.md]`:
/// the image of <see cref="ResolvedBinderImage"/> (a 20 um square; drawn with 200 x 200 pixels of 0.1 um, binder
/// features at least 16 px across; --pixels draws it finer or coarser) swells its NMC through one full lithiation as ImageRveBench does (same materials, rollers,
/// contact), at 1x and coarsened 2x and 4x by the area rule, with elements of the same physical size at
/// every coarsening, and at several element sizes to measure the mesh error beside the coarsening error.
/// Writes bench/results/image-rve-resolved.md (or the --out name) after every run.
/// </summary>
internal static class ResolvedBinderBench
{
    /// <summary>The side of the drawn microstructure, m.</summary>
    public const double Box = 20e-6;

    sealed record Row(bool Bonded, int Drawn, int Coarsen, double Element, int Bodies, int Elements, int Unknowns, int Steps, double Seconds,
        double NmcArea, double CbdArea, double CbdOutline, double NmcMises, double CbdMises, double CbdPressure, int Ties)
    {
        public double SolidMises => (NmcArea * NmcMises + CbdArea * CbdMises) / (NmcArea + CbdArea);

        /// <summary>The pixel size the RVE is built from, m.</summary>
        public double Pixel => Box / Drawn * Coarsen;

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "| {0} | {16} | {1}x | {17:0.###} | {2} | {3} | {4} | {5} | {6} | {7:0} | {8:0.00} / {9:0.00} | {10:0.0} | {11:0.0} | {12:0.00} | {13:0.0} | {14:0.00} | {15} |",
            Bonded ? "bonded" : "unbonded", Coarsen, Math.Round(Element * 1e6, 3), Bodies, Elements, Unknowns, Steps, Seconds,
            100 * NmcArea, 100 * CbdArea, CbdOutline * 1e6, NmcMises / 1e6, CbdMises / 1e6, SolidMises / 1e6, CbdPressure / 1e6, Ties, Drawn, Pixel * 1e6);
    }

    public static int Run(string[] args)
    {
        var elements = List(args, "--element-sizes", "0.8,0.4,0.2").Select(s => double.Parse(s, CultureInfo.InvariantCulture) * 1e-6).ToList();
        var modes = List(args, "--modes", "bonded,unbonded").Select(m => m == "bonded").ToList();
        var coarsenings = List(args, "--coarsen", "1,2,4").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var drawings = List(args, "--pixels", "200").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        string dir = Directory.CreateTempSubdirectory("creepcell-resolved-binder-").FullName;
        var rows = new List<Row>();
        foreach (int drawn in drawings)
        {
            string image = Path.Combine(dir, $"resolved-{drawn}.png");
            WritePng(ResolvedBinderImage.Draw(drawn), image);
            foreach (bool bonded in modes)
                foreach (double h in elements)
                    foreach (int n in coarsenings.Where(n => drawn % n == 0))
                    {
                        rows.Add(RunOne(image, drawn, n, h, bonded));
                        Console.WriteLine(rows[^1]);
                        Write(rows, args);
                    }
        }
        return 0;
    }

    static IEnumerable<string> List(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return (i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The labels as an 8-bit grey PNG, the form a case file names.</summary>
    public static void WritePng(CreepCell.Io.Images.GrayImage image, string path)
    {
        using var bmp = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = image.Pixels.Select(v => (byte)v).ToArray();
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bmp.GetPixels(), bytes.Length);
        using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>The case: no island merged and no particle split (every body is a drawn shape at every
    /// coarsening), the area rule, the element edge in metres.</summary>
    public static string Case(string image, int drawn, int n, double element, bool bonded) => $"""
        [microstructure]
        image = "{image.Replace("\\", "/")}"
        pixel_size = "{Math.Round(Box / drawn * 1e6, 9).ToString(CultureInfo.InvariantCulture)} um"
        phases = {ImageRveBench.Phases}
        min_area = 1
        neck_ratio = 0
        coarsen = {n}
        coarsen_rule = "area"
        {(bonded ? "bonded = [\"CBD\"]" : "")}
        [mesh]
        element_size = "{(element * 1e6).ToString(CultureInfo.InvariantCulture)} um"
        {ImageRveBench.Materials}
        """;

    static Row RunOne(string image, int drawn, int n, double element, bool bonded)
    {
        var def = CaseReader.Read("resolved.toml", Case(image, drawn, n, element, bonded), Environment.CurrentDirectory);
        string outDir = Path.Combine(Path.GetTempPath(), $"creepcell-resolved-{drawn}-{n}-{(bonded ? "bonded" : "unbonded")}-h{element * 1e6:0.###}");
        var run = ImageRun.Of(def, outDir);
        return new Row(bonded, drawn, n, element, run.Rve.Bodies.Count, run.Mesh.ElementCount, run.Runner.Statistics.Unknowns, run.Result.Steps,
            run.Seconds, run.OutlineFraction("NMC"), run.OutlineFraction("CBD"), InteriorOutline(run.Rve, "CBD"),
            run.Phase("NMC").VonMisesMean, run.Phase("CBD").VonMisesMean, run.Phase("CBD").PressureMean, bonded ? BondCount(run.Mesh, def) : 0);
    }

    /// <summary>Length of the phase's outlines off the box sides (the binder surface that meets pores and particles).</summary>
    public static double InteriorOutline(ImageRve rve, string phase)
    {
        double eps = 1e-6 * rve.Width;
        bool OnSide(Vec2 a, Vec2 b) => (Math.Abs(a.X) < eps && Math.Abs(b.X) < eps) || (Math.Abs(a.Y) < eps && Math.Abs(b.Y) < eps)
            || (Math.Abs(a.X - rve.Width) < eps && Math.Abs(b.X - rve.Width) < eps) || (Math.Abs(a.Y - rve.Height) < eps && Math.Abs(b.Y - rve.Height) < eps);
        double length = 0;
        foreach (var loop in rve.Bodies.Where(b => b.Phase == phase).SelectMany(b => b.Holes.Prepend(b.Outer)))
            for (int k = 0; k < loop.Length; k++)
            {
                var (a, b) = (loop[k], loop[(k + 1) % loop.Length]);
                if (!OnSide(a, b)) length += (b - a).Length;
            }
        return length;
    }

    static int BondCount(CreepCell.Meshing.Mesh mesh, CaseDefinition def)
    {
        var bodies = new CreepCell.Contact.ContactBodies(mesh);
        double emax = bodies.RegionOfBody.Max(r => def.Materials[mesh.RegionNames[r]].YoungsModulus);
        var image = def.Mesh.Image!;
        return CreepCell.Contact.BondTies.Build(mesh, bodies, new CreepCell.Contact.BondSpec(image.BondedPhases, image.Gap), emax)!.Count;
    }

    static void Write(List<Row> rows, string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# Image RVE with a resolved binder, under pixel coarsening\n\n");
        sb.Append(inv, $"`dotnet run -c Release --project bench/CreepCell.Bench -- image-rve {string.Join(" ", args)}`\n\n");
        sb.Append("The image of ResolvedBinderImage.cs, a 20 um square drawn with the given number of pixels per side (200: pixels of 0.1 um); in units of 0.1 um: ");
        sb.Append("five NMC disks of radius 42 and 43, binder necks 20 wide across gaps of 28 between them, binder bars 20 thick along the top and right sides, a binder coating 16 thick ");
        sb.Append("and a binder lump of radius 14 on the central disk; every binder feature is at least 1.6 um across (16 px of 0.1 um, 4 px of 0.4 um). ");
        sb.Append("Pixel: the drawn pixel times the coarsening. Coarsened by the area rule, no island merged (min_area 1), no particle split (neck_ratio 0); six-node triangles of at most the element size given, ");
        sb.Append("the same physical size at every coarsening; NMC swells by 5 % in volume from lithiation 0 to 1 over 1 h (E 140 GPa, binder 3 GPa; ");
        sb.Append("assumed values, see ImageRveBench.cs); rollers on all sides; contact on; bonded: binder bodies tied to every body they touch. ");
        sb.Append("Stresses at full lithiation, area means over each phase; solid: (f_NMC s_NMC + f_b s_b) / (f_NMC + f_b) with the meshed areas. ");
        sb.Append("Binder outline: the length of the binder's outlines off the box sides.\n\n");
        sb.Append("| binder | drawn (px) | coarsening | pixel (um) | element (um) | bodies | elements | unknowns | steps | wall s | area NMC / binder (%) | binder outline (um) | mean von Mises NMC (MPa) | binder (MPa) | solid (MPa) | binder mean pressure (MPa) | ties |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows) sb.Append(r).Append('\n');
        sb.Append('\n');
        foreach (var r in rows.Where(r => r.Coarsen > 1))
        {
            var first = rows.FirstOrDefault(f => f.Coarsen == 1 && f.Drawn == r.Drawn && f.Bonded == r.Bonded && f.Element == r.Element);
            if (first is null) continue;
            sb.Append(inv, $"{(r.Bonded ? "Bonded" : "Unbonded")}, drawn {r.Drawn} px, {r.Element * 1e6:0.###} um elements, {r.Coarsen}x against 1x: binder mean von Mises {Change(r.CbdMises, first.CbdMises)}, ");
            sb.Append(inv, $"NMC {Change(r.NmcMises, first.NmcMises)}, solid {Change(r.SolidMises, first.SolidMises)}.\n");
        }
        int finest = rows.Max(r => r.Drawn);
        foreach (var r in rows.Where(r => r.Coarsen == 1 && r.Drawn < finest))
        {
            var first = rows.FirstOrDefault(f => f.Coarsen == 1 && f.Drawn == finest && f.Bonded == r.Bonded && f.Element == r.Element);
            if (first is null) continue;
            sb.Append(inv, $"{(r.Bonded ? "Bonded" : "Unbonded")}, {r.Element * 1e6:0.###} um elements, drawn {r.Drawn} px against drawn {finest} px: ");
            sb.Append(inv, $"binder mean von Mises {Change(r.CbdMises, first.CbdMises)}, NMC {Change(r.NmcMises, first.NmcMises)}.\n");
        }
        foreach (var r in rows)
        {
            var coarser = rows.FirstOrDefault(f => f.Coarsen == r.Coarsen && f.Drawn == r.Drawn && f.Bonded == r.Bonded && Math.Abs(f.Element - 2 * r.Element) < 1e-12);
            if (coarser is null) continue;
            sb.Append(inv, $"{(r.Bonded ? "Bonded" : "Unbonded")}, drawn {r.Drawn} px, {r.Coarsen}x, elements {coarser.Element * 1e6:0.###} -> {r.Element * 1e6:0.###} um: ");
            sb.Append(inv, $"binder mean von Mises {Change(r.CbdMises, coarser.CbdMises)}, NMC {Change(r.NmcMises, coarser.NmcMises)}.\n");
        }
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        AtomicFile.WriteAllText(Path.Combine("bench", "results", List(args, "--out", "image-rve-resolved.md").Single()), sb.ToString());
    }

    static string Change(double value, double reference) =>
        (Math.Round(100 * (value / reference - 1), 2) + 0.0).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %"; // + 0.0: no "-0.00"
}
