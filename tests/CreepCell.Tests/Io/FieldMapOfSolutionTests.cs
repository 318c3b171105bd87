using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Io.Plots;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;
using SkiaSharp;

namespace CreepCell.Tests.Io;

/// <summary>A field map of a finite-element solution: a swelling inclusion in a stiff matrix, whose
/// stress is uniform (Eshelby), so the whole inclusion must show one colour.</summary>
public class FieldMapOfSolutionTests
{
    [Fact]
    public void SwellingInclusionIsDrawnInOneColourOnItsDeformedShape()
    {
        const double side = 20e-6, radius = 4e-6;
        var centre = new Vec2(side / 2, side / 2);
        var mesh = InclusionMesh.Generate(side, side, new[] { Inclusion.Circle(centre, radius, "Se") }, "MSe",
            new InclusionSizes(2e-6, 0.5e-6) { SecondOrder = true });
        var se = new Material("Se", 10e9, 0.33, 0.2);
        var mse = new Material("MSe", 100e9, 0.25);
        var materials = mesh.RegionNames.Select(n => n == "Se" ? se : mse).ToArray();
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh));
        using var p = new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin", indefinite: true));
        foreach (double theta in new[] { 0.5, 1.0 })
        {
            var r = p.SolveStep(new LoadState(theta, 0, 343.15), 1, new NewtonOptions { RelativeTolerance = 1e-9 });
            Assert.True(r.Converged, r.Failure);
            p.Commit();
        }
        var values = new double[mesh.ElementCount];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int q0 = p.Assembler.PointOffsets[e], q1 = p.Assembler.PointOffsets[e + 1];
            for (int q = q0; q < q1; q++) values[e] += p.Responses[q].Cauchy.VonMises / (q1 - q0);
        }
        string path = FieldMapTests.OutputPath("swelling-inclusion.png");
        var layout = FieldMap.Write(path, mesh, p.U, values, "von Mises stress, inclusion swollen by 20 %", "GPa",
            new FieldMapOptions { UnitScale = 1e-9, Width = 800 });
        using var bmp = SKBitmap.Decode(path);

        int seRegion = Array.IndexOf(mesh.RegionNames, "Se");
        var inside = Enumerable.Range(0, mesh.ElementCount).Where(e => mesh.Region[e] == seRegion).Select(e => values[e]).ToArray();
        Assert.True(inside.Max() - inside.Min() < 0.03 * inside.Average(), "inclusion stress is not uniform");
        var expected = layout.Scale.Color(inside.Average());
        // the centre does not move (symmetry); points at half the radius move outward with the swelling
        foreach (var offset in new[] { new Vec2(0, 0), new Vec2(0.5 * radius, 0), new Vec2(0, -0.5 * radius) })
        {
            var px = layout.ToPixel(centre + 1.03 * offset);
            var c = bmp.GetPixel((int)px.X, (int)px.Y);
            Assert.InRange(c.Red, expected.Red - 6, expected.Red + 6);
            Assert.InRange(c.Green, expected.Green - 6, expected.Green + 6);
            Assert.InRange(c.Blue, expected.Blue - 6, expected.Blue + 6);
        }
    }
}
