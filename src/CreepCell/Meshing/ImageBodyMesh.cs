using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;

namespace CreepCell.Meshing;

/// <summary>
/// Meshes the bodies of an image RVE as <see cref="ParticleMesh"/> meshes a packing: each body on its own
/// with the quality mesher (its holes left empty), joined without shared nodes so that bodies meet only
/// through contact. Regions are phase names; boundary set "particle{i}" holds body i's boundary. The
/// largest element edge is the options' element size, or the relative size times the mean equivalent
/// diameter of the body's phase; outline vertices are kept, long outline edges split.
/// </summary>
internal static class ImageBodyMesh
{
    public static Mesh Build(ImageRve rve, ParticleMeshOptions? options = null)
    {
        options ??= new ParticleMeshOptions();
        var diameter = rve.Bodies.GroupBy(b => b.Phase)
            .ToDictionary(g => g.Key, g => g.Average(b => Math.Sqrt(4 * b.Area / Math.PI)));
        var meshOptions = new MeshOptions { MinAngleDegrees = options.MinAngleDegrees, SecondOrder = options.SecondOrder };
        var parts = new Mesh[rve.Bodies.Count];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var b = rve.Bodies[i];
            double size = options.ElementSize ?? options.RelativeSize * diameter[b.Phase];
            parts[i] = TriangleMesher.Mesh(Graph(b), meshOptions with { MaxEdge = size });
        });
        return MeshMerge.Combine(parts);
    }

    static PlanarGraph Graph(ImageBody b)
    {
        var g = new PlanarGraph();
        string set = ParticleMesh.BodySetName(b.Index);
        g.AddPolygon(b.Outer, set);
        foreach (var hole in b.Holes) g.AddPolygon(hole, set);
        foreach (var p in b.HolePoints) g.AddHole(p);
        g.AddRegion(b.Phase, b.Outer);
        return g;
    }
}
