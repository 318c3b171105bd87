using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;
using CreepCell.Meshing;
using CreepCell.Simulation.Transport;

namespace CreepCell.Bench;

/// <summary>
/// `tau-slice [--page P] [--crop X,Y,W,H] [--min-area N] [--sizes 2,1,0.5] [--refine 1,2,4] [--out FILE]`: the
/// tortuosity factor of the pore phase of one page of the TauFactor electrode (pore 0, NMC 85, binder 170), top
/// to bottom, computed twice on the same 2D section: by the finite-element conduction of the transport
/// module on the image RVE's mesh (the pores as conducting bodies with their smoothed outlines, NMC and
/// binder empty), at several element sizes, and by the pixel finite-volume scheme of TauFactor
/// (<see cref="PixelConduction"/>) on the same pixel map, each pixel split m x m. Writes a Markdown table
/// (default bench/results/tau-slice.md).
/// </summary>
public static class TauSliceBench
{
    /// <summary>The pore phase conducts (an electrolyte filling the pores); NMC and binder are the empty phase.</summary>
    static readonly Dictionary<double, string> Labels = new() { [0] = "electrolyte", [85] = "pore", [170] = "pore" };

    const double Pixel = 100e-6 / 256;

    public static int Run(string[] args)
    {
        if (args.Contains("--sections")) return Sections(args);
        int page = (int)Number(args, "--page", 128), minArea = (int)Number(args, "--min-area", 1);
        var crop = Option(args, "--crop") is { } c ? c.Split(',').Select(int.Parse).ToArray() : null;
        var sizes = (Option(args, "--sizes") ?? "2,1,0.5").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var refine = (Option(args, "--refine") ?? "1,2,4").Split(',').Select(int.Parse).ToArray();
        var upsample = (Option(args, "--upsample") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        double upsampleSize = Number(args, "--upsample-size", 0.5);
        string output = Option(args, "--out") ?? Path.Combine("bench", "results", "tau-slice.md");
        string image = Path.GetFullPath(Path.Combine("tests", "CreepCell.Tests", "Fixtures", "taufactor_electrode", "electrode.tiff"));
        var spec = new ImageSpec(image, page, Pixel, crop is null ? null : new PixelRect(crop[0], crop[1], crop[2], crop[3]), Labels, null, null,
            MinArea: minArea, NeckRatio: 0, Source: "tau-slice");
        var rve = ImageMicrostructure.Build(spec);
        var md = new StringBuilder();
        string region = crop is null ? "the whole page" : $"crop [{string.Join(", ", crop)}]";
        md.AppendLine($"# Pore-phase tortuosity factor of page {page} of the TauFactor electrode, {region}, top to bottom");
        md.AppendLine();
        md.AppendLine($"`dotnet run -c Release --project bench/CreepCell.Bench -- tau-slice {string.Join(' ', args)}`");
        md.AppendLine();
        md.AppendLine($"{rve.Map.Width} x {rve.Map.Height} pixels, min_area {minArea}, {rve.Bodies.Count} pore bodies (neck_ratio 0: one per 4-connected region).");
        md.AppendLine();
        md.AppendLine("| method | resolution | unknowns | eps | sigma_eff / sigma0 | tau | seconds |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        var phase = rve.Map.Phase.Select(p => rve.Map.Names[p] == "electrolyte").ToArray();
        int w = rve.Map.Width, h = rve.Map.Height;
        foreach (int m in refine)
        {
            var clock = Stopwatch.StartNew();
            var r = PixelConduction.TopToBottom(PixelConduction.Refine(phase, w, h, m), w * m, h * m);
            string row = r is null ? $"| pixel finite volumes | {m} x {m} per pixel | | | 0 | (no path) | |"
                : $"| pixel finite volumes | {m} x {m} per pixel | {phase.Count(p => p) * m * m} | {r.AreaFraction:F5} | {r.RelativeConductivity:F5} | {r.TortuosityFactor:F4} | {clock.Elapsed.TotalSeconds:F1} |";
            md.AppendLine(row);
            Console.WriteLine(row);
        }
        foreach (bool quadratic in new[] { false, true })
            foreach (double size in sizes)
            {
                var clock = Stopwatch.StartNew();
                var mesh = ImageBodyMesh.Build(rve, new ParticleMeshOptions { ElementSize = size * Pixel, SecondOrder = quadratic });
                var r = Solve(mesh, rve.Width, rve.Height);
                string row = $"| finite elements, {(quadratic ? "Tri6" : "Tri3")} | edges <= {size} px | {mesh.NodeCount} | {r.ConductingFraction:F5} | {r.EffectiveConductivity:F5} | {r.Tortuosity:F4} | {clock.Elapsed.TotalSeconds:F1} |";
                md.AppendLine(row);
                Console.WriteLine(row);
            }
        foreach (int m in upsample)
        {
            var clock = Stopwatch.StartNew();
            var fine = Upsampled(spec, rve.Map, m);
            var mesh = ImageBodyMesh.Build(fine, new ParticleMeshOptions { ElementSize = upsampleSize * Pixel, SecondOrder = true });
            var r = Solve(mesh, fine.Width, fine.Height);
            string row = $"| finite elements, Tri6, image RVE of the pixels split {m} x {m} | edges <= {upsampleSize} px | {mesh.NodeCount} | {r.ConductingFraction:F5} | {r.EffectiveConductivity:F5} | {r.Tortuosity:F4} | {clock.Elapsed.TotalSeconds:F1} |";
            md.AppendLine(row);
            Console.WriteLine(row);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, md.ToString());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>
    /// `tau-slice --sections [--out FILE]`: the pore phase's pixel tortuosity factor (TauFactor's scheme, one unknown per
    /// pixel) on every 2D section of the volume: the x-y pages top to bottom (along y) and the x-z sections from the
    /// first page to the last (along z, the direction of TauFactor's published 3D value). Counts the sections
    /// with a pore path and summarises their tau. Writes bench/results/tau-sections.md.
    /// </summary>
    static int Sections(string[] args)
    {
        string output = Option(args, "--out") ?? Path.Combine("bench", "results", "tau-sections.md");
        string image = Path.GetFullPath(Path.Combine("tests", "CreepCell.Tests", "Fixtures", "taufactor_electrode", "electrode.tiff"));
        var pages = ImageDecoder.ReadFrames(image).ToList();
        int n = pages.Count, w = pages[0].Width, h = pages[0].Height;
        var md = new StringBuilder();
        md.AppendLine("# Pore-phase tortuosity factor of the 2D sections of the TauFactor electrode (pixel finite volumes)");
        md.AppendLine();
        md.AppendLine("`dotnet run -c Release --project bench/CreepCell.Bench -- tau-slice --sections`");
        md.AppendLine();
        md.AppendLine("| sections | direction | count | with a pore path | eps (mean over all) | tau: median | mean | min | max |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        void Summarise(string name, string direction, IEnumerable<(bool[] Phase, int W, int H)> sections)
        {
            var taus = new List<double>();
            var eps = new List<double>();
            foreach (var (phase, sw, sh) in sections)
            {
                eps.Add(phase.Count(p => p) / (double)phase.Length);
                if (PixelConduction.TopToBottom(phase, sw, sh) is { } r) taus.Add(r.TortuosityFactor);
            }
            taus.Sort();
            string stats = taus.Count == 0 ? "| | | |" : FormattableString.Invariant(
                $"{taus[taus.Count / 2]:F3} | {taus.Average():F3} | {taus[0]:F3} | {taus[^1]:F3} |");
            string row = FormattableString.Invariant($"| {name} | {direction} | {eps.Count} | {taus.Count} | {eps.Average():F4} | {stats}");
            md.AppendLine(row);
            Console.WriteLine(row);
        }
        Summarise("x-y pages", "y (rows, top to bottom)", pages.Select(p => (p.Pixels.Select(v => v == 0).ToArray(), w, h)));
        Summarise("x-z sections", "z (pages, first to last)", Enumerable.Range(0, h).Select(y =>
        {
            var phase = new bool[w * n];
            for (int z = 0; z < n; z++)
                for (int x = 0; x < w; x++) phase[z * w + x] = pages[z].Pixels[y * w + x] == 0;
            return (phase, w, n);
        }));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, md.ToString());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>Top-to-bottom conduction of the image RVE's mesh at rest, sigma0 = 1 in the electrolyte, the box's top and bottom sides as collectors.</summary>
    static ConductionResult Solve(Mesh mesh, double width, double height)
    {
        var sigma = mesh.RegionNames.Select(n => n == "electrolyte" ? 1.0 : 0).ToArray();
        var top = mesh.Nodes.Select(p => Math.Abs(p.Y - height) < 1e-9 * height).ToArray();
        var bottom = mesh.Nodes.Select(p => Math.Abs(p.Y) < 1e-9 * height).ToArray();
        return Conduction.Solve(mesh, new double[2 * mesh.NodeCount], sigma, Array.Empty<ConductanceLink>(), top, bottom, width, height);
    }

    /// <summary>The image RVE of the pixel map with every pixel split m x m (<see cref="PhaseMap.Split"/>).</summary>
    static ImageRve Upsampled(ImageSpec spec, PhaseMap map, int m) =>
        ImageMicrostructure.Build(spec with { PixelSize = map.PixelSize / m, Crop = null }, map.Split(m));

    static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static double Number(string[] args, string name, double fallback) =>
        Option(args, name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;
}
