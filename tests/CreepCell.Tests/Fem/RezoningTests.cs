using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Fem;

/// <summary>
/// Rezoning moves interior nodes and makes the deformed state the reference. On a homogeneous state
/// (a crept, swollen block under a uniform F) nothing physical may change: every point keeps its
/// stress, the forces stay in balance, and a further deformation gives what the original mesh gives.
/// </summary>
public class RezoningTests
{
    static readonly Material Se = new("Se", 10e9, 0.33, 0.98, new CreepLaw(7.3e-3, 4.0, 100e6));
    static readonly double[] F1 = { 1.1, 0.3, 0.05, 0.95 }, F2 = { 0.97, -0.1, 0.08, 1.06 };

    static Mesh Block() => FemTestKit.Distort(StructuredMesh.Rectangle(1, 1, 6, 6, ElementType.Tri6), 0.1, 3);

    static double[] Homogeneous(Mesh mesh, double[] f)
    {
        var u = new double[2 * mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            u[2 * n] = (f[0] - 1) * p.X + f[1] * p.Y;
            u[2 * n + 1] = f[2] * p.X + (f[3] - 1) * p.Y;
        }
        return u;
    }

    static double[] Times(double[] a, double[] b) =>
        new[] { a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3] };

    sealed record Evaluation(PointResponse[] Responses, PointState[] States, double[] Force);

    static Evaluation Evaluate(Assembler asm, double[] u, PointState[] old, double theta, double dt)
    {
        var responses = new PointResponse[asm.PointCount];
        var states = new PointState[asm.PointCount];
        var force = new double[u.Length];
        asm.Assemble(u, new LoadState(theta, dt, 343), old, states, responses, force, null);
        return new Evaluation(responses, states, force);
    }

    static Assembler NewAssembler(Mesh mesh) => new(mesh, new[] { Se }, new DofMap(mesh.NodeCount, Array.Empty<(int, double)>()), fbar: true);

    [Fact]
    public void AHomogeneousStateKeepsItsStressAndBalanceAndContinuesAsOnTheOriginalMesh()
    {
        var mesh = Block();
        var asm = NewAssembler(mesh);
        var u = Homogeneous(mesh, F1);
        var first = Evaluate(asm, u, asm.InitialStates(), 0.3, 20);
        var stress = first.Responses[0].Cauchy;
        Assert.True(first.States[0].CreepStrain > 1e-3, "the block should have crept");

        var boundaryBefore = Enumerable.Range(0, mesh.NodeCount).Select(n => (u[2 * n], u[2 * n + 1])).ToArray();
        var states = (PointState[])first.States.Clone();
        var outcome = Rezoning.Apply(asm, mesh, u, states, 40);
        Assert.Equal(1, outcome.Bodies);
        Assert.True(outcome.WorstAngleAfter > outcome.WorstAngleBefore + 5, $"smallest angle {outcome.WorstAngleBefore:F1} -> {outcome.WorstAngleAfter:F1} degrees");
        var boundary = mesh.Boundaries.SelectMany(b => b.Edges).SelectMany(e => e).Distinct().ToList();
        Assert.All(boundary, n => Assert.Equal(boundaryBefore[n], (u[2 * n], u[2 * n + 1])));
        Assert.Contains(Enumerable.Range(0, mesh.NodeCount), n => Math.Abs(u[2 * n] - boundaryBefore[n].Item1) > 1e-3);

        // in the new reference (no time passes) every point carries the old stress and the forces balance
        var rezoned = Evaluate(asm, u, states, 0.3, 0);
        double scale = stress.VonMises + Math.Abs(stress.Zz);
        Assert.All(rezoned.Responses, r => Assert.True(Math.Abs(r.Cauchy.Xx - stress.Xx) + Math.Abs(r.Cauchy.Xy - stress.Xy)
            + Math.Abs(r.Cauchy.Yy - stress.Yy) + Math.Abs(r.Cauchy.Zz - stress.Zz) < 1e-9 * scale));
        var interior = Enumerable.Range(0, mesh.NodeCount).Except(boundary);
        double forceScale = asm.ForceMagnitude.Max();
        Assert.All(interior, n => Assert.True(Math.Abs(rezoned.Force[2 * n]) + Math.Abs(rezoned.Force[2 * n + 1]) < 1e-9 * forceScale));
        Assert.Equal(first.Responses.Sum(r => r.Area), rezoned.Responses.Sum(r => r.Area), 1e-12);

        // a further uniform deformation F2 of the deformed state, with creep: the original mesh from its
        // own state gives the same
        var onOriginal = Evaluate(NewAssembler(mesh), Homogeneous(mesh, Times(F2, F1)), first.States, 0.5, 30);
        var moved = new double[u.Length];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            double x = mesh.Nodes[n].X + u[2 * n], y = mesh.Nodes[n].Y + u[2 * n + 1];
            moved[2 * n] = F2[0] * x + F2[1] * y - mesh.Nodes[n].X;
            moved[2 * n + 1] = F2[2] * x + F2[3] * y - mesh.Nodes[n].Y;
        }
        var onRezoned = Evaluate(asm, moved, states, 0.5, 30);
        var expected = onOriginal.Responses[0];
        Assert.True(expected.CreepIncrement > 1e-4);
        Assert.All(onRezoned.Responses, r =>
        {
            Assert.Equal(expected.Cauchy.Xx, r.Cauchy.Xx, 1e-9 * scale);
            Assert.Equal(expected.Cauchy.Xy, r.Cauchy.Xy, 1e-9 * scale);
            Assert.Equal(expected.Cauchy.Zz, r.Cauchy.Zz, 1e-9 * scale);
            Assert.Equal(expected.CreepIncrement, r.CreepIncrement, 1e-9);
        });
    }

    [Fact]
    public void BodiesAboveTheThresholdAreLeftAlone()
    {
        var mesh = StructuredMesh.Rectangle(1, 1, 4, 4, ElementType.Tri6);
        var asm = NewAssembler(mesh);
        var u = Homogeneous(mesh, new[] { 1.05, 0, 0, 1.05 });
        var states = asm.InitialStates();
        var outcome = Rezoning.Apply(asm, mesh, u, states, 20);
        Assert.Equal(0, outcome.Bodies);
        Assert.All(asm.ReferenceShift, s => Assert.Equal(0, s));
        Assert.Equal(Homogeneous(mesh, new[] { 1.05, 0, 0, 1.05 }), u);
    }
}
