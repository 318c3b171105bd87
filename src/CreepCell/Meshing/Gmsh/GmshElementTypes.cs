namespace CreepCell.Meshing.Gmsh;

/// <summary>The Gmsh element type numbers this reader understands (Gmsh reference manual, section
/// "MSH file format": 1 line2, 2 tri3, 3 quad4, 8 line3, 9 tri6, 10 quad9, 15 point, 16 quad8).</summary>
internal static class GmshElementTypes
{
    public static bool TryGet(int type, out int dim, out int nodes)
    {
        (dim, nodes) = type switch
        {
            15 => (0, 1),
            1 => (1, 2),
            8 => (1, 3),
            2 => (2, 3),
            9 => (2, 6),
            3 => (2, 4),
            16 => (2, 8),
            10 => (2, 9),
            _ => (-1, 0),
        };
        return dim >= 0;
    }

    public const string Supported = "1 (line2), 8 (line3), 2 (tri3), 9 (tri6), 3 (quad4), 16 (quad8), 10 (quad9), 15 (point)";

    public static ElementType ToElementType(int type) => type switch
    {
        2 => ElementType.Tri3,
        9 => ElementType.Tri6,
        3 => ElementType.Quad4,
        16 => ElementType.Quad8,
        10 => ElementType.Quad9,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static int FromElementType(ElementType t) => t switch
    {
        ElementType.Tri3 => 2,
        ElementType.Tri6 => 9,
        ElementType.Quad4 => 3,
        ElementType.Quad8 => 16,
        ElementType.Quad9 => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
