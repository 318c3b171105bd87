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
        TimeGmsh(InclusionMesh.Generate(1, 1, new[] { Inclusion.Circle(new Vec2(0.5, 0.5), 0.25, "particle") }, "matrix",
            new InclusionSizes(0.0064) { SecondOrder = true }));
        if (outDir is null) return;
        var m = InclusionMesh.Generate(1, 1, new[] { new Inclusion(new Vec2(0.5, 0.5), 0.3, 0.15, 0.5, "particle") }, "matrix",
            new InclusionSizes(0.3, 0.02, 0.3) { SecondOrder = true });
        GmshWriter.Write(Path.Combine(outDir, "inclusion_v41.msh"), m, "4.1");
        GmshWriter.Write(Path.Combine(outDir, "inclusion_v22.msh"), m, "2.2");
    }

    static void TimeGmsh(Mesh m)
    {
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-bench-{Environment.ProcessId}.msh");
        var sw = Stopwatch.StartNew();
        GmshWriter.Write(path, m);
        double write = sw.Elapsed.TotalSeconds;
        GmshReader.Read(path); // the first call includes JIT compilation
        sw.Restart();
        var back = GmshReader.Read(path);
        double read = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"Gmsh 4.1, {back.ElementCount} Tri6, {back.NodeCount} nodes, {new FileInfo(path).Length / 1e6:F1} MB: write {write:F3} s, read {read:F3} s");
        File.Delete(path);
    }

    static void Time(string name, double h, Func<Mesh> make)
    {
        var m = make(); // the first call includes JIT compilation
        int repeats = m.ElementCount < 200_000 ? 5 : 1;
        double best = double.PositiveInfinity;
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            m = make();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{name,-28} {h,-9} {m.ElementCount,9} {m.NodeCount,9} {MeshQuality.MinAngleDegrees(m),9:F2} {best,8:F3}");
    }
}
