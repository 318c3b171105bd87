using System.CommandLine;
using System.Globalization;
using System.Text;
using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Meshing;
using Spectre.Console;

namespace CreepCell.Cli.Commands;

/// <summary>
/// The image branch of `creepcell microstructure`: an RVE from a segmented image, given by a case file
/// whose [microstructure] names an image or by --image and its options (turned into the same table, so
/// both are checked alike). Prints the segmentation report and writes the mesh and the overlay picture.
/// </summary>
static class MicrostructureImage
{
    public sealed class Options
    {
        public readonly Option<string?> Image = new("--image") { Description = "segmented image (TIFF or PNG) to turn into an RVE instead of a case file" };
        public readonly Option<string?> PixelSize = new("--pixel-size") { Description = "side of one pixel with a unit, e.g. \"0.39 um\"" };
        public readonly Option<string?> Phases = new("--phases") { Description = "grey level = phase, e.g. 0=pore,85=NMC,170=CBD; or phases dark to bright, e.g. pore,NMC with --thresholds" };
        public readonly Option<string?> Thresholds = new("--thresholds") { Description = "grey levels between the phases (e.g. 60,140) or otsu" };
        public readonly Option<int?> Page = new("--page") { Description = "0-based page of a multi-page TIFF" };
        public readonly Option<string?> Crop = new("--crop") { Description = "x,y,width,height in pixels (x, y of the top-left corner)" };
        public readonly Option<int?> MinArea = new("--min-area") { Description = "islands below this many pixels are merged into a neighbour (default 10)" };
        public readonly Option<double?> NeckRatio = new("--neck-ratio") { Description = "split touching particles at necks narrower than this fraction of the smaller radius (default 0.5; 0: never)" };
        public readonly Option<int?> Coarsen = new("--coarsen") { Description = "one phase per block of N x N pixels" };
        public readonly Option<string?> CoarsenRule = new("--coarsen-rule") { Description = "area (every phase keeps its pixel area, the default) or majority" };
        public readonly Option<bool> Periodic = new("--periodic") { Description = "the image is a periodic tile: refuse a body that would join itself across opposite edges" };
        public readonly Option<string?> Bonded = new("--bonded") { Description = "phases whose bodies are bonded to every body they touch, e.g. CBD (reports the ties)" };
        public readonly Option<string?> Msh = new("--msh") { Description = "write the meshed RVE as a Gmsh 4.1 file" };

        public void AddTo(Command cmd)
        {
            foreach (var o in new Option[] { Image, PixelSize, Phases, Thresholds, Page, Crop, MinArea, NeckRatio, Coarsen, CoarsenRule, Periodic, Bonded, Msh }) cmd.Options.Add(o);
        }
    }

    /// <summary>The [microstructure] table of the --image options, as TOML text.</summary>
    public static string TableFromOptions(ParseResult pr, Options o)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("[microstructure]\n");
        sb.Append(inv, $"image = {Quote(Path.GetFullPath(pr.GetValue(o.Image)!))}\n");
        if (pr.GetValue(o.PixelSize) is { } px) sb.Append(inv, $"pixel_size = {Quote(px)}\n");
        if (pr.GetValue(o.Page) is { } page) sb.Append(inv, $"page = {page}\n");
        if (pr.GetValue(o.Crop) is { } crop) sb.Append(inv, $"crop = [{crop}]\n");
        if (pr.GetValue(o.MinArea) is { } min) sb.Append(inv, $"min_area = {min}\n");
        if (pr.GetValue(o.NeckRatio) is { } neck) sb.Append(inv, $"neck_ratio = {neck.ToString("R", inv)}\n");
        if (pr.GetValue(o.Coarsen) is { } c) sb.Append(inv, $"coarsen = {c}\n");
        if (pr.GetValue(o.CoarsenRule) is { } rule) sb.Append(inv, $"coarsen_rule = {Quote(rule)}\n");
        if (pr.GetValue(o.Periodic)) sb.Append("periodic = true\n");
        if (pr.GetValue(o.Bonded) is { } bonded)
            sb.Append("bonded = [" + string.Join(", ", bonded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Quote)) + "]\n");
        if (pr.GetValue(o.Thresholds) is { } t) sb.Append(inv, $"thresholds = {(t == "otsu" ? "\"otsu\"" : $"[{t}]")}\n");
        if (pr.GetValue(o.Phases) is { } phases)
        {
            var parts = phases.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            sb.Append(parts.All(p => p.Contains('='))
                ? "phases = { " + string.Join(", ", parts.Select(p => $"{Quote(p.Split('=', 2)[0].Trim())} = {Quote(p.Split('=', 2)[1].Trim())}")) + " }\n"
                : "phases = [" + string.Join(", ", parts.Select(Quote)) + "]\n");
        }
        return sb.ToString();
    }

    static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Builds, reports and writes the RVE of a [microstructure] table that names an image.</summary>
    public static int Run(string source, string text, string baseDirectory, string? png, string? msh)
    {
        var root = TomlSection.Parse(source, text);
        var spec = ImageSpecToml.Read(root.RequireSection("microstructure"), baseDirectory);
        var rve = ImageMicrostructure.Build(spec);
        Print(rve);
        Mesh? mesh = png is null && msh is null && spec.BondedPhases.Count == 0 ? null : ImageBodyMesh.Build(rve);
        if (mesh is not null)
            Console.WriteLine($"mesh: {mesh.NodeCount} nodes, {mesh.ElementCount} six-node triangles, smallest angle {MeshQuality.MinAngleDegrees(mesh):F1} deg");
        if (spec.BondedPhases.Count > 0) PrintBonds(spec, rve, mesh!);
        if (msh is not null) GmshWriter.Write(msh, mesh!);
        if (png is not null) ImageOverlay.Write(png, rve, mesh);
        return ExitCodes.Ok;
    }

    static void Print(ImageRve rve)
    {
        var inv = CultureInfo.InvariantCulture;
        var r = rve.Report;
        double box = rve.Width * rve.Height;
        var table = new Table().AddColumns("phase", "image pixels", "after islands", "regions", "bodies", "outline area");
        foreach (var p in r.Phases)
            table.AddRow(p.Name, Percent(p.ImagePixels, rve.PixelCount), Percent(p.Pixels, rve.PixelCount), p.Regions.ToString(inv),
                p.Name == ImageSpec.VoidPhase ? "" : p.Bodies.ToString(inv), p.Name == ImageSpec.VoidPhase ? "" : (100 * p.OutlineArea / box).ToString("0.000", inv) + " %");
        AnsiConsole.Write(table);
        foreach (var m in r.Islands)
            Console.WriteLine(string.Format(inv, "islands: {0} region(s) of {1} ({2} pixels) merged into {3}", m.Regions, m.From, m.Pixels, m.Into));
        if (r.Thresholds.Count > 0) Console.WriteLine("thresholds: " + string.Join(", ", r.Thresholds.Select(t => t.ToString("G6", inv))));
        Console.WriteLine(string.Format(inv,
            "RVE {0:0.###} x {1:0.###} um ({2} x {3} pixels of {4:0.####} um); outlines within {5:0.000} of {6} pixel of the pixel-edge contour, {7} vertices, smallest corner {8:0.0} deg; gap between touching bodies {9:0.###} nm",
            rve.Width * 1e6, rve.Height * 1e6, rve.Map.Width, rve.Map.Height, rve.Map.PixelSize * 1e6, r.MaxDeviation, r.Tolerance, r.Vertices, r.MinAngleDegrees, r.Gap * 1e9));
    }

    /// <summary>The bonds a run of this mesh makes (built as its contact model builds them; their stiffness is not needed here).</summary>
    static void PrintBonds(ImageSpec spec, ImageRve rve, Mesh mesh)
    {
        var bodies = new CreepCell.Contact.ContactBodies(mesh);
        var ties = CreepCell.Contact.BondTies.Build(mesh, bodies, new CreepCell.Contact.BondSpec(spec.BondedPhases, spec.Gap), 1)!;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "bonded {0}: {1} boundary nodes tied across the gap, joining {2} body pairs (reach {3:0.###} nm)",
            string.Join(", ", spec.BondedPhases), ties.Count, ties.BodyPairs, ties.Reach * 1e9));
    }

    static string Percent(long n, long total) => (100.0 * n / total).ToString("0.000", CultureInfo.InvariantCulture) + " %";
}
