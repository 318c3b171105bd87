using System.CommandLine;
using System.Globalization;
using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Meshing;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell mesh out.msh --width 20um --height 20um --inclusion "ncm:10um,10um,2um"`: meshes a
/// rectangle with inclusions and writes it as a Gmsh file.</summary>
public static class MeshCommand
{
    const string Source = "command line";

    public static Command Create()
    {
        var output = new Argument<string>("output") { Description = "Gmsh file to write (.msh)" };
        var width = new Option<string>("--width") { Description = "rectangle width, e.g. \"20 um\"", Required = true };
        var height = new Option<string>("--height") { Description = "rectangle height", Required = true };
        var inclusions = new Option<string[]>("--inclusion")
        {
            Description = "name:x,y,r for a circle or name:x,y,a,b,angle_deg for an ellipse (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var matrix = new Option<string>("--matrix") { Description = "region name of the matrix", DefaultValueFactory = _ => "matrix" };
        var size = new Option<string>("--size") { Description = "largest edge length", Required = true };
        var interfaceSize = new Option<string?>("--interface-size") { Description = "edge length at inclusion boundaries (graded mesh)" };
        var grading = new Option<double>("--grading") { Description = "edge length growth per unit distance from inclusions", DefaultValueFactory = _ => 0.3 };
        var minAngle = new Option<double>("--min-angle") { Description = "smallest angle in degrees (at most 33)", DefaultValueFactory = _ => 28 };
        var order = new Option<int>("--order") { Description = "1 (Tri3) or 2 (Tri6)", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "Gmsh format 4.1 or 2.2", DefaultValueFactory = _ => "4.1" };
        var unit = new Option<string>("--unit") { Description = "length unit of the written coordinates", DefaultValueFactory = _ => "m" };
        var maxElements = new Option<long>("--max-elements")
        {
            Description = "refuse a mesh estimated larger than this many triangles (a unit slip in --width or --size)",
            DefaultValueFactory = _ => SizeEstimate.DefaultMaxElements,
        };
        var cmd = new Command("mesh", "Mesh a rectangle with circular or elliptical inclusions and write a Gmsh file");
        cmd.Arguments.Add(output);
        foreach (var o in new Option[] { width, height, inclusions, matrix, size, interfaceSize, grading, minAngle, order, format, unit, maxElements })
            cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            double w = Length(pr.GetValue(width)!, "--width"), h = Length(pr.GetValue(height)!, "--height");
            var incs = (pr.GetValue(inclusions) ?? Array.Empty<string>()).Select(ParseInclusion).ToArray();
            string? hi = pr.GetValue(interfaceSize);
            int ord = pr.GetValue(order);
            if (ord is not (1 or 2)) throw new InputException(Source, "--order", $"expected 1 or 2, got {ord}");
            string fmt = pr.GetValue(format)!;
            if (fmt is not ("4.1" or "2.2")) throw new InputException(Source, "--format", $"expected 4.1 or 2.2, got \"{fmt}\"");
            double scale = Length("1 " + pr.GetValue(unit), "--unit");
            var sizes = new InclusionSizes(Length(pr.GetValue(size)!, "--size"), hi is null ? null : Length(hi, "--interface-size"), pr.GetValue(grading))
            {
                MinAngleDegrees = pr.GetValue(minAngle),
                SecondOrder = ord == 2,
            };
            Mesh mesh;
            try
            {
                InclusionMesh.Validate(w, h, incs, sizes);
                RefuseLarge(SizeEstimate.ForInclusionMesh(w, h, incs, sizes), pr.GetValue(maxElements));
                mesh = InclusionMesh.Generate(w, h, incs, pr.GetValue(matrix)!, sizes);
            }
            catch (ArgumentException e) { throw new InputException(Source, null, e.Message); }
            string path = pr.GetValue(output)!;
            GmshWriter.Write(path, mesh, fmt, scale);
            Report(mesh, path);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static void RefuseLarge(SizeEstimate estimate, long limit)
    {
        if (limit < 1) throw new InputException(Source, "--max-elements", $"expected a positive count, got {limit}");
        if (estimate.Elements <= limit) return;
        string size = FormattableString.Invariant($"about {estimate.Elements:G3} triangles and {SizeEstimate.Human(estimate.MeshingBytes)} of memory to mesh");
        string run = FormattableString.Invariant($"a run on it: {estimate.Unknowns:G3} unknowns, {SizeEstimate.Human(estimate.Bytes)}");
        throw new InputException(Source, "--size", $"the mesh would be too large: {size} ({run}), above the limit of {limit} triangles. " +
            "Check the units of --width, --height and --size; --max-elements raises the limit");
    }

    static double Length(string text, string key) => Units.Parse(text, Dimension.Length, Source, key);

    /// <summary>"name:x,y,r" or "name:x,y,a,b,angle_deg".</summary>
    static Inclusion ParseInclusion(string spec)
    {
        int colon = spec.IndexOf(':');
        var parts = colon > 0 ? spec[(colon + 1)..].Split(',') : Array.Empty<string>();
        if (colon <= 0 || parts.Length is not (3 or 5))
            throw new InputException(Source, "--inclusion", $"expected name:x,y,r or name:x,y,a,b,angle_deg, got \"{spec}\"");
        string name = spec[..colon].Trim();
        var centre = new Vec2(Length(parts[0], "--inclusion"), Length(parts[1], "--inclusion"));
        if (parts.Length == 3) return Inclusion.Circle(centre, Length(parts[2], "--inclusion"), name);
        if (!double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double deg) || !double.IsFinite(deg))
            throw new InputException(Source, "--inclusion", $"expected the rotation in degrees, got \"{parts[4]}\"");
        return new Inclusion(centre, Length(parts[2], "--inclusion"), Length(parts[3], "--inclusion"), deg * Math.PI / 180, name);
    }

    static void Report(Mesh mesh, string path)
    {
        var areas = MeshQuality.RegionAreas(mesh);
        Console.WriteLine($"{path}: {mesh.ElementCount} triangles ({mesh.Types[0]}), {mesh.NodeCount} nodes, " +
            $"smallest angle {MeshQuality.MinAngleDegrees(mesh).ToString("F2", CultureInfo.InvariantCulture)} deg");
        for (int r = 0; r < areas.Length; r++)
            Console.WriteLine($"  region {mesh.RegionNames[r]}: area {areas[r].ToString("G6", CultureInfo.InvariantCulture)} m^2");
        foreach (var b in mesh.Boundaries)
            Console.WriteLine($"  boundary {b.Name}: {b.Edges.Length} edges, length {MeshQuality.Length(mesh, b).ToString("G6", CultureInfo.InvariantCulture)} m");
    }
}
