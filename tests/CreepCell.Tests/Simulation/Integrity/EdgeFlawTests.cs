using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation.Integrity;
using CreepCell.Tests.Fem;
using Xunit.Abstractions;

namespace CreepCell.Tests.Simulation.Integrity;

/// <summary>
/// The edge-flaw check against the handbook: a single-edge-cracked strip of width b in uniform tension,
/// K = sigma sqrt(pi a) F(a/b), F = 1.12 - 0.231 x + 10.55 x^2 - 21.72 x^3 + 30.39 x^4 (Tada, Paris and
/// Irwin, The Stress Analysis of Cracks Handbook; within 0.5 % for a/b &lt;= 0.6), and G = K^2 / E' in
/// plane strain. Our finite elements give G by the compliance (energy) method.
/// </summary>
public class EdgeFlawTests(ITestOutputHelper output)
{
    const double E = 100e9, Nu = 0.25, Sigma = 1e6, Width = 1e-6, Height = 2e-6;

    static double Tada(double x) => 1.12 - 0.231 * x + 10.55 * x * x - 21.72 * x * x * x + 30.39 * x * x * x * x;

    static double HandbookG(double a) =>
        Math.Pow(Sigma * Math.Sqrt(Math.PI * a) * Tada(a / Width), 2) / EdgeFlaw.PlaneStrainModulus(E, Nu);

    [Fact]
    public void ShallowFlawFormulaIsTheHandbookLimit()
    {
        const double a = 1e-9;
        Assert.Equal(HandbookG(a), EdgeFlaw.EnergyReleaseRate(Sigma, a, E, Nu), 1e-3 * HandbookG(a));
        // the check's ratio is (K / K_Ic)^2 whatever the modulus
        double k = EdgeFlaw.StressIntensity(Sigma, a);
        Assert.Equal(k * k / 4e12, EdgeFlaw.EnergyReleaseRate(Sigma, a, E, Nu) / EdgeFlaw.CriticalEnergyReleaseRate(2e6, E, Nu), 1e-12);
        Assert.Equal(0, EdgeFlaw.EnergyReleaseRate(-Sigma, a, E, Nu));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void FiniteElementComplianceMethodMatchesTheHandbookWithinThreePercent(double depth)
    {
        const int nx = 60;
        double h = Width / nx, a = depth * Width;
        double g = (Work(a + h, nx) - Work(a - h, nx)) / (2 * h);
        output.WriteLine($"a/b = {depth}: G finite elements {g:E4} J/m^2, handbook {HandbookG(a):E4}, shallow formula {EdgeFlaw.EnergyReleaseRate(Sigma, a, E, Nu):E4}");
        Assert.Equal(HandbookG(a), g, 0.03 * HandbookG(a));
    }

    /// <summary>
    /// Half the strip above the crack plane: the crack face 0 &lt;= x &lt; a free, the ligament on rollers
    /// (symmetry), uniform tension on the top. At equilibrium the potential is minus half the work of the
    /// load, so G = -dPi/da of the whole strip equals d/da of the work on the half's top, int sigma u_y dx.
    /// </summary>
    static double Work(double a, int nx)
    {
        // rows graded towards the crack plane, where the field is singular
        var mesh = StructuredMesh.Mapped(nx, 30, ElementType.Quad8, (s, t) => new Vec2(s * Width, Height * Math.Pow(t, 1.5)));
        double tol = 1e-6 * Width / nx;
        var constraints = new List<(int, double)>();
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            if (p.Y < tol && p.X > a - tol) constraints.Add((2 * n + 1, 0));
            if (p.Y < tol && p.X > Width - tol) constraints.Add((2 * n, 0));
        }
        var top = mesh.Boundaries.First(b => b.Name == "top");
        var load = new double[2 * mesh.NodeCount];
        BoundaryLoads.AddTraction(mesh, top, new Vec2(0, Sigma), load);
        using var problem = FemTestKit.Problem(mesh, new Material("strip", E, Nu), constraints, load);
        FemTestKit.Solve(problem, new LoadState(0, 0, 300), 1, 1e-12);
        double work = 0;
        for (int d = 1; d < load.Length; d += 2) work += load[d] * problem.U[d];
        return work;
    }
}
