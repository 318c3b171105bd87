using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using PureHDF;

namespace CreepCell.Io;

/// <summary>
/// The field outputs of a run as one time series for ParaView, VisIt and meshio: fields.xdmf (XDMF 3, a
/// temporal collection of grids) over HDF5 files written once each: fields_mesh_ID.h5 holds a distinct
/// mesh (/points, N x 3, m; /cells) and fields_NNNNN.h5 one output step (the point and cell arrays of the
/// VTU file of the same name, each with "units" and "center" attributes; the root's attributes "time" (s)
/// and "mesh" (ID)). An output writes its own step file and rewrites only the small XDMF text, keeping
/// the grids of the other steps of the .pvd list from the previous XDMF, so a run's output cost grows
/// linearly with its outputs and the XDMF never lists a step it does not hold.
/// </summary>
internal static class XdmfSeries
{
    /// <summary>The series file, and the name pattern of its HDF5 files (mesh and step files).</summary>
    public const string XdmfName = "fields.xdmf", H5Pattern = "fields_*.h5";

    /// <summary>A dataset: data, dimensions, attributes.</summary>
    sealed record Item(Array Data, ulong[] Dims, Dictionary<string, object> Attributes);

    /// <summary>Adds <paramref name="grid"/> as step <paramref name="name"/> and keeps the other steps of <paramref name="steps"/>.</summary>
    public static void Add(string outDir, string name, double time, VtuGrid grid, IReadOnlyList<(double Time, string Name)> steps)
    {
        string mesh = MeshId(grid);
        var (topology, cells, dims) = Topology(grid);
        var cellItem = new Item(cells, dims, new() { ["topology"] = topology, ["count"] = (double)grid.CellCount });
        var pointItem = new Item(grid.Points.Values, new[] { (ulong)grid.PointCount, 3UL }, new() { ["units"] = "m" });
        string meshFile = MeshFile(mesh);
        if (!File.Exists(Path.Combine(outDir, meshFile)))
            WriteH5(Path.Combine(outDir, meshFile), new() { ["points"] = pointItem, ["cells"] = cellItem }, new());
        var arrays = new Dictionary<string, Item>();
        foreach (var a in grid.PointData.Concat(grid.CellData))
        {
            ulong rows = (ulong)(a.Length / a.Components);
            var attrs = new Dictionary<string, object> { ["center"] = grid.PointData.Contains(a) ? "node" : "cell" };
            if (a.Unit is not null) attrs["units"] = a.Unit;
            arrays[a.Name] = new(a.Values, a.Components > 1 ? new[] { rows, (ulong)a.Components } : new[] { rows }, attrs);
        }
        WriteH5(Path.Combine(outDir, name + ".h5"), arrays, new() { ["time"] = time, ["mesh"] = mesh });
        string xdmf = Path.Combine(outDir, XdmfName);
        var grids = File.Exists(xdmf) ? PreviousGrids(xdmf) : new();
        grids[name] = Grid(name, time, meshFile, pointItem, cellItem, arrays);
        AtomicFile.WriteAllText(xdmf, Xdmf(grids, steps));
    }

    /// <summary>The file of a mesh (the "fields_" prefix keeps it inside the run's output patterns).</summary>
    static string MeshFile(string mesh) => $"fields_mesh_{mesh}.h5";

    /// <summary>A mesh is known by the hash of its coordinates and cells, so a remeshed run stores each mesh once.</summary>
    static string MeshId(VtuGrid g)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var a in g.Cells.Prepend(g.Points))
            sha.AppendData(a.Values switch
            {
                double[] d => System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
                int[] n => System.Runtime.InteropServices.MemoryMarshal.AsBytes(n.AsSpan()).ToArray(),
                byte[] b => b, _ => throw new NotSupportedException(),
            });
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>XDMF topology of the cells: one type as an E x k table, else "Mixed" (type code then nodes, per cell).</summary>
    static (string Topology, int[] Cells, ulong[] Dims) Topology(VtuGrid g)
    {
        var conn = (int[])g.Cells[0].Values;
        var offsets = (int[])g.Cells[1].Values;
        var types = (byte[])g.Cells[2].Values;
        if (types.Distinct().Count() == 1)
        {
            int k = offsets[0];
            return (TopologyName(types[0]), conn, new[] { (ulong)types.Length, (ulong)k });
        }
        var mixed = new List<int>();
        for (int e = 0, start = 0; e < types.Length; start = offsets[e], e++)
        {
            mixed.Add(MixedCode(types[e]));
            mixed.AddRange(conn[start..offsets[e]]);
        }
        return ("Mixed", mixed.ToArray(), new[] { (ulong)mixed.Count });
    }

    /// <summary>XDMF names and mixed-topology codes of the VTK cell types the writer uses (node orders agree).</summary>
    static string TopologyName(byte vtk) => vtk switch { 5 => "Triangle", 22 => "Triangle_6", 9 => "Quadrilateral", 23 => "Quadrilateral_8", 28 => "Quadrilateral_9", _ => throw new NotSupportedException($"VTK cell type {vtk}") };

    static int MixedCode(byte vtk) => vtk switch { 5 => 4, 22 => 36, 9 => 5, 23 => 37, 28 => 35, _ => throw new NotSupportedException($"VTK cell type {vtk}") };

    static void WriteH5(string path, Dictionary<string, Item> datasets, Dictionary<string, object> rootAttributes)
    {
        var file = new H5File { Attributes = rootAttributes };
        foreach (var (key, item) in datasets.OrderBy(d => d.Key, StringComparer.Ordinal))
            file[key] = new H5Dataset(item.Data, fileDims: item.Dims) { Attributes = new Dictionary<string, object>(item.Attributes) };
        using var ms = new MemoryStream();
        // PureHDF needs a readable, seekable stream
        file.Write(ms);
        AtomicFile.WriteAllBytes(path, ms.ToArray());
    }

    /// <summary>The step grids of an earlier fields.xdmf by name (an unreadable file counts as none: its steps are rewritten as they come).</summary>
    static Dictionary<string, XElement> PreviousGrids(string xdmf)
    {
        try
        {
            return XDocument.Load(xdmf).Descendants("Grid").Where(g => (string?)g.Attribute("GridType") == "Uniform")
                .GroupBy(g => (string)g.Attribute("Name")!).ToDictionary(g => g.Key, g => g.Last());
        }
        catch (System.Xml.XmlException) { return new(); }
    }

    static XElement Grid(string name, double time, string meshFile, Item points, Item cells, Dictionary<string, Item> arrays)
    {
        var inv = CultureInfo.InvariantCulture;
        var grid = new XElement("Grid", new XAttribute("Name", name), new XAttribute("GridType", "Uniform"),
            new XElement("Time", new XAttribute("Value", time.ToString("R", inv))),
            new XElement("Topology", new XAttribute("TopologyType", (string)cells.Attributes["topology"]),
                new XAttribute("NumberOfElements", ((double)cells.Attributes["count"]).ToString("R", inv)), DataItem(cells, $"{meshFile}:/cells")),
            new XElement("Geometry", new XAttribute("GeometryType", "XYZ"), DataItem(points, $"{meshFile}:/points")));
        foreach (var (key, a) in arrays.OrderBy(a => (string)a.Value.Attributes["center"] == "node" ? 0 : 1))
            grid.Add(new XElement("Attribute", new XAttribute("Name", key), new XAttribute("AttributeType", a.Dims.Length > 1 ? "Vector" : "Scalar"),
                new XAttribute("Center", (string)a.Attributes["center"] == "node" ? "Node" : "Cell"), DataItem(a, $"{name}.h5:/{key}")));
        return grid;
    }

    /// <summary>The series in the order of <paramref name="steps"/>, with only the steps that have a grid.</summary>
    static string Xdmf(Dictionary<string, XElement> grids, IReadOnlyList<(double Time, string Name)> steps)
    {
        var collection = new XElement("Grid", new XAttribute("Name", "fields"), new XAttribute("GridType", "Collection"), new XAttribute("CollectionType", "Temporal"));
        foreach (var (_, name) in steps)
            if (grids.TryGetValue(name, out var g)) collection.Add(g);
        var doc = new XDocument(new XElement("Xdmf", new XAttribute("Version", "3.0"), new XElement("Domain", collection)));
        return "<?xml version=\"1.0\"?>\n" + doc.Root!.ToString() + "\n";
    }

    static XElement DataItem(Item a, string path) => new("DataItem", new XAttribute("Dimensions", string.Join(' ', a.Dims)),
        new XAttribute("NumberType", a.Data is double[] ? "Float" : "Int"), new XAttribute("Precision", a.Data is double[] ? 8 : 4),
        new XAttribute("Format", "HDF"), path);
}
