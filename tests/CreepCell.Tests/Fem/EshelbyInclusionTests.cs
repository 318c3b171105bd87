using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;
using Xunit.Abstractions;

namespace CreepCell.Tests.Fem;

/// <summary>
/// A circular inclusion with a dilatational eigenstrain eps0 (xx = yy = zz) in a much larger matrix,
/// plane strain, small strain. Closed form (Eshelby; equivalently Lame for a disk in an infinite plate):
/// in-plane strain inside A = 3 K_I eps0 / (2 (lambda_I + mu_I + mu_M)), sigma_rr = sigma_tt = -2 mu_M A,
/// sigma_zz = 2 lambda_I A - 3 K_I eps0, uniform in the inclusion.
/// </summary>
public class EshelbyInclusionTests(ITestOutputHelper output)
{
    [Fact]
    public void InclusionStressMatchesTheClosedFormWithinTwoPercentAtTheDefaultRefinement()
    {
        const double radius = 1, side = 40;
        // default case refinement relative to the radius: inclusion edge r/16, far-field edge r/4 (grown by grading)
        var mesh = InclusionMesh.Generate(side, side, new[] { Inclusion.Circle(new Vec2(side / 2, side / 2), radius, "SE") }, "MSE",
            new InclusionSizes(4 * radius / 4 * 4, radius / 16) { SecondOrder = true });
        const double beta = 0.003;
        var inclusion = new Material("SE", 10e9, 0.3, beta);
        var matrix = new Material("MSE", 100e9, 0.25);
        var materials = mesh.RegionNames.Select(n => n == "SE" ? inclusion : matrix).ToArray();
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh));
        using var p = new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin"));
        FemTestKit.Solve(p, new LoadState(1, 0, 300), 1, 1e-10);
        var stats = PhaseStatistics.Compute(mesh, p.Assembler.PointOffsets, p.Responses, p.States);

        double eps0 = Math.Log(1 + beta) / 3;
        double ki = inclusion.BulkModulus, mi = inclusion.ShearModulus, li = ki - 2 * mi / 3, mm = matrix.ShearModulus;
        double a = 3 * ki * eps0 / (2 * (li + mi + mm));
        double srr = -2 * mm * a, szz = 2 * li * a - 3 * ki * eps0;
        double vm = Math.Abs(srr - szz), pressure = -(2 * srr + szz) / 3;

        int se = Array.IndexOf(mesh.RegionNames, "SE");
        output.WriteLine($"elements {mesh.ElementCount}: von Mises {stats[se].VonMisesMean:E4} vs {vm:E4}; pressure {stats[se].PressureMean:E4} vs {pressure:E4}");
        Assert.True(Math.Abs(stats[se].VonMisesMean - vm) / vm < 0.02, $"von Mises {stats[se].VonMisesMean} vs {vm}");
        Assert.True(Math.Abs(stats[se].PressureMean - pressure) / pressure < 0.02, $"pressure {stats[se].PressureMean} vs {pressure}");
        // uniformity: every point of the inclusion within 2 % of the closed-form xx and zz stress
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            if (mesh.Region[e] != se) continue;
            for (int q = p.Assembler.PointOffsets[e]; q < p.Assembler.PointOffsets[e + 1]; q++)
            {
                Assert.True(Math.Abs(p.Responses[q].Cauchy.Xx - srr) < 0.02 * Math.Abs(srr), $"sigma_xx {p.Responses[q].Cauchy.Xx} vs {srr}");
                Assert.True(Math.Abs(p.Responses[q].Cauchy.Zz - szz) < 0.02 * Math.Abs(szz), $"sigma_zz {p.Responses[q].Cauchy.Zz} vs {szz}");
            }
        }
    }
}
