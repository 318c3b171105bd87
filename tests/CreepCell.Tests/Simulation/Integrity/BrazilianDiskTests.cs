using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation.Integrity;
using CreepCell.Tests.Fem;
using Xunit.Abstractions;

namespace CreepCell.Tests.Simulation.Integrity;

/// <summary>
/// The Weibull integral of a disk under diametral compression (Brazilian test): the closed-form field
/// integrated on a fine polar grid against our finite-element disk (a quarter with symmetry rollers)
/// under the same radial pressure on two opposite arcs.
/// </summary>
public class BrazilianDiskTests(ITestOutputHelper output)
{
    const double R = 1e-6, Alpha = 0.2, Nu = 0.25, Modulus = 8;

    [Fact]
    public void PointLoadFieldHasTheKnownCentreStressesAndAFreeRim()
    {
        const double force = 100;
        var (xx, yy, xy) = BrazilianDisk.PointLoads(0, 0, R, force);
        Assert.Equal(2 * force / (Math.PI * 2 * R), xx, 1e-9 * xx);
        Assert.Equal(-6 * force / (Math.PI * 2 * R), yy, 1e-9 * xx);
        Assert.Equal(0, xy, 1e-9 * xx);
        foreach (double deg in new[] { 0.0, 20, 45, 70, 135, 200, 300 })
        {
            double t = deg * Math.PI / 180, nx = Math.Cos(t), ny = Math.Sin(t);
            var s = BrazilianDisk.PointLoads(R * nx, R * ny, R, force);
            Assert.True(Math.Abs(s.Xx * nx + s.Xy * ny) < 1e-9 * xx && Math.Abs(s.Xy * nx + s.Yy * ny) < 1e-9 * xx, $"traction on the rim at {deg} deg");
        }
    }

    [Fact]
    public void StripLoadFieldCarriesTheAppliedForceAcrossTheDiameter()
    {
        const double pressure = 1e6;
        double force = BrazilianDisk.StripForce(pressure, R, Alpha);
        var (x, w) = Quadrature.GaussLegendre(4);
        double carried = 0;
        const int panels = 400;
        for (int k = 0; k < panels; k++)
            for (int g = 0; g < 4; g++)
            {
                double xi = -R + (k + 0.5 + 0.5 * x[g]) * 2 * R / panels;
                carried += w[g] * R / panels * BrazilianDisk.StripLoads(xi, 0, R, pressure, Alpha, 200).Yy;
            }
        Assert.Equal(-force, carried, 1e-4 * force);
    }

    [Fact]
    public void WeibullIntegralOfTheFiniteElementDiskConvergesToTheClosedForm()
    {
        const double pressure = 1e6;
        double force = BrazilianDisk.StripForce(pressure, R, Alpha), tension = 2 * force / (Math.PI * 2 * R);
        var weibull = new WeibullParameters(tension, Modulus, R * R);
        double reference = ClosedFormRisk(pressure, weibull);
        double coarse = FiniteElementRisk(pressure, weibull, 1, out var coarseMesh);
        double fine = FiniteElementRisk(pressure, weibull, 2, out var fineMesh);
        output.WriteLine($"risk: closed form {reference:G6}; finite elements {coarse:G6} ({coarseMesh.ElementCount} elements), {fine:G6} ({fineMesh.ElementCount} elements)");
        output.WriteLine($"P_f: closed form {Weibull.FailureProbability(reference):G5}, finite elements {Weibull.FailureProbability(fine):G5}");
        Assert.InRange(reference, 0.05, 20);
        Assert.True(Math.Abs(fine - reference) < Math.Abs(coarse - reference), "the finer mesh is closer");
        Assert.Equal(reference, fine, 0.01 * reference);
    }

    /// <summary>Midpoint rule on a polar grid of the quarter x, y > 0, times four (240 x 240 points; 480 x 480
    /// give the same risk to 5 digits).</summary>
    static double ClosedFormRisk(double pressure, WeibullParameters weibull)
    {
        const int nr = 240, nt = 240;
        double dr = R / nr, dt = 0.5 * Math.PI / nt, risk = 0;
        for (int i = 0; i < nr; i++)
            for (int j = 0; j < nt; j++)
            {
                double r = (i + 0.5) * dr, t = (j + 0.5) * dt;
                var (xx, yy, xy) = BrazilianDisk.StripLoads(r * Math.Cos(t), r * Math.Sin(t), R, pressure, Alpha, 100);
                // plane strain, small strain: sigma_zz = nu (sigma_xx + sigma_yy)
                double s1 = Weibull.LargestPrincipal(new SymTensor(xx, yy, xy, Nu * (xx + yy)));
                risk += weibull.Risk(s1, r * dr * dt);
            }
        return 4 * risk;
    }

    static double FiniteElementRisk(double pressure, WeibullParameters weibull, double refine, out Mesh mesh)
    {
        mesh = QuarterDisk(refine);
        var m = mesh;
        double tol = 1e-9 * R;
        var constraints = Enumerable.Range(0, m.NodeCount).SelectMany(n =>
            (Math.Abs(m.Nodes[n].X) < tol ? new[] { (2 * n, 0.0) } : Array.Empty<(int, double)>())
            .Concat(Math.Abs(m.Nodes[n].Y) < tol ? new[] { (2 * n + 1, 0.0) } : Array.Empty<(int, double)>())).ToList();
        var load = new double[2 * m.NodeCount];
        foreach (var edge in m.Boundaries.SelectMany(b => b.Edges))
        {
            Vec2 a = m.Nodes[edge[0]], b = m.Nodes[edge[1]];
            if (!OnLoadedArc(a) || !OnLoadedArc(b)) continue;
            var d = b - a;
            var outward = new Vec2(d.Y, -d.X) * (1 / d.Length);
            if (Vec2.Dot(outward, 0.5 * (a + b)) < 0) outward = -1 * outward;
            BoundaryLoads.AddTraction(m, new BoundarySet("arc", new[] { edge }), -pressure * outward, load);
        }
        // the quarter carries half of one arc's force
        Assert.Equal(-0.5 * BrazilianDisk.StripForce(pressure, R, Alpha), Enumerable.Range(0, m.NodeCount).Sum(n => load[2 * n + 1]), 1e-3 * pressure * R);
        using var p = FemTestKit.Problem(m, new Material("disk", 100e9, Nu), constraints, load);
        FemTestKit.Solve(p, new LoadState(0, 0, 300), 1, 1e-10);
        var pf = FractureEvaluation.Evaluate(Particles.Of(m), p.Assembler.PointOffsets, p.Responses, new[] { weibull })[0].FailureProbability;
        return -4 * Math.Log(1 - pf);
    }

    /// <summary>On the rim (chords split by the mesher sag by less than 1e-4 R) within alpha of the y axis.</summary>
    static bool OnLoadedArc(Vec2 p) => Math.Abs(p.Length - R) < 1e-3 * R && Math.Atan2(p.X, p.Y) <= Alpha + 1e-9;

    /// <summary>The quarter 0 &lt;= angle &lt;= 90 deg, its rim finest on and near the loaded arc at the top;
    /// refine divides every element size.</summary>
    static Mesh QuarterDisk(double refine)
    {
        double fine = Alpha / 16 / refine;
        var angles = new List<double>();
        for (int k = 0; k * fine <= Alpha + 1e-12; k++) angles.Add(k * fine);
        double step = fine;
        while (angles[^1] < 0.5 * Math.PI)
        {
            step = Math.Min(1.2 * step, 0.04 / refine);
            angles.Add(Math.Min(angles[^1] + step, 0.5 * Math.PI));
        }
        // angles from the y axis; the polygon runs counter-clockwise: origin, (R, 0), up the rim to (0, R)
        var rim = angles.AsEnumerable().Reverse().Select(a => new Vec2(R * Math.Sin(a), R * Math.Cos(a)));
        var polygon = new[] { new Vec2(0, 0) }.Concat(rim).ToList();
        var top = new Vec2(0, R);
        double Size(Vec2 q) => Math.Min(R / 16 / refine, R * fine + 0.3 * Math.Max(0, (q - top).Length - R * Alpha));
        return TriangleMesher.MeshPolygon(polygon, R / 16 / refine, "disk", options: new MeshOptions { SecondOrder = true, SizeFunction = Size });
    }
}
