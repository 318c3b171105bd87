using CreepCell.Geometry;
using CreepCell.Meshing;
using CreepCell.Simulation.Transport;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>Effective conductivity of composites with exact values: layers in series and in parallel
/// (also after a deformation that changes the layer thicknesses), and the symmetric two-phase
/// checkerboard, whose conductivity is sqrt(sigma1 sigma2) (Keller 1964; Dykhne 1971).</summary>
public class ConductionTests
{
    /// <summary>Regions by element centroid: 0 where <paramref name="second"/> is false, else 1.</summary>
    internal static Mesh TwoPhase(Mesh m, Func<Vec2, bool> second)
    {
        var region = new int[m.ElementCount];
        for (int e = 0; e < m.ElementCount; e++)
        {
            var nodes = m.ElementNodes(e).ToArray();
            var c = new Vec2(nodes.Average(n => m.Nodes[n].X), nodes.Average(n => m.Nodes[n].Y));
            region[e] = second(c) ? 1 : 0;
        }
        return new Mesh(m.Nodes, m.Types, m.Offsets, m.Connectivity, region, new[] { "one", "two" }, m.Boundaries);
    }

    /// <summary>Top-to-bottom conduction of a mesh whose bottom is at y = 0, top and width as given.</summary>
    internal static ConductionResult Solve(Mesh mesh, double[] u, double[] sigma, double width, double height)
    {
        var y = Enumerable.Range(0, mesh.NodeCount).Select(n => mesh.Nodes[n].Y + u[2 * n + 1]).ToArray();
        var top = y.Select(v => Math.Abs(v - height) < 1e-12 * height).ToArray();
        var bottom = y.Select(v => Math.Abs(v) < 1e-12 * height).ToArray();
        return Conduction.Solve(mesh, u, sigma, Array.Empty<ConductanceLink>(), top, bottom, width, height);
    }

    [Theory]
    [InlineData(ElementType.Tri3)]
    [InlineData(ElementType.Tri6)]
    [InlineData(ElementType.Quad4)]
    [InlineData(ElementType.Quad8)]
    [InlineData(ElementType.Quad9)]
    public void LayersInSeriesAndInParallelMatchTheirClosedForms(ElementType type)
    {
        double w = 4e-6, h = 5e-6, s1 = 2.0, s2 = 0.05;
        var rect = StructuredMesh.Rectangle(w, h, 4, 5, type);
        var zero = new double[2 * rect.NodeCount];
        // series: the bottom 2 of 5 rows are phase one
        var series = Solve(TwoPhase(rect, c => c.Y > 2e-6), zero, new[] { s1, s2 }, w, h);
        Assert.Equal(h / (2e-6 / s1 + 3e-6 / s2), series.EffectiveConductivity, 1e-9 * s1);
        Assert.Equal(1.0, series.ConductingFraction, 12);
        // parallel: the left quarter is phase one; tau = 1 (straight paths) and sigma = f1 s1 + f2 s2
        var parallel = Solve(TwoPhase(rect, c => c.X > 1e-6), zero, new[] { s1, s2 }, w, h);
        Assert.Equal(0.25 * s1 + 0.75 * s2, parallel.EffectiveConductivity, 1e-9 * s1);
        Assert.Equal(1.0, parallel.Tortuosity, 9);
        // parallel with phase two insulating: eps = 1/4, sigma_eff = s1 / 4, tau = 1
        var insulated = Solve(TwoPhase(rect, c => c.X > 1e-6), zero, new[] { s1, 0 }, w, h);
        Assert.Equal(0.25, insulated.ConductingFraction, 12);
        Assert.Equal(0.25 * s1, insulated.EffectiveConductivity, 1e-9 * s1);
        Assert.Equal(1.0, insulated.Tortuosity, 9);
    }

    [Fact]
    public void SeriesLayersAreMeasuredOnTheDeformedConfiguration()
    {
        double w = 4e-6, h = 5e-6, s1 = 2.0, s2 = 0.05;
        var mesh = TwoPhase(StructuredMesh.Rectangle(w, h, 4, 5, ElementType.Quad8), c => c.Y > 2e-6);
        // phase one (0 <= y <= 2 um) swells to 3 um, phase two is compressed from 3 um to 2.5 um; the width shrinks by 10 %
        var u = new double[2 * mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            double y = p.Y <= 2e-6 ? 1.5 * p.Y : 3e-6 + (p.Y - 2e-6) * 2.5 / 3;
            u[2 * n] = -0.1 * p.X;
            u[2 * n + 1] = y - p.Y;
        }
        var r = Solve(mesh, u, new[] { s1, s2 }, 0.9 * w, 5.5e-6);
        Assert.Equal(5.5e-6 / (3e-6 / s1 + 2.5e-6 / s2), r.EffectiveConductivity, 1e-9 * s1);
    }

    [Fact]
    public void CheckerboardConvergesToTheGeometricMean()
    {
        // a 2 x 2 checkerboard in a square, insulated sides: rotating it by 90 degrees swaps the phases, so
        // Keller's reciprocity sigma(s1, s2) sigma(s2, s1) = s1 s2 gives sigma_eff = sqrt(s1 s2) exactly
        double s1 = 1, s2 = 10, side = 1e-5, exact = Math.Sqrt(s1 * s2);
        var values = new List<double>();
        foreach (int n in new[] { 4, 8, 16, 32 })
        {
            var mesh = TwoPhase(StructuredMesh.Rectangle(side, side, n, n, ElementType.Quad8), c => (c.X > side / 2) ^ (c.Y > side / 2));
            values.Add(Solve(mesh, new double[2 * mesh.NodeCount], new[] { s1, s2 }, side, side).EffectiveConductivity);
        }
        var errors = values.Select(v => (v - exact) / exact).ToList();
        string all = string.Join(", ", errors.Select(e => e.ToString("E3")));
        // the potential is singular where the four cells meet, ~ r^lambda with
        // lambda = (2/pi) arccos(|s1 - s2| / (s1 + s2)), so the energy error falls as h^(2 lambda)
        double lambda = 2 / Math.PI * Math.Acos(Math.Abs(s1 - s2) / (s1 + s2));
        for (int k = 1; k < errors.Count; k++) Assert.True(errors[k] > 0 && errors[k] < errors[k - 1], $"not converging from above: {all}");
        double rate = Math.Log2(errors[^2] / errors[^1]);
        Assert.True(Math.Abs(rate - 2 * lambda) < 0.05, $"rate {rate:F3}, expected {2 * lambda:F3}: {all}");
        // extrapolation (Aitken) of the last three meshes
        double d1 = values[^2] - values[^3], d2 = values[^1] - values[^2];
        double limit = values[^1] - d2 * d2 / (d2 - d1);
        Assert.True(Math.Abs(limit - exact) / exact < 2e-3, $"extrapolated {limit:G6}, exact {exact:G6}; errors {all}");
        Assert.True(errors[^1] < 0.02, $"finest relative error: {all}");
    }
}
