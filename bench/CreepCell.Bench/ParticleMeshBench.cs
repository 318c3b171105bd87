using System.Diagnostics;
using CreepCell.Geometry.Packing;
using CreepCell.Meshing;

namespace CreepCell.Bench;

/// <summary>Times meshing the default Se-60MSe packing (seed 1) at several boundary resolutions and
/// interior element sizes.</summary>
public static class ParticleMeshBench
{
    public static void Run()
    {
        // the packing's boundary edge length bounds the mesh from below: D_min/24 (default), /12, /8
        foreach (double? edge in new double?[] { null, 2e-6 / 12, 2e-6 / 8 })
            RunPacking(PackingSpec.SeMse(1) with { EdgeLength = edge });
    }

    static void RunPacking(PackingSpec spec)
    {
        var sw = Stopwatch.StartNew();
        var packing = PackingGenerator.Generate(spec);
        Console.WriteLine($"packing: {packing.Particles.Count} particles, {packing.Report.VertexCount} vertices, " +
            $"boundary edge {packing.Spec.ResolvedEdgeLength * 1e9:F0} nm, {sw.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine("relative size  order  elements    nodes   dofs  min angle  max edge (nm)  seconds");
        foreach (bool second in new[] { true, false })
            foreach (double rel in new[] { 0.25, 0.125, 0.0625 })
            {
                var options = new ParticleMeshOptions { RelativeSize = rel, SecondOrder = second };
                ParticleMesh.Build(packing, options); // the first call includes JIT compilation
                double best = double.PositiveInfinity;
                ParticleMeshResult r = null!;
                for (int k = 0; k < 3; k++)
                {
                    sw.Restart();
                    r = ParticleMesh.Build(packing, options);
                    best = Math.Min(best, sw.Elapsed.TotalSeconds);
                }
                var m = r.Mesh;
                Console.WriteLine($"{rel,13} {(second ? "Tri6" : "Tri3"),6} {m.ElementCount,9} {m.NodeCount,8} {2 * m.NodeCount,6} " +
                    $"{MeshQuality.MinAngleDegrees(m),10:F2} {MeshQuality.MaxEdgeLength(m) * 1e9,14:F0} {best,8:F3}");
            }
    }
}
