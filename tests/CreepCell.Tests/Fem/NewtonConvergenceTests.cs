using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Fem;

public class NewtonConvergenceTests
{
    [Theory]
    [InlineData(ElementType.Tri6)]
    [InlineData(ElementType.Quad9)]
    public void NewtonConvergesQuadraticallyNearTheSolutionWithCreepAndFbar(ElementType type)
    {
        var mat = new Material("Se", 10e9, 0.3, 0.98, new CreepLaw(1e-4, 3, 100e6));
        var mesh = FemTestKit.Distort(StructuredMesh.Rectangle(1e-6, 1e-6, 4, 4, type), 0.1e-6, 2);
        // clamped left edge, free elsewhere: the swelling gives a non-uniform stress (rollers on all
        // sides would make u = 0 the exact solution, leaving only round-off residuals)
        var p = FemTestKit.Problem(mesh, mat, FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, true));
        var r = p.SolveStep(new LoadState(0.02, 100, 343), 1, new CreepCell.Simulation.NewtonOptions { RelativeTolerance = 1e-13 });
        Assert.True(r.Converged, r.Failure + " " + string.Join(", ", r.ResidualNorms.Select(x => x.ToString("E2"))));
        var n = r.ResidualNorms;
        Assert.True(n.Length >= 4, "too few iterations to see the rate");
        // once in the quadratic regime, r_{k+1} / r_k^2 stays bounded: the error exponent doubles
        int k = n.Length - 2;
        while (k > 1 && n[k] / n[0] < 1e-12) k--;
        double rate = Math.Log(n[k + 1] / n[0]) / Math.Log(n[k] / n[0]);
        Assert.True(rate > 1.8, $"convergence order {rate:F2}; residuals {string.Join(", ", n.Select(x => x.ToString("E2")))}");
    }
}
