using CreepCell.Contact;
using CreepCell.Materials;
using CreepCell.Meshing;
using Xunit.Abstractions;

namespace CreepCell.Tests.Contact;

public class ContactPatchTests(ITestOutputHelper output)
{
    static readonly Material Solid = new("solid", 100e9, 0.3);
    const double Dhat = 0.01, Gap0 = 0.02, Approach = 0.03;

    /// <summary>Two unit blocks, the upper one Gap0 above the lower; lower bottom on rollers, upper top pushed down.</summary>
    static (CreepCell.Simulation.MechanicsProblem P, ContactModel M, Mesh Mesh) Blocks(int nxTop, double regularization, double shiftX = 0)
    {
        var lower = StructuredMesh.Rectangle(1, 1, 4, 4, ElementType.Quad4, "a");
        var upper = ContactKit.Shift(StructuredMesh.Rectangle(1, 1, nxTop, 4, ElementType.Quad4, "b"), shiftX, 1 + Gap0);
        var mesh = MeshMerge.Combine(new[] { lower, upper });
        var bodies = new ContactBodies(mesh);
        var c = new List<(int, double)>();
        foreach (int n in ContactKit.NodesAtY(mesh, bodies, 0, 0)) c.Add((2 * n + 1, 0));
        foreach (int n in ContactKit.NodesAtY(mesh, bodies, 1, 2 + Gap0)) c.Add((2 * n + 1, -Approach));
        // side walls on rollers (as the RVE walls): the uniform state is uniaxial strain, and facing
        // corners cannot slide past each other (a barrier at a finite gap lets them)
        for (int n = 0; n < mesh.NodeCount; n++)
            if (shiftX == 0 && (Math.Abs(mesh.Nodes[n].X) < 1e-12 || Math.Abs(mesh.Nodes[n].X - 1) < 1e-12)) c.Add((2 * n, 0));
        if (shiftX != 0)
        {
            c.Add((2 * Enumerable.Range(0, mesh.NodeCount).First(n => bodies.BodyOfNode[n] == 0 && mesh.Nodes[n].Y == 0), 0));
            c.Add((2 * Enumerable.Range(0, mesh.NodeCount).First(n => bodies.BodyOfNode[n] == 1 && mesh.Nodes[n].Y == 2 + Gap0), 0));
        }
        var (p, m) = ContactKit.Problem(mesh, new[] { Solid, Solid }, c, new ContactSettings { Distance = Dhat, Regularization = regularization });
        return (p, m, mesh);
    }

    static double[] InterfacePressures(ContactModel m, Mesh mesh, double[] u, out ContactMeasures measures)
    {
        measures = m.Measure(u, mesh.RegionNames);
        var b = m.Bodies;
        var meas = measures;
        return Enumerable.Range(0, b.Points.Length)
            .Where(i => b.BodyOfNode[b.Points[i]] == 0 && Math.Abs(mesh.Nodes[b.Points[i]].Y - 1) < 1e-12)
            .Select(i => meas.NodePressure[i]).ToArray();
    }

    [Fact]
    public void FlatBlocksTransmitAUniformPressureEqualToTheStress()
    {
        var (p, m, mesh) = Blocks(4, 1e-8);
        var r = ContactKit.Solve(p, 1, 1e-12);
        var pressures = InterfacePressures(m, mesh, p.U, out var measures);
        double syy = -p.Responses[0].Cauchy.Yy;
        output.WriteLine($"sigma_yy range {p.Responses.Min(x => -x.Cauchy.Yy):E8} .. {p.Responses.Max(x => -x.Cauchy.Yy):E8}");
        output.WriteLine($"sigma_yy {syy:E6}, pressures {string.Join(", ", pressures.Select(x => x.ToString("E8")))}, min gap {measures.MinGap:E4}, iterations {r.Iterations}");
        Assert.True(syy > 1e8);
        Assert.Equal(5, pressures.Length);
        Assert.Equal(syy, p.Responses.Min(x => -x.Cauchy.Yy), 1e-6 * syy);
        Assert.Equal(syy, p.Responses.Max(x => -x.Cauchy.Yy), 1e-6 * syy);
        foreach (double q in pressures) Assert.Equal(syy, q, 1e-6 * syy);
        Assert.Equal(0, measures.MaxPenetration);
        Assert.True(measures.MinGap > 0 && measures.MinGap < Dhat);
        // Newton is quadratic near the solution with contact
        var n = r.ResidualNorms;
        int k = n.Length - 2;
        while (k > 1 && n[k] / n[0] < 1e-12) k--;
        double rate = Math.Log(n[k + 1] / n[0]) / Math.Log(n[k] / n[0]);
        output.WriteLine("residuals " + string.Join(", ", n.Select(x => x.ToString("E2"))) + $" order {rate:F2}");
        Assert.True(rate > 1.7, $"convergence order {rate:F2}");
    }

    [Fact]
    public void RegularizationChangesThePressureByLessThanOnePerMille()
    {
        var (p0, m0, mesh) = Blocks(4, 0);
        ContactKit.Solve(p0, 1);
        var (p1, m1, _) = Blocks(4, 1e-8);
        ContactKit.Solve(p1, 1);
        double a = -p0.Responses[0].Cauchy.Yy, b = -p1.Responses[0].Cauchy.Yy;
        double du = 0, scale = p0.U.Max(Math.Abs);
        for (int i = 0; i < p0.U.Length; i++) du = Math.Max(du, Math.Abs(p0.U[i] - p1.U[i]));
        output.WriteLine($"stress without / with regularization {a:E8} / {b:E8}; max displacement difference {du / scale:E2} relative");
        Assert.True(Math.Abs(a - b) < 1e-3 * a);
        Assert.True(du < 1e-3 * scale);
    }

    [Fact]
    public void FloatingSwellingBodiesStaySolvableAndNearlyStressFree()
    {
        var swelling = new Material("swelling", 10e9, 0.3, 0.98);
        var a = StructuredMesh.Rectangle(1, 1, 3, 3, ElementType.Tri3, "a");
        var b = ContactKit.Shift(StructuredMesh.Rectangle(1, 1, 3, 3, ElementType.Tri3, "a"), 2, 0);
        var mesh = MeshMerge.Combine(new[] { a, b });
        var (p, m) = ContactKit.Problem(mesh, new[] { swelling }, Array.Empty<(int, double)>(), new ContactSettings { Distance = 1e-3 });
        var r = p.SolveStep(new CreepCell.Fem.LoadState(0.2, 0, 300), 1, new CreepCell.Simulation.NewtonOptions { RelativeTolerance = 1e-10 });
        Assert.True(r.Converged, r.Failure);
        // free swelling: in-plane stress is the regularization's share only (out-of-plane stress is E times the strain)
        double szz = Math.Abs(p.Responses[0].Cauchy.Zz), inPlane = p.Responses.Max(x => Math.Max(Math.Abs(x.Cauchy.Xx), Math.Abs(x.Cauchy.Yy)));
        output.WriteLine($"sigma_zz {szz:E3}, largest in-plane stress {inPlane:E3}");
        Assert.True(inPlane < 1e-6 * szz);
    }

    [Fact]
    public void LargeApproachOfAnOffsetBlockNeverCrosses()
    {
        var (p, m, mesh) = Blocks(3, 1e-8, shiftX: 0.45);
        for (int step = 1; step <= 6; step++)
        {
            ContactKit.Solve(p, step * 2.0, 1e-9);
            var measures = m.Measure(p.U, mesh.RegionNames);
            Assert.Equal(0, measures.MaxPenetration);
            Assert.True(measures.MinGap > 0);
        }
        output.WriteLine($"collision-limited line searches {m.CollisionLimitedSteps}, analyses {p.PatternAnalyses} ({p.AnalyzeSeconds * 1e3:F2} ms), search {m.SearchSeconds * 1e3:F1} ms");
        Assert.True(m.CollisionLimitedSteps > 0, "the step bound never acted");
    }
}
