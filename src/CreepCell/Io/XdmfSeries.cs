using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PureHDF;

namespace CreepCell.Io;

/// <summary>
/// The field outputs of a run as one time series for ParaView, VisIt and meshio: fields.xdmf (XDMF 3, a
/// temporal collection of grids) over fields.h5 (HDF5). fields.h5 holds each distinct mesh once, under
/// /meshes/ID/points (N x 3, m) and /meshes/ID/cells, and each output step under /steps/NAME: the point
/// and cell arrays of the VTU file of the same name, each with a "units" attribute, and the step's
/// "time" (s) and "mesh" (ID) as group attributes. The writer rewrites fields.h5 at each output with the
/// steps of the .pvd list (PureHDF writes whole files), so the pair never lists a step it does not hold.
/// </summary>
public static class XdmfSeries
{
    public const string H5Name = "fields.h5", XdmfName = "fields.xdmf";

    /// <summary>A dataset (data, dimensions, attributes) or, with no dimensions, the attributes of a step group.</summary>
    sealed record Item(Array Data, ulong[] Dims, Dictionary<string, object> Attributes);

    /// <summary>Adds <paramref name="grid"/> as step <paramref name="name"/> and keeps the other steps of <paramref name="steps"/>.</summary>
    public static void Add(string outDir, string name, double time, VtuGrid grid, IReadOnlyList<(double Time, string Name)> steps)
    {
        string h5 = Path.Combine(outDir, H5Name);
        var items = File.Exists(h5) ? ReadItems(h5, steps.Select(s => s.Name).Where(s => s != name).ToHashSet()) : new();
        string mesh = MeshId(grid);
        if (!items.ContainsKey($"meshes/{mesh}/points"))
        {
            items[$"meshes/{mesh}/points"] = new(grid.Points.Values, new[] { (ulong)grid.PointCount, 3UL }, new() { ["units"] = "m" });
            var (topology, cells, dims) = Topology(grid);
            items[$"meshes/{mesh}/cells"] = new(cells, dims, new() { ["topology"] = topology, ["count"] = (double)grid.CellCount });
        }
        foreach (var a in grid.PointData.Concat(grid.CellData))
        {
            ulong rows = (ulong)(a.Length / a.Components);
            var attrs = new Dictionary<string, object> { ["center"] = grid.PointData.Contains(a) ? "node" : "cell" };
            if (a.Unit is not null) attrs["units"] = a.Unit;
            items[$"steps/{name}/{a.Name}"] = new(a.Values, a.Components > 1 ? new[] { rows, (ulong)a.Components } : new[] { rows }, attrs);
        }
        items[$"steps/{name}"] = new(Array.Empty<double>(), Array.Empty<ulong>(), new() { ["time"] = time, ["mesh"] = mesh });
        using (var ms = new MemoryStream())
        {
            // PureHDF needs a readable, seekable stream
            ToFile(items).Write(ms);
            AtomicFile.WriteAllBytes(h5, ms.ToArray());
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, XdmfName), Xdmf(items, steps));
    }

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

    static Dictionary<string, Item> ReadItems(string h5, HashSet<string> keepSteps)
    {
        var items = new Dictionary<string, Item>();
        using var file = H5File.OpenRead(h5);
        foreach (var mesh in file.Group("meshes").Children().OfType<IH5Group>())
            foreach (var ds in mesh.Children().OfType<IH5Dataset>()) items[$"meshes/{mesh.Name}/{ds.Name}"] = Read(ds);
        foreach (var step in file.Group("steps").Children().OfType<IH5Group>().Where(g => keepSteps.Contains(g.Name)))
        {
            items[$"steps/{step.Name}"] = new(Array.Empty<double>(), Array.Empty<ulong>(), Attributes(step));
            foreach (var ds in step.Children().OfType<IH5Dataset>()) items[$"steps/{step.Name}/{ds.Name}"] = Read(ds);
        }
        return items;
    }

    static Item Read(IH5Dataset ds)
    {
        Array data = ds.Type.Class == H5DataTypeClass.FloatingPoint ? ds.Read<double[]>() : ds.Read<int[]>();
        return new Item(data, ds.Space.Dimensions, Attributes(ds));
    }

    static Dictionary<string, object> Attributes(IH5Object o) => o.Attributes().ToDictionary(a => a.Name,
        a => a.Type.Class == H5DataTypeClass.FloatingPoint ? (object)a.Read<double>() : a.Read<string>());

    static H5File ToFile(Dictionary<string, Item> items)
    {
        var file = new H5File();
        foreach (var (path, item) in items.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var parts = path.Split('/');
            H5Group group = file;
            foreach (var p in parts.Take(item.Dims.Length == 0 ? parts.Length : parts.Length - 1))
            {
                if (!group.TryGetValue(p, out var child)) group[p] = child = new H5Group();
                group = (H5Group)child;
            }
            if (item.Dims.Length == 0)
            {
                group.Attributes = new Dictionary<string, object>(item.Attributes);
                continue;
            }
            group[parts[^1]] = new H5Dataset(item.Data, fileDims: item.Dims) { Attributes = new Dictionary<string, object>(item.Attributes) };
        }
        return file;
    }

    static string Xdmf(Dictionary<string, Item> items, IReadOnlyList<(double Time, string Name)> steps)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<Xdmf Version=\"3.0\">\n<Domain>\n<Grid Name=\"fields\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        foreach (var (time, name) in steps)
        {
            if (!items.TryGetValue($"steps/{name}", out var step)) continue;
            string mesh = (string)step.Attributes["mesh"];
            var cells = items[$"meshes/{mesh}/cells"];
            var points = items[$"meshes/{mesh}/points"];
            string topology = (string)cells.Attributes["topology"];
            string count = $" NumberOfElements=\"{(double)cells.Attributes["count"]:R}\"";
            sb.Append(inv, $"<Grid Name=\"{name}\" GridType=\"Uniform\">\n<Time Value=\"{time:R}\"/>\n");
            sb.Append(inv, $"<Topology TopologyType=\"{topology}\"{count}>\n{DataItem(cells, $"meshes/{mesh}/cells")}</Topology>\n");
            sb.Append(inv, $"<Geometry GeometryType=\"XYZ\">\n{DataItem(points, $"meshes/{mesh}/points")}</Geometry>\n");
            foreach (var (path, a) in items.Where(i => i.Key.StartsWith($"steps/{name}/", StringComparison.Ordinal)).OrderBy(i => (string)i.Value.Attributes["center"] == "node" ? 0 : 1))
            {
                string type = a.Dims.Length > 1 ? "Vector" : "Scalar";
                string center = (string)a.Attributes["center"] == "node" ? "Node" : "Cell";
                sb.Append($"<Attribute Name=\"{path[(path.LastIndexOf('/') + 1)..]}\" AttributeType=\"{type}\" Center=\"{center}\">\n{DataItem(a, path)}</Attribute>\n");
            }
            sb.Append("</Grid>\n");
        }
        sb.Append("</Grid>\n</Domain>\n</Xdmf>\n");
        return sb.ToString();
    }

    static string DataItem(Item a, string path)
    {
        string type = a.Data is double[] ? "NumberType=\"Float\" Precision=\"8\"" : "NumberType=\"Int\" Precision=\"4\"";
        return $"<DataItem Dimensions=\"{string.Join(' ', a.Dims)}\" {type} Format=\"HDF\">{H5Name}:/{path}</DataItem>\n";
    }
}
