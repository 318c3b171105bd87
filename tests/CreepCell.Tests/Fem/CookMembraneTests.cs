using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using Xunit.Abstractions;

namespace CreepCell.Tests.Fem;

/// <summary>
/// Cook's membrane, plane strain, nearly incompressible (E = 250, nu = 0.4999, total shear load 100
/// on the right edge, left edge clamped). Solved at a small load factor so that the finite-strain
/// model is in its linear range; the tip displacement is scaled back.
/// </summary>
public class CookMembraneTests(ITestOutputHelper output)
{
    public static double TipDisplacement(ElementType type, int n, bool fbar)
    {
        var mesh = StructuredMesh.Mapped(n, n, type, (s, t) => new Vec2(48 * s, 44 * s + t * (44 + 16 * s - 44 * s)));
        var mat = new Material("rubber", 250, 0.4999);
        var force = new double[2 * mesh.NodeCount];
        BoundaryLoads.AddTraction(mesh, mesh.Boundaries.First(b => b.Name == "right"), new Vec2(0, 100.0 / 16), force);
        var p = FemTestKit.Problem(mesh, mat, FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, true), force, fbar);
        const double factor = 1e-4;
        FemTestKit.Solve(p, new LoadState(0, 0, 300), factor, 1e-9, 1e-5);
        int tip = Enumerable.Range(0, mesh.NodeCount).First(i => mesh.Nodes[i].X == 48 && Math.Abs(mesh.Nodes[i].Y - 60) < 1e-12);
        return p.U[2 * tip + 1] / factor;
    }

    [Fact]
    public void PrintConvergence()
    {
        foreach (var t in new[] { ElementType.Quad4, ElementType.Tri6, ElementType.Quad9 })
            foreach (int n in new[] { 4, 8, 16 })
            {
                output.WriteLine($"{t} {n} fbar {TipDisplacement(t, n, true):F4}");
            }
        Assert.True(true);
    }
}
