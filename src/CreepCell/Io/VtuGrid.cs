using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Io;

/// <summary>How the data arrays of a VTU file are stored.</summary>
public enum VtuEncoding
{
    /// <summary>Raw binary appended data, zlib-compressed in blocks (as VTK's own writers do by default).</summary>
    Binary,
    /// <summary>Numbers as text inside each DataArray (larger, readable in an editor).</summary>
    Ascii,
}

/// <summary>Options of a VTU file: its encoding and the simulated time it shows (seconds; field data TimeValue).</summary>
internal sealed record VtuOptions(VtuEncoding Encoding = VtuEncoding.Binary, double? Time = null);

/// <summary>
/// One data array of a VTU file: the values flattened tuple by tuple (double[], int[] or byte[]), the
/// components per tuple and the unit written as VTK's UNITS_LABEL information key.
/// </summary>
internal sealed record VtuArray(string Name, string Type, int Components, Array Values, string? Unit = null)
{
    /// <summary>Tuples per text line in ASCII (connectivity: one element per line, via these offsets).</summary>
    public int[]? LineOffsets { get; init; }

    public int Length => Values.Length;
}

/// <summary>
/// Everything a VTU file of the reference mesh holds, independent of the encoding: points, cells, point
/// data (displacement first), cell data (phase index, then element means) and field data (time, phase names).
/// </summary>
internal sealed record VtuGrid(int PointCount, int CellCount, VtuArray Points, VtuArray[] Cells, VtuArray[] PointData, VtuArray[] CellData,
    VtuArray[] FieldData)
{
    /// <summary>Cell arrays written from the element means of <see cref="VtuWriter.CellAverages"/>, in that order, with their units.</summary>
    public static readonly (string Name, string Unit)[] MeanArrays =
    {
        ("von_mises", "Pa"), ("pressure", "Pa"), ("stress_xx", "Pa"), ("stress_yy", "Pa"), ("stress_xy", "Pa"), ("stress_zz", "Pa"), ("creep_strain", "1"),
    };

    /// <summary>Units of the point fields that runs add (contact measures); other names carry no unit.</summary>
    static string? PointUnit(string name) => name switch { "contact_pressure" => "Pa", "contact_gap" => "m", _ => null };

    static int VtkType(ElementType t) => t switch
    {
        ElementType.Tri3 => 5, ElementType.Tri6 => 22, ElementType.Quad4 => 9, ElementType.Quad8 => 23, _ => 28,
    };

    public static VtuGrid Build(Mesh mesh, double[] u, int[] pointOffsets, PointResponse[] responses, PointState[] states,
        IReadOnlyList<(string Name, double[] Values)>? pointFields, double? time)
    {
        int nodes = mesh.NodeCount, cells = mesh.ElementCount;
        var xyz = new double[3 * nodes];
        var disp = new double[3 * nodes];
        for (int n = 0; n < nodes; n++)
        {
            xyz[3 * n] = mesh.Nodes[n].X; xyz[3 * n + 1] = mesh.Nodes[n].Y;
            disp[3 * n] = u[2 * n]; disp[3 * n + 1] = u[2 * n + 1];
        }
        var connectivity = new int[mesh.Offsets[cells]];
        var offsets = new int[cells];
        var types = new byte[cells];
        for (int e = 0; e < cells; e++)
        {
            mesh.ElementNodes(e).CopyTo(connectivity.AsSpan(mesh.Offsets[e]));
            offsets[e] = mesh.Offsets[e + 1];
            types[e] = (byte)VtkType(mesh.Types[e]);
        }
        var pointData = new List<VtuArray> { new("displacement", "Float64", 3, disp, "m") };
        foreach (var (name, values) in pointFields ?? Array.Empty<(string, double[])>()) pointData.Add(new(name, "Float64", 1, values, PointUnit(name)));
        var cellData = new List<VtuArray> { new("phase", "Int32", 1, mesh.Region.ToArray()) };
        var avg = VtuWriter.CellAverages(mesh, pointOffsets, responses, states);
        int k = MeanArrays.Length;
        for (int j = 0; j < k; j++)
        {
            var column = new double[cells];
            for (int e = 0; e < cells; e++) column[e] = avg[e * k + j];
            cellData.Add(new(MeanArrays[j].Name, "Float64", 1, column, MeanArrays[j].Unit));
        }
        return new VtuGrid(nodes, cells, new VtuArray("Points", "Float64", 3, xyz, "m"),
            new[] { new VtuArray("connectivity", "Int32", 1, connectivity) { LineOffsets = mesh.Offsets.ToArray() },
                    new VtuArray("offsets", "Int32", 1, offsets), new VtuArray("types", "UInt8", 1, types) },
            pointData.ToArray(), cellData.ToArray(), FieldArrays(mesh.RegionNames, time));
    }

    /// <summary>
    /// TimeValue (the name VTK's readers take as the dataset's time) and one single-value Int32 array per
    /// phase, named phase:NAME and holding the index that the cell array phase uses for it. String arrays
    /// would be VTK's other choice, but meshio cannot read them.
    /// </summary>
    static VtuArray[] FieldArrays(IReadOnlyList<string> phases, double? time)
    {
        var list = new List<VtuArray>();
        if (time is { } t) list.Add(new VtuArray("TimeValue", "Float64", 1, new[] { t }, "s"));
        for (int i = 0; i < phases.Count; i++) list.Add(new VtuArray("phase:" + phases[i], "Int32", 1, new[] { i }));
        return list.ToArray();
    }
}
