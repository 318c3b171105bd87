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

    /// <summary>Converged vertical tip deflection reported for this benchmark by mixed and enhanced
    /// element studies (about 7.7; e.g. the nearly incompressible Cook membrane tables of Auricchio et al.,
    /// Comput. Methods Appl. Mech. Engrg. 194, 2005).</summary>
    const double Published = 7.7;

    [Fact]
    public void FbarQuadrilateralsConvergeToThePublishedTipDisplacementWhileStandardOnesLock()
    {
        double d4 = TipDisplacement(ElementType.Quad4, 4, true);
        double d8 = TipDisplacement(ElementType.Quad4, 8, true);
        double d16 = TipDisplacement(ElementType.Quad4, 16, true);
        output.WriteLine($"Q4 F-bar: {d4:F4} {d8:F4} {d16:F4}");
        Assert.True(d4 < d8 && d8 < d16, "monotone convergence from below expected");
        Assert.True(Math.Abs(Published - d16) / Published < 0.015, $"16x16 tip displacement {d16}");
        // Richardson extrapolation from the last two meshes (first order in h for the tip value)
        double extrapolated = d16 + (d16 - d8) * (d16 - d8) / ((d8 - d4) - (d16 - d8));
        Assert.True(Math.Abs(Published - extrapolated) / Published < 0.01, $"extrapolated {extrapolated}");
        double locked = TipDisplacement(ElementType.Quad4, 8, false);
        Assert.True(locked < 0.4 * Published, $"standard Q4 should lock, got {locked}");
    }

    [Fact]
    public void FbarQuadraticTrianglesApproachThePublishedTipDisplacement()
    {
        double d8 = TipDisplacement(ElementType.Tri6, 8, true);
        output.WriteLine($"T6 F-bar 8x8: {d8:F4}");
        Assert.True(Math.Abs(Published - d8) / Published < 0.04, $"8x8 tip displacement {d8}");
    }

    [Fact]
    public void FbarNineNodeQuadrilateralsWithLinearlyProjectedVolumeConverge()
    {
        double d4 = TipDisplacement(ElementType.Quad9, 4, true);
        double d8 = TipDisplacement(ElementType.Quad9, 8, true);
        double d16 = TipDisplacement(ElementType.Quad9, 16, true);
        output.WriteLine($"Q9 F-bar: {d4:F4} {d8:F4} {d16:F4}");
        Assert.True(Math.Abs(Published - d16) / Published < 0.015, $"16x16 tip displacement {d16}");
        Assert.True(Math.Abs(d16 - d8) < Math.Abs(d8 - d4), "differences between refinements must shrink");
    }
}
