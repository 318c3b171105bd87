using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Contact;

public class SwellingContactTests(ITestOutputHelper output)
{
    /// <summary>Two creeping Se-like blocks 1 um wide with a 0.2 um gap between them; rollers on the outer
    /// sides and the bottom, the top free, like a pore above the particles.</summary>
    static (Mesh Mesh, (int Dof, double Value)[] Walls, Material Se) Blocks()
    {
        var se = new Material("Se", 10e9, 0.3, 0.98, new CreepLaw(1e-4, 3, 100e6));
        double w = 1e-6, gap = 0.2e-6;
        var left = StructuredMesh.Rectangle(w, w, 4, 4, ElementType.Tri6, "Se");
        var right = ContactKit.Shift(StructuredMesh.Rectangle(w, w, 3, 5, ElementType.Tri6, "Se"), w + gap, 0);
        var mesh = MeshMerge.Combine(new[] { left, right });
        var walls = Boundary.Rollers(mesh).Where(c => !(c.Dof % 2 == 1 && mesh.Nodes[c.Dof / 2].Y > 0.5 * w)).ToArray();
        return (mesh, walls, se);
    }

    [Fact]
    public void BlocksSwellingByNinetyEightPercentNeverOverlap()
    {
        // full lithiation (98 % volume change) in 20 steps
        var (mesh, walls, se) = Blocks();
        var (p, m) = ContactKit.Problem(mesh, new[] { se }, walls, new ContactSettings());
        var options = new NewtonOptions { RelativeTolerance = 1e-9, MaxIterations = 40 };
        double maxPressure = 0;
        for (int step = 1; step <= 20; step++)
        {
            var r = p.SolveStep(new LoadState(0.05 * step, 50, 343), 1, options);
            Assert.True(r.Converged, $"step {step}: {r.Failure} " + string.Join(", ", r.ResidualNorms.Select(x => x.ToString("E2"))) + $" bounds {m.CollisionLimitedSteps}");
            p.Commit();
            var measures = m.Measure(p.U, mesh.RegionNames);
            Assert.Equal(0, measures.MaxPenetration);
            Assert.True(measures.MinGap > 0);
            maxPressure = Math.Max(maxPressure, measures.NodePressure.Max());
        }
        var final = m.Measure(p.U, mesh.RegionNames);
        output.WriteLine($"Newton iterations {p.TotalIterations}, analyses {p.PatternAnalyses}, collision-limited {m.CollisionLimitedSteps}; dhat {m.Dhat:E3} m, min gap {final.MinGap:E3} m, Se-Se ratio {final.Ratios.Single().Ratio:F4}, largest pressure {maxPressure:E3} Pa");
        // the gap (20 % of the width) closes at a linear swelling of about 10 %: the facing sides touch
        Assert.True(final.MinGap < m.Dhat);
        // the faces on the box sides are cut faces (the tops too: they start on the bounding box), so the
        // ratio is the touching part of the two facing sides: most of them, not the rounded top corners
        Assert.InRange(final.Ratios.Single().Ratio, 0.6, 0.95);
        Assert.True(final.MinGap > 0.5 * m.Dhat, "pressure is carried well inside the barrier band");
    }
    [Fact]
    public void DragOfTheBodiesChangesTheSwollenStateByLessThanOnePerMille()
    {
        // the same two blocks, swollen to theta = 0.6 in 12 steps of 600 s, with and without the drag
        double[] Run(double dampingTime)
        {
            var (mesh, walls, se) = Blocks();
            var model = new ContactModel(mesh, new[] { se }, new ContactSettings());
            var dofs = new CreepCell.Fem.DofMap(mesh.NodeCount, walls);
            var p = new MechanicsProblem(mesh, new[] { se }, dofs, new double[dofs.DofCount], true,
                CreepCell.Sparse.SparseSolvers.Create("builtin", indefinite: true), model) { DampingTime = dampingTime };
            for (int step = 1; step <= 12; step++)
            {
                var r = p.SolveStep(new LoadState(0.05 * step, 600, 343), 1, new NewtonOptions { RelativeTolerance = 1e-9, MaxIterations = 40 });
                Assert.True(r.Converged, r.Failure);
                p.Commit();
            }
            var m = model.Measure(p.U, mesh.RegionNames);
            return new[] { m.Ratios.Single().Ratio, m.NodePressure.Max(), p.U.Max(Math.Abs) };
        }
        var free = Run(0);
        var dragged = Run(1e-2);
        output.WriteLine($"without drag: ratio {free[0]:F5}, pressure {free[1]:E4}, |u| {free[2]:E4}; with: {dragged[0]:F5}, {dragged[1]:E4}, {dragged[2]:E4}");
        Assert.True(free[1] > 0, "the blocks touch");
        for (int k = 0; k < 3; k++) Assert.Equal(free[k], dragged[k], 1e-3 * Math.Abs(free[k]));
    }
}
