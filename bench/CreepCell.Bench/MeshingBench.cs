using System.Diagnostics;
using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Bench;

/// <summary>Times the triangle mesher on uniform and graded inclusion meshes of growing size.</summary>
public static class MeshingBench
{
    public static void Run(string? outDir)
    {
        Console.WriteLine("case                          h         triangles  vertices  min angle  seconds");
        foreach (double h in new[] { 0.02, 0.0064, 0.002 })
            Time("square, circle r=0.25", h, () => InclusionMesh.Generate(1, 1,
                new[] { Inclusion.Circle(new Vec2(0.5, 0.5), 0.25, "particle") }, "matrix", new InclusionSizes(h)));
        Time("graded, 10x10, r=0.1", 0.002, () => InclusionMesh.Generate(10, 10,
            new[] { Inclusion.Circle(new Vec2(5, 5), 0.1, "particle") }, "matrix",
            new InclusionSizes(1.0, 0.002, 0.3)));
        if (outDir is null) return;
        var m = InclusionMesh.Generate(1, 1, new[] { new Inclusion(new Vec2(0.5, 0.5), 0.3, 0.15, 0.5, "particle") }, "matrix",
            new InclusionSizes(0.3, 0.02, 0.3) { SecondOrder = true });
        GmshWriter.Write(Path.Combine(outDir, "inclusion_v41.msh"), m, "4.1");
        GmshWriter.Write(Path.Combine(outDir, "inclusion_v22.msh"), m, "2.2");
    }

    static void Time(string name, double h, Func<Mesh> make)
    {
        make(); // warm up the JIT on the first call of each case
        var sw = Stopwatch.StartNew();
        var m = make();
        sw.Stop();
        Console.WriteLine($"{name,-28} {h,-9} {m.ElementCount,9} {m.NodeCount,9} {MeshQuality.MinAngleDegrees(m),9:F2} {sw.Elapsed.TotalSeconds,8:F3}");
    }
}
