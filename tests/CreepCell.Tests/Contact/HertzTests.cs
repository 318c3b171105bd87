using CreepCell.Contact;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using Xunit.Abstractions;

namespace CreepCell.Tests.Contact;

/// <summary>
/// Hertz line contact of two equal elastic cylinders in plane strain (Johnson, Contact Mechanics, 1985,
/// section 4.3): a = sqrt(4 P R* / (pi E*)), p0 = 2 P / (pi a), with R* = R / 2 and
/// 1 / E* = 2 (1 - nu^2) / E. Each cylinder is a half disk loaded through its flat side, which leaves the
/// local contact field of the cylinder unchanged as long as a is much smaller than R.
/// </summary>
public class HertzTests(ITestOutputHelper output)
{
    const double R = 1, E = 10e9, Nu = 0.3, Gap0 = 2e-4, Dhat = 1e-4;
    const double HMin = 0.002, HMax = 0.15, Grading = 0.3, Fine = 0.06;

    /// <summary>Uniform fine size over the contact zone (|x| &lt; Fine), graded beyond.</summary>
    static double Size(Vec2 p) => Math.Min(HMax, HMin + Grading * Math.Max(0, Math.Sqrt(p.X * p.X + p.Y * p.Y) - Fine));

    /// <summary>Half disk with its arc's lowest (sign = +1) or highest (sign = -1) point at (0, tip).</summary>
    static Mesh HalfDisk(double tip, int sign, string region)
    {
        var centre = new Vec2(0, tip + sign * R);
        var angles = new List<double> { 0 };
        while (angles[^1] < Math.PI / 2)
        {
            double phi = angles[^1];
            var p = centre + R * new Vec2(Math.Sin(phi), -sign * Math.Cos(phi));
            angles.Add(Math.Min(Math.PI / 2, phi + Size(p) / R));
        }
        if (Math.PI / 2 - angles[^2] < 0.3 * (angles[^2] - angles[^3])) angles.RemoveAt(angles.Count - 2);
        var arc = angles.Skip(1).Reverse().Select(a => -a).Concat(angles).Select(phi => centre + R * new Vec2(Math.Sin(phi), -sign * Math.Cos(phi))).ToList();
        var polygon = new List<Vec2>(arc) { centre };
        if (sign < 0) polygon.Reverse();
        return TriangleMesher.MeshPolygon(polygon, HMax, region, "boundary", new MeshOptions { SizeFunction = Size });
    }

    internal sealed record HertzResult(double P, double A, double P0, double AHertz, double P0Hertz, ContactMeasures Measures, int Nodes);

    internal static HertzResult Solve(ITestOutputHelper? log)
    {
        var mesh = MeshMerge.Combine(new[] { HalfDisk(Gap0, +1, "a"), HalfDisk(0, -1, "b") });
        var solid = new Material("solid", E, Nu);
        var model = new ContactModel(mesh, new[] { solid, solid }, new ContactSettings { Distance = Dhat });
        var top = Enumerable.Range(0, mesh.NodeCount).Where(n => Math.Abs(mesh.Nodes[n].Y - (Gap0 + R)) < 1e-12).ToArray();
        var bottom = Enumerable.Range(0, mesh.NodeCount).Where(n => Math.Abs(mesh.Nodes[n].Y + R) < 1e-12).ToArray();
        var c = new List<(int, double)>();
        foreach (int n in top) c.Add((2 * n + 1, -1e-3));
        foreach (int n in bottom) c.Add((2 * n + 1, 0));
        c.Add((2 * top.Single(n => mesh.Nodes[n].X == 0), 0));
        c.Add((2 * bottom.Single(n => mesh.Nodes[n].X == 0), 0));
        var dofs = new CreepCell.Fem.DofMap(mesh.NodeCount, c);
        using var p = new CreepCell.Simulation.MechanicsProblem(mesh, new[] { solid, solid }, dofs, new double[dofs.DofCount], false,
            CreepCell.Sparse.SparseSolvers.Create("builtin", indefinite: true), model);
        foreach (double factor in new[] { 4.0, 8 }) ContactKit.Solve(p, factor, 1e-6);
        double force = -top.Sum(n => p.InternalForce[2 * n + 1]);
        var measures = model.Measure(p.U, mesh.RegionNames);
        // second moment of an elliptic pressure: int p x^2 / int p = a^2 / 4
        var b = model.Bodies;
        double m0 = 0, m2 = 0, peak = 0;
        var profile = new List<(double X, double P)>();
        for (int i = 0; i < b.Points.Length; i++)
        {
            int n = b.Points[i];
            if (b.BodyOfNode[n] != 1 || mesh.Nodes[n].Y < -0.1) continue;
            double x = mesh.Nodes[n].X + p.U[2 * n], f = measures.NodeForce[i];
            m0 += f; m2 += f * x * x;
            peak = Math.Max(peak, measures.NodePressure[i]);
            profile.Add((x, measures.NodePressure[i]));
        }
        double a = 2 * Math.Sqrt(m2 / m0);
        // least-squares amplitude of the elliptic profile p0 sqrt(1 - x^2 / a^2) over the nodes inside the patch
        double num = 0, den = 0;
        foreach (var (x, q) in profile.Where(t => Math.Abs(t.X) < a))
        {
            double shape = Math.Sqrt(1 - x * x / (a * a));
            num += q * shape; den += shape * shape;
        }
        double p0 = num / den;
        double eStar = E / (2 * (1 - Nu * Nu)), rStar = R / 2;
        double aHertz = Math.Sqrt(4 * force * rStar / (Math.PI * eStar)), p0Hertz = 2 * force / (Math.PI * aHertz);
        log?.WriteLine($"nodes {mesh.NodeCount}, P {force:E4} N/m (integrated pressure {m0:E4}); a {a:E4} vs {aHertz:E4} ({a / aHertz - 1:P2}); " +
            $"p0 {p0:E4} vs {p0Hertz:E4} ({p0 / p0Hertz - 1:P2}), largest nodal {peak:E4}; min gap {measures.MinGap:E3}; Newton iterations {p.TotalIterations}, factorizations {p.FactorSeconds * 1e3:F0} ms, analyses {p.PatternAnalyses} ({p.AnalyzeSeconds * 1e3:F1} ms); search and collision bounds {model.SearchSeconds * 1e3:F1} ms");
        return new HertzResult(force, a, p0, aHertz, p0Hertz, measures, mesh.NodeCount);
    }

    [Fact]
    public void HalfWidthAndPeakPressureMatchHertz()
    {
        var r = Solve(output);
        Assert.InRange(r.A / r.AHertz, 0.97, 1.03);
        Assert.InRange(r.P0 / r.P0Hertz, 0.97, 1.03);
        Assert.Equal(0, r.Measures.MaxPenetration);
        Assert.True(r.Measures.MinGap > 0 && r.Measures.MinGap < Dhat);
        // contact ratio of the pair (a, b): both contact strips of width 2a over both arcs pi R (the flat
        // sides lie on the sides of the box, cut faces that are not particle surface)
        double expected = 2 * 2 * r.AHertz / (2 * Math.PI * R);
        var ab = r.Measures.Ratios.Single(x => x.A == "a" && x.B == "b").Ratio;
        output.WriteLine($"contact ratio a-b {ab:E4} vs geometric {expected:E4} ({ab / expected - 1:P2})");
        Assert.InRange(ab / expected, 0.95, 1.05);
        Assert.Equal(0, r.Measures.Ratios.Single(x => x.A == "a" && x.B == "a").Ratio);
    }
}
