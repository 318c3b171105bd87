using CreepCell.Io;
using CreepCell.Materials;
using Tomlyn.Model;

namespace CreepCell.Simulation;

/// <summary>
/// Reads a case file (TOML; schema in docs/case-file.md) into a validated <see cref="CaseDefinition"/>.
/// Quantities accept SI numbers or strings with units. Any problem is an <see cref="InputException"/>
/// naming the file and the key.
/// </summary>
public static class CaseReader
{
    public static CaseDefinition ReadFile(string path, IReadOnlyList<CaseOverride>? overrides = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(path)) throw new InputException(path, null, "this is a folder; expected a case file (.toml)");
            throw new InputException(path, null, "cannot read the case file: " + e.Message);
        }
        return Read(path, text, Path.GetDirectoryName(Path.GetFullPath(path))!, overrides ?? Array.Empty<CaseOverride>());
    }

    /// <summary>Parses case text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static CaseDefinition Read(string source, string text, string baseDirectory) =>
        Validate(source, TomlSection.Parse(source, text), text, baseDirectory) with { Overrides = CaseOverrides.FromHeader(text) };

    /// <summary>Parses case text, sets <paramref name="overrides"/> in the parsed model (see
    /// <see cref="CaseOverrides"/>) and then validates it as if the values had been in the file; errors
    /// about a set key name <paramref name="origin"/>.</summary>
    public static CaseDefinition Read(string source, string text, string baseDirectory, IReadOnlyList<CaseOverride> overrides, string origin = "--set")
    {
        if (overrides.Count == 0) return Read(source, text, baseDirectory);
        var all = CaseOverrides.FromHeader(text).Where(h => overrides.All(o => o.Key != h.Key)).Concat(overrides).ToList();
        try
        {
            var model = TomlSection.ParseTable(source, text);
            CaseOverrides.Apply(model, overrides, source);
            string edited = CaseOverrides.Render(model, all, source);
            return Validate(source, new TomlSection(source, "", model), edited, baseDirectory) with { Overrides = all };
        }
        catch (InputException e)
        {
            throw CaseOverrides.Blame(e, overrides, origin);
        }
    }

    static CaseDefinition Validate(string source, TomlSection root, string text, string baseDirectory)
    {
        var mesh = root.Has("microstructure")
            ? ReadMicrostructure(root, source, baseDirectory)
            : ReadMesh(root.RequireSection("mesh"), baseDirectory);
        var materials = MaterialsTable.Read(root.RequireSection("materials"));
        var protocolTable = root.RequireSection("protocol");
        var protocol = ProtocolTable.Read(protocolTable);
        var jump = ProtocolTable.ReadJump(protocolTable, protocol);
        double temperature = root.Quantity("temperature", Dimension.Temperature, 298.15);
        if (temperature <= 0) throw new InputException(source, "temperature", "expected an absolute temperature above 0 K");
        MaterialsTable.CheckCreepRates(materials, temperature, source);
        var boundary = ReadBoundary(root.Section("boundary"));
        var solver = ReadSolver(root.Section("solver"));
        var output = ReadOutput(root.Section("output"), baseDirectory);
        var contact = ContactTable.Read(root.Section("contact"));
        root.RejectUnknownKeys();
        if (boundary.StackPressure is not null && contact.Enabled == false)
            throw new InputException(source, "boundary.stack_pressure", "the stack plate presses on the particles through contact; remove [contact] enabled = false or the stack pressure");
        var phases = mesh.Generated is { } g ? g.Inclusions.Select(i => i.Phase).Append(g.Matrix)
            : mesh.Microstructure is { } m ? m.Phases.Select(p => p.Name)
            : mesh.Image?.SolidPhases;
        if (phases is not null)
        {
            foreach (var phase in phases)
                if (!materials.ContainsKey(phase))
                    throw new InputException(source, "materials", $"the mesh has phase \"{phase}\" but there is no [materials.{phase}]");
        }
        return CaseChecks.Check(new CaseDefinition(source, mesh, materials, protocol, boundary, solver, output, temperature) { Text = text, BaseDirectory = baseDirectory, Contact = contact, Jump = jump });
    }

    /// <summary>[microstructure] (a packing or an image, see docs/microstructure.md) with optional [mesh]
    /// element_size (absolute), relative_element_size (of the phase mean diameter), order and min_angle.</summary>
    static MeshSpec ReadMicrostructure(TomlSection root, string source, string baseDirectory)
    {
        var image = CreepCell.Geometry.Imaging.ImageSpecToml.IsImage(root)
            ? CreepCell.Geometry.Imaging.ImageSpecToml.Read(root.Section("microstructure")!, baseDirectory) : null;
        var spec = image is null ? CreepCell.Geometry.Packing.PackingSpecToml.FromTable(root.RawTable("microstructure")!, source) : null;
        var options = new CreepCell.Meshing.ParticleMeshOptions();
        if (root.Section("mesh") is { } m)
        {
            if (m.Has("file") || m.Has("generator"))
                throw new InputException(source, m.Key(m.Has("file") ? "file" : "generator"), "a case with [microstructure] meshes its particles; remove the mesh file or generator");
            int order = m.Integer("order", 2);
            if (order is not (1 or 2)) throw new InputException(source, m.Key("order"), $"expected 1 or 2, got {order}");
            options = options with
            {
                ElementSize = m.Has("element_size") ? Positive(m, "element_size", Dimension.Length) : null,
                RelativeSize = m.Number("relative_element_size", options.RelativeSize),
                MinAngleDegrees = m.Number("min_angle", options.MinAngleDegrees),
                SecondOrder = order == 2,
            };
            options = WithPeakRefinement(options, m, source, image is not null);
            if (!(options.RelativeSize > 0 && options.RelativeSize <= 1)) throw new InputException(source, m.Key("relative_element_size"), "expected a value in (0, 1]");
            if (!(options.MinAngleDegrees >= 20 && options.MinAngleDegrees <= 33)) throw new InputException(source, m.Key("min_angle"), "expected 20 to 33 degrees");
            m.RejectUnknownKeys();
        }
        return new MeshSpec(null, 1, null) { Microstructure = spec, ParticleOptions = options, Image = image };
    }

    /// <summary>The [mesh] keys that resolve fillets and near-contact zones of a packing (docs/meshing.md,
    /// "Fillets and contact zones"); an image RVE has no fillets to resolve, so it refuses them.</summary>
    static CreepCell.Meshing.ParticleMeshOptions WithPeakRefinement(CreepCell.Meshing.ParticleMeshOptions o, TomlSection m, string source, bool image)
    {
        string[] keys = { "fillet_edges", "boundary_edge", "contact_edge", "contact_reach", "contact_grading", "refine_edge", "refine_points" };
        if (image && keys.FirstOrDefault(m.Has) is { } key)
            throw new InputException(source, m.Key(key), "applies to a packed [microstructure] only, not to an image");
        int fillet = m.Integer("fillet_edges", o.FilletEdges);
        if (fillet is < 0 or > 64) throw new InputException(source, m.Key("fillet_edges"), $"expected 0 to 64 edges per fillet, got {fillet}");
        double grading = m.Number("contact_grading", o.ContactGrading);
        if (!(grading > 0 && grading <= 2)) throw new InputException(source, m.Key("contact_grading"), "expected a value in (0, 2]");
        return o with
        {
            FilletEdges = fillet,
            BoundaryEdge = m.Has("boundary_edge") ? Positive(m, "boundary_edge", Dimension.Length) : o.BoundaryEdge,
            ContactEdge = m.Has("contact_edge") ? Positive(m, "contact_edge", Dimension.Length) : o.ContactEdge,
            ContactReach = m.Has("contact_reach") ? Positive(m, "contact_reach", Dimension.Length) : o.ContactReach,
            ContactGrading = grading,
            RefineEdge = m.Has("refine_edge") ? Positive(m, "refine_edge", Dimension.Length) : o.RefineEdge,
            RefinePoints = RefinePoints(m, source) ?? o.RefinePoints,
        };
    }

    /// <summary>[mesh] refine_points = [[x, y], ...] (lengths, e.g. the peak_spots_m of a previous run's
    /// summary.json); they need refine_edge.</summary>
    static CreepCell.Geometry.Vec2[]? RefinePoints(TomlSection m, string source)
    {
        if (!m.Has("refine_points")) return null;
        if (!m.Has("refine_edge")) throw new InputException(source, m.Key("refine_points"), "needs refine_edge, the edge length at the points");
        var table = m.Array("refine_points") ?? throw new InputException(source, m.Key("refine_points"), "expected an array of [x, y] pairs");
        var points = new List<CreepCell.Geometry.Vec2>();
        int i = 0;
        foreach (var row in table)
        {
            string key = $"{m.Key("refine_points")}[{i++}]";
            if (row is not Tomlyn.Model.TomlArray pair || pair.Count != 2) throw new InputException(source, key, "expected a pair [x, y]");
            points.Add(new CreepCell.Geometry.Vec2(m.ToQuantity(pair[0]!, Dimension.Length, key), m.ToQuantity(pair[1]!, Dimension.Length, key)));
        }
        return points.ToArray();
    }

    static MeshSpec ReadMesh(TomlSection s, string baseDir)
    {
        double unit = s.Quantity("unit", Dimension.Length, 1.0);
        if (unit <= 0) throw new InputException(s.File, s.Key("unit"), "expected a positive length");
        if (s.Has("file"))
        {
            string file = Path.GetFullPath(Path.Combine(baseDir, s.String("file")));
            s.RejectUnknownKeys();
            return new MeshSpec(file, unit, null);
        }
        s.Choice("generator", "inclusion", "inclusion");
        double width = Positive(s, "width", Dimension.Length) * unit;
        double height = Positive(s, "height", Dimension.Length) * unit;
        string matrix = s.String("matrix");
        double size = Positive(s, "element_size", Dimension.Length) * unit;
        double fine = s.Has("inclusion_element_size") ? Positive(s, "inclusion_element_size", Dimension.Length) * unit : size;
        int order = s.Integer("order", 2);
        if (order is not (1 or 2)) throw new InputException(s.File, s.Key("order"), $"expected 1 or 2, got {order}");
        var inclusions = s.TableArray("inclusions").Select(t => ReadInclusion(t, unit)).ToList();
        s.RejectUnknownKeys();
        foreach (var inc in inclusions)
        {
            double r = Math.Max(inc.A, inc.B);
            if (inc.CenterX - r <= 0 || inc.CenterX + r >= width || inc.CenterY - r <= 0 || inc.CenterY + r >= height)
                throw new InputException(s.File, s.Key("inclusions"), $"inclusion of phase \"{inc.Phase}\" reaches outside the {width:G4} x {height:G4} m rectangle");
        }
        return new MeshSpec(null, unit, new GeneratedMesh(width, height, matrix, inclusions, size, fine, order));
    }

    static InclusionShape ReadInclusion(TomlSection t, double unit)
    {
        string phase = t.String("phase");
        var center = t.Array("center") ?? throw new InputException(t.File, t.Key("center"), "missing required key (two lengths)");
        if (center.Count != 2) throw new InputException(t.File, t.Key("center"), "expected two lengths [x, y]");
        double cx = t.ToQuantity(center[0]!, Dimension.Length, t.Key("center")) * unit;
        double cy = t.ToQuantity(center[1]!, Dimension.Length, t.Key("center")) * unit;
        double a, b;
        if (t.Has("radius"))
        {
            a = b = Positive(t, "radius", Dimension.Length) * unit;
        }
        else
        {
            var axes = t.Array("semi_axes") ?? throw new InputException(t.File, t.Key("radius"), "missing: give radius or semi_axes");
            if (axes.Count != 2) throw new InputException(t.File, t.Key("semi_axes"), "expected two lengths [a, b]");
            a = t.ToQuantity(axes[0]!, Dimension.Length, t.Key("semi_axes")) * unit;
            b = t.ToQuantity(axes[1]!, Dimension.Length, t.Key("semi_axes")) * unit;
            if (a <= 0 || b <= 0) throw new InputException(t.File, t.Key("semi_axes"), "expected positive lengths");
        }
        double angle = t.Number("angle", 0) * Math.PI / 180;
        t.RejectUnknownKeys();
        return new InclusionShape(phase, cx, cy, a, b, angle);
    }

    static BoundarySpec ReadBoundary(TomlSection? s)
    {
        if (s is null) return new BoundarySpec("symmetric");
        string kind = s.Choice("kind", "symmetric", "symmetric");
        double? stack = s.Has("stack_pressure") ? Positive(s, "stack_pressure", Dimension.Pressure) : null;
        s.RejectUnknownKeys();
        return new BoundarySpec(kind, stack);
    }

    static SolverSpec ReadSolver(TomlSection? s)
    {
        var d = SolverSpec.Defaults;
        if (s is null) return d;
        var r = new SolverSpec
        {
            MaxIterations = s.Integer("max_iterations", d.MaxIterations),
            Tolerance = s.Number("tolerance", d.Tolerance),
            LinearSolver = s.Choice("linear_solver", d.LinearSolver, "builtin", "cholmod", "dense"),
            Fbar = s.Boolean("fbar", d.Fbar),
            MaxLithiationStep = s.Number("max_lithiation_step", d.MaxLithiationStep),
            MaxCutbacks = s.Integer("max_cutbacks", d.MaxCutbacks),
            MaxCreepIncrement = s.Number("max_creep_increment", d.MaxCreepIncrement),
            MaxStep = s.Quantity("max_step", Dimension.Time, d.MaxStep),
            MinStep = s.Quantity("min_step", Dimension.Time, d.MinStep),
            Threads = s.Integer("threads", 0),
            RemeshAngle = s.Number("remesh_angle", d.RemeshAngle),
            MaxUnknowns = s.Integer("max_unknowns", d.MaxUnknowns),
            OutOfPlane = ReadOutOfPlane(s),
        };
        foreach (var (key, expected) in r.Problems()) throw new InputException(s.File, s.Key(key), expected);
        s.RejectUnknownKeys();
        return r;
    }

    static OutOfPlane ReadOutOfPlane(TomlSection s)
    {
        bool generalized = s.Choice("out_of_plane", OutOfPlane.PlaneStrainName, OutOfPlane.PlaneStrainName, OutOfPlane.GeneralizedName) == OutOfPlane.GeneralizedName;
        return new OutOfPlane(generalized, s.Quantity("out_of_plane_stress", Dimension.Pressure, 0));
    }

    static OutputSpec ReadOutput(TomlSection? s, string baseDir)
    {
        if (s is null) return new OutputSpec(Path.Combine(baseDir, "out"), 0);
        string given = s.String("dir", "out");
        if (string.IsNullOrWhiteSpace(given)) throw new InputException(s.File, s.Key("dir"), "expected a folder name (an empty one would write into the case's folder); leave dir out for \"out\"");
        string dir = Path.GetFullPath(Path.Combine(baseDir, given));
        int every = s.Integer("fields_every", 0);
        if (every < 0) throw new InputException(s.File, s.Key("fields_every"), "expected 0 (only breakpoints) or a positive step count");
        int checkpoints = s.Integer("checkpoint_every", 50);
        if (checkpoints < 1) throw new InputException(s.File, s.Key("checkpoint_every"), "expected a positive step count");
        double minutes = s.Number("checkpoint_minutes", 5);
        if (!(minutes > 0)) throw new InputException(s.File, s.Key("checkpoint_minutes"), "expected a positive number of minutes");
        var vtu = s.Choice("vtu", "binary", "binary", "ascii") == "ascii" ? VtuEncoding.Ascii : VtuEncoding.Binary;
        s.RejectUnknownKeys();
        return new OutputSpec(dir, every, checkpoints, minutes) { Vtu = vtu };
    }

    internal static double Positive(TomlSection s, string key, Dimension dim)
    {
        double v = s.Quantity(key, dim);
        if (!(v > 0)) throw new InputException(s.File, s.Key(key), $"expected a positive value, got {v}");
        return v;
    }
}
