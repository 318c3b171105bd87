using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;
using CreepCell.Tests.Fem;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// A free particle of the se-60mse Se lithiated at 0.1 C carries a stress of its own in plane strain:
/// the plane cannot stretch along z (F_zz = 1), so the z part of the swelling, ln(Js) / 3, has to creep
/// away. In the steady state the creep rate is eps_c = diag(a, a, -2a) with 2a = d ln(Js) / (3 dt), its
/// equivalent rate is 2a, and sigma_zz = -sigma_vm = -sigma_ref (2a / A)^(1/n) with the in-plane
/// stresses zero. That is the floor of the mean von Mises stress of Se in the preset runs.
/// </summary>
public class PlaneStrainFlowStressTests
{
    static readonly Material Se = new("Se", 10e9, 0.33, 0.98, new CreepLaw(6.6e-4, 6.5, 100e6));

    [Fact]
    public void FreeSwellingSeCarriesTheNortonStressOfItsOutOfPlaneSwellingRate()
    {
        var mesh = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri6, "Se");
        var dofs = new DofMap(mesh.NodeCount, FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, false)
            .Concat(FemTestKit.Fix(FemTestKit.NodesOf(mesh, "bottom"), false, true)).DistinctBy(c => c.Item1));
        using var p = new MechanicsProblem(mesh, new[] { Se }, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin", indefinite: true));
        const double rate = 1.0 / 36000, dt = 120;
        double theta = 0;
        while (theta < 0.768 - 1e-12)
        {
            theta += rate * dt;
            FemTestKit.Solve(p, new LoadState(theta, dt, 343.15), 1, 1e-10);
        }
        double zRate = (Math.Log(1 + 0.98 * theta) - Math.Log(1 + 0.98 * (theta - rate * dt))) / (3 * dt);
        double expected = 100e6 * Math.Pow(zRate / 6.6e-4, 1 / 6.5);
        Assert.InRange(expected, 45e6, 50e6);
        foreach (var r in p.Responses)
        {
            Assert.Equal(expected, r.Cauchy.VonMises, 2e-3 * expected);
            Assert.Equal(-expected, r.Cauchy.Zz, 2e-3 * expected);
            Assert.InRange(Math.Abs(r.Cauchy.Xx) + Math.Abs(r.Cauchy.Yy), 0, 1e-3 * expected);
        }
        // free swelling is a similarity: the elements keep their angles
        Assert.Equal(MeshQuality.MinAngleDegrees(mesh), MeshQuality.DeformedMinAngles(mesh, p.U)[0], 1e-6);
    }
}
