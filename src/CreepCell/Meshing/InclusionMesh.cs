using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// The default geometry: a width x height rectangle with its lower-left corner at the origin holding
/// elliptical inclusions, meshed conformingly (inclusion boundaries are element edges). Regions: the
/// matrix and one per inclusion name; boundary sets "left", "right", "bottom", "top" and
/// "interface_NAME" for each inclusion name (oriented with the element that holds them on its left).
/// Inclusion boundaries are polygons with edges of the local element size, spaced evenly in arc length.
/// </summary>
internal static class InclusionMesh
{
    public static Mesh Generate(double width, double height, IReadOnlyList<Inclusion> inclusions, string matrixName,
        InclusionSizes sizes) => Generate(width, height, inclusions, matrixName, sizes, out _);

    public static Mesh Generate(double width, double height, IReadOnlyList<Inclusion> inclusions, string matrixName,
        InclusionSizes sizes, out MeshStats stats)
    {
        Validate(width, height, inclusions, sizes);
        var g = new PlanarGraph();
        Vec2 p00 = new(0, 0), p10 = new(width, 0), p11 = new(width, height), p01 = new(0, height);
        g.AddPolyline(new[] { p00, p10 }, "bottom");
        g.AddPolyline(new[] { p10, p11 }, "right");
        g.AddPolyline(new[] { p11, p01 }, "top");
        g.AddPolyline(new[] { p01, p00 }, "left");
        g.AddRegion(matrixName, new[] { p00, p10, p11, p01 });
        foreach (var inc in inclusions)
        {
            var shape = inc.Shape;
            double h = sizes.InclusionEdge ?? sizes.MaxEdge;
            int n = Math.Max(8, (int)Math.Ceiling(shape.Perimeter() / h));
            g.AddClosedCurve(shape, shape.EqualArcParameters(n), 2 * Math.PI, "interface_" + inc.Name);
            g.AddRegion(inc.Name, inc.Centre);
        }
        var shapes = inclusions.Select(i => i.Shape).ToArray();
        var options = new MeshOptions
        {
            MinAngleDegrees = sizes.MinAngleDegrees,
            MaxEdge = sizes.MaxEdge,
            SizeFunction = sizes.InclusionEdge is null ? null : p => sizes.At(p, shapes),
            SecondOrder = sizes.SecondOrder,
            DefaultRegion = matrixName,
        };
        return TriangleMesher.Mesh(g, options, out stats);
    }

    /// <summary>The checks made before meshing (positive sizes, inclusions inside and apart), as <see cref="ArgumentException"/>.</summary>
    public static void Validate(double width, double height, IReadOnlyList<Inclusion> inclusions, InclusionSizes sizes)
    {
        if (!(width > 0 && height > 0)) throw new ArgumentException("width and height must be positive");
        if (!(sizes.MaxEdge > 0)) throw new ArgumentException("maximum edge length must be positive");
        if (sizes.InclusionEdge is double h && !(h > 0)) throw new ArgumentException("inclusion edge length must be positive");
        if (!(sizes.Grading >= 0)) throw new ArgumentException("grading must not be negative");
        for (int i = 0; i < inclusions.Count; i++)
        {
            var a = inclusions[i];
            if (!(a.A > 0 && a.B > 0)) throw new ArgumentException($"inclusion {a.Name}: semi-axes must be positive");
            var pts = Samples(a.Shape);
            if (pts.Any(p => p.X <= 0 || p.X >= width || p.Y <= 0 || p.Y >= height))
                throw new ArgumentException($"inclusion {a.Name} at ({a.Centre.X}, {a.Centre.Y}) does not lie inside the rectangle");
            for (int j = 0; j < i; j++)
            {
                var b = inclusions[j];
                if (pts.Any(b.Shape.Contains) || Samples(b.Shape).Any(a.Shape.Contains) || b.Shape.Contains(a.Centre))
                    throw new ArgumentException($"inclusions {b.Name} at ({b.Centre.X:G4}, {b.Centre.Y:G4}) and {a.Name} at ({a.Centre.X:G4}, {a.Centre.Y:G4}) overlap; expected inclusions apart from one another");
            }
        }
    }

    static Vec2[] Samples(Ellipse e) => Enumerable.Range(0, 256).Select(k => e.Point(2 * Math.PI * k / 256)).ToArray();
}
