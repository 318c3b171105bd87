using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;

namespace CreepCell.Tests.Fem;

/// <summary>A step that a solve accepts holds the states of the displacements it accepts, never those of a rejected trial.</summary>
public class CommitRuleTests
{

    [Fact]
    public void AStepAcceptedAtTheStagnationFloorHoldsTheStatesOfItsDisplacementsNotOfTheRejectedTrial()
    {
        var mat = new Material("solid", 10e9, 0.3);
        var mesh = StructuredMesh.Rectangle(1e-6, 1e-6, 4, 4, ElementType.Quad4);
        // a dead load on the top right corner whose linear (first Newton) step drives the corner deep into
        // the block: that trial strains every element and is rejected (it raises the potential or inverts
        // the corner element); no shorter trial is allowed
        var force = new double[2 * mesh.NodeCount];
        int corner = Enumerable.Range(0, mesh.NodeCount).MaxBy(n => mesh.Nodes[n].X + mesh.Nodes[n].Y);
        force[2 * corner] = force[2 * corner + 1] = -0.3 * mat.YoungsModulus * 1e-6;
        var p = FemTestKit.Problem(mesh, mat, FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, true), force);
        // every residual counts as the round-off floor, so the failed line search ends the solve as converged
        var options = new NewtonOptions { RelativeTolerance = 1e-9, MaxLineSearchSteps = 0, StagnationTolerance = 1e30 };
        var r = p.SolveStep(new LoadState(0, 1, 343), 1, options);
        Assert.True(r.Converged);
        Assert.Empty(r.StepLengths);
        Assert.All(p.U, u => Assert.Equal(0, u));
        // the accepted displacements are the undeformed body: no stress and no energy at any point
        Assert.All(p.Responses, x =>
        {
            Assert.Equal(0, x.P0, 1e-6);
            Assert.Equal(0, x.P3, 1e-6);
            Assert.Equal(0, x.Cauchy.VonMises, 1e-6);
            Assert.Equal(0, x.Energy, 1e-12);
        });
    }
}
