using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation.Integrity;
using CreepCell.Tests.Fem;

namespace CreepCell.Tests.Simulation.Integrity;

public class WeibullTests
{
    [Theory]
    [InlineData(3.0, -1.0, 0.0, 30.0, 3.0)]
    [InlineData(-2.0, -5.0, 0.0, 75.0, 0.0)]
    [InlineData(2.0, 1.0, 4.0, 10.0, 4.0)]
    public void LargestPrincipalStressIsTheLargerEigenvalueOrZz(double s1, double s2, double zz, double degrees, double expected)
    {
        double t = degrees * Math.PI / 180, c = Math.Cos(t), s = Math.Sin(t);
        var rotated = new SymTensor(s1 * c * c + s2 * s * s, s1 * s * s + s2 * c * c, (s1 - s2) * s * c, zz);
        Assert.Equal(expected, Weibull.LargestPrincipal(rotated), 1e-12);
    }

    [Fact]
    public void FailureProbabilityIsOneMinusExpOfTheRiskAndNeverLosesSmallRisks()
    {
        Assert.Equal(1 - Math.Exp(-0.7), Weibull.FailureProbability(0.7), 1e-15);
        Assert.Equal(1e-12, Weibull.FailureProbability(1e-12), 1e-24);
        Assert.Equal(0, Weibull.FailureProbability(0));
        Assert.Equal(1, Weibull.FailureProbability(double.PositiveInfinity));
        // compression carries no risk
        Assert.Equal(0, new WeibullParameters(1e6, 10, 1e-12).Risk(-5e6, 1e-12));
    }

    /// <summary>
    /// A block in plane-strain uniaxial tension s: sigma_xx = s, sigma_zz = nu s &lt; s everywhere, so
    /// P_f = 1 - exp(-(s / sigma_0)^m A / A_0) with A the block's area (closed form).
    /// </summary>
    [Theory]
    [InlineData(ElementType.Tri6)]
    [InlineData(ElementType.Quad8)]
    public void FiniteElementBlockInUniformTensionHasTheClosedFormFailureProbability(ElementType type)
    {
        const double width = 2e-6, height = 1e-6, stress = 0.8e6;
        var mesh = StructuredMesh.Rectangle(width, height, 6, 3, type);
        var constraints = FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, false).Concat(FemTestKit.Fix(FemTestKit.NodesOf(mesh, "bottom"), false, true));
        var load = new double[2 * mesh.NodeCount];
        BoundaryLoads.AddTraction(mesh, mesh.Boundaries.First(b => b.Name == "right"), new Vec2(stress, 0), load);
        using var p = FemTestKit.Problem(mesh, new Material("solid", 100e9, 0.25), constraints, load);
        FemTestKit.Solve(p, new LoadState(0, 0, 300), 1, 1e-12);
        var weibull = new WeibullParameters(1e6, 8, 1e-12);
        var particles = Particles.Of(mesh);
        var fracture = FractureEvaluation.Evaluate(particles, p.Assembler.PointOffsets, p.Responses, new[] { weibull });
        double expected = Weibull.UniformTension(stress, width * height, weibull);
        Assert.Single(fracture);
        Assert.InRange(expected, 0.2, 0.4);
        // the current area and Cauchy stress differ from the reference ones by strains of 1e-5
        Assert.Equal(expected, fracture[0].FailureProbability, 1e-3 * expected);
        Assert.Equal(stress, fracture[0].LargestPrincipal, 1e-4 * stress);
    }

    /// <summary>
    /// Stretched by 20 %: the integral runs over the current configuration, so P_f takes the Cauchy stress
    /// and the current area of the homogeneous state (not the reference area, 17 % smaller here).
    /// </summary>
    [Fact]
    public void FailureProbabilityOfAStretchedBlockUsesTheCurrentArea()
    {
        const double width = 2e-6, height = 1e-6, stretch = 0.2;
        var mesh = StructuredMesh.Rectangle(width, height, 4, 2, ElementType.Quad8);
        var right = FemTestKit.NodesOf(mesh, "right").Select(n => (2 * n, stretch * width));
        var constraints = FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, false).Concat(FemTestKit.Fix(FemTestKit.NodesOf(mesh, "bottom"), false, true)).Concat(right);
        using var p = FemTestKit.Problem(mesh, new Material("solid", 1e9, 0.25), constraints);
        FemTestKit.Solve(p, new LoadState(0, 0, 300), 1, 1e-12);
        double top = mesh.Nodes.Select((x, n) => x.Y + p.U[2 * n + 1]).Max();
        double area = (1 + stretch) * width * top, sigma = p.Responses[0].Cauchy.Xx;
        var weibull = new WeibullParameters(0.3e9, 6, 1e-12);
        var pf = FractureEvaluation.Evaluate(Particles.Of(mesh), p.Assembler.PointOffsets, p.Responses, new[] { weibull })[0].FailureProbability;
        Assert.True(area > 1.1 * width * height);
        Assert.Equal(Weibull.UniformTension(sigma, area, weibull), pf, 1e-9);
        Assert.NotEqual(Weibull.UniformTension(sigma, width * height, weibull), pf, 1e-3);
    }

    [Fact]
    public void ParticlesOfTwoBondedPhasesAreSeparateAndOnlyFreeEdgesAreSurface()
    {
        // two 2 x 1 blocks side by side, sharing the nodes of x = 2: phase 0 left, phase 1 right
        var block = StructuredMesh.Rectangle(4, 1, 4, 1, ElementType.Quad4);
        var region = Enumerable.Range(0, block.ElementCount).Select(e => block.ElementNodes(e).ToArray().Average(n => block.Nodes[n].X) < 2 ? 0 : 1).ToArray();
        var mesh = new Mesh(block.Nodes, block.Types, block.Offsets, block.Connectivity, region, new[] { "a", "b" }, block.Boundaries);
        var particles = Particles.Of(mesh);
        Assert.Equal(2, particles.Count);
        Assert.Equal(new[] { 0, 1 }, particles.Region);
        // every element touches the box sides; only the two at the bonded interface have a surface edge there
        var surface = Enumerable.Range(0, mesh.ElementCount).Where(e => particles.AtSurface[e])
            .Select(e => mesh.ElementNodes(e).ToArray().Average(n => mesh.Nodes[n].X)).Order().ToArray();
        Assert.Equal(new[] { 1.5, 2.5 }, surface);
    }
}
