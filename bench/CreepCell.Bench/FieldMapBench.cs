using System.Diagnostics;
using CreepCell.Geometry.Packing;
using CreepCell.Io.Plots;
using CreepCell.Meshing;

namespace CreepCell.Bench;

/// <summary>Times rendering a field map (PNG bytes, no file) of the default Se-60MSe particle mesh.</summary>
public static class FieldMapBench
{
    public static void Run()
    {
        var packing = PackingGenerator.Generate(PackingSpec.SeMse(1));
        Console.WriteLine("relative size  elements  edge segments  PNG kB  seconds");
        foreach (double rel in new[] { 0.25, 0.0625 })
        {
            var mesh = ParticleMesh.Build(packing, new ParticleMeshOptions { RelativeSize = rel }).Mesh;
            var u = new double[2 * mesh.NodeCount];
            var values = Enumerable.Range(0, mesh.ElementCount).Select(e => (double)(e % 97)).ToArray();
            foreach (int segments in new[] { 1, 6 })
            {
                var options = new FieldMapOptions { EdgeSegments = segments };
                FieldMap.Render(mesh, u, values, "bench", "-", options); // the first call includes JIT compilation
                var sw = Stopwatch.StartNew();
                var (png, _) = FieldMap.Render(mesh, u, values, "bench", "-", options);
                Console.WriteLine($"{rel,13} {mesh.ElementCount,9} {segments,14} {png.Length / 1024,7} {sw.Elapsed.TotalSeconds,8:F3}");
            }
        }
    }
}
