using CreepCell.Geometry;

namespace CreepCell.Meshing;

internal static class ElementTypes
{
    public static int NodeCount(this ElementType t) => t switch
    {
        ElementType.Tri3 => 3, ElementType.Tri6 => 6, ElementType.Quad4 => 4, ElementType.Quad8 => 8, ElementType.Quad9 => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static int CornerCount(this ElementType t) => t is ElementType.Tri3 or ElementType.Tri6 ? 3 : 4;

    public static int Order(this ElementType t) => t is ElementType.Tri3 or ElementType.Quad4 ? 1 : 2;
}

/// <summary>
/// A 2D mesh: nodes, elements of mixed type in flat arrays, a region (phase) per element and named
/// boundary sets. Coordinates are in metres.
/// </summary>
public sealed class Mesh
{
    public Vec2[] Nodes { get; }
    public ElementType[] Types { get; }
    /// <summary>Element e has nodes Connectivity[Offsets[e] .. Offsets[e+1]).</summary>
    public int[] Offsets { get; }
    public int[] Connectivity { get; }
    /// <summary>Index into <see cref="RegionNames"/> per element.</summary>
    public int[] Region { get; }
    public string[] RegionNames { get; }
    public IReadOnlyList<BoundarySet> Boundaries { get; }

    public Mesh(Vec2[] nodes, ElementType[] types, int[] offsets, int[] connectivity, int[] region,
        string[] regionNames, IReadOnlyList<BoundarySet>? boundaries = null)
    {
        if (offsets.Length != types.Length + 1 || region.Length != types.Length)
            throw new ArgumentException("element arrays disagree in length");
        Nodes = nodes;
        Types = types;
        Offsets = offsets;
        Connectivity = connectivity;
        Region = region;
        RegionNames = regionNames;
        Boundaries = boundaries ?? Array.Empty<BoundarySet>();
    }

    public int ElementCount => Types.Length;
    public int NodeCount => Nodes.Length;

    public ReadOnlySpan<int> ElementNodes(int e) => Connectivity.AsSpan(Offsets[e], Offsets[e + 1] - Offsets[e]);

    /// <summary>Builds a mesh whose elements all have one type.</summary>
    public static Mesh Uniform(Vec2[] nodes, ElementType type, int[] connectivity, int[] region, string[] regionNames,
        IReadOnlyList<BoundarySet>? boundaries = null)
    {
        int k = type.NodeCount();
        int n = connectivity.Length / k;
        var types = new ElementType[n];
        Array.Fill(types, type);
        var offsets = new int[n + 1];
        for (int e = 0; e <= n; e++) offsets[e] = e * k;
        return new Mesh(nodes, types, offsets, connectivity, region, regionNames, boundaries);
    }

    public (Vec2 Min, Vec2 Max) BoundingBox()
    {
        double x0 = double.PositiveInfinity, y0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y1 = double.NegativeInfinity;
        foreach (var p in Nodes)
        {
            x0 = Math.Min(x0, p.X); y0 = Math.Min(y0, p.Y);
            x1 = Math.Max(x1, p.X); y1 = Math.Max(y1, p.Y);
        }
        return (new Vec2(x0, y0), new Vec2(x1, y1));
    }
}
