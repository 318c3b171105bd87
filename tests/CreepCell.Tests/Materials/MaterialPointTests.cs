using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Tests.Fem;

namespace CreepCell.Tests.Materials;

public class MaterialPointTests
{
    [Fact]
    public void FreeSwellingInPlaneStrainIsStressFreeInPlaneWithClosedFormOutOfPlaneStress()
    {
        var se = new Material("Se", 10e9, 0.3, 0.98);
        var mesh = StructuredMesh.Rectangle(2e-6, 1e-6, 4, 2, ElementType.Quad8);
        // remove rigid-body motion only: node 0 pinned, the bottom-right corner on a roller
        int corner = Enumerable.Range(0, mesh.NodeCount).First(n => mesh.Nodes[n].X == 2e-6 && mesh.Nodes[n].Y == 0);
        var p = FemTestKit.Problem(mesh, se, new[] { (0, 0.0), (1, 0.0), (2 * corner + 1, 0.0) });
        for (int step = 1; step <= 4; step++) FemTestKit.Solve(p, new LoadState(0.25 * step, 0, 300));

        double k = se.BulkModulus, g = se.ShearModulus, js = se.SwellingJacobian(1);
        double e3 = -Math.Log(js) / 3;
        double e1 = e3 * (2 * g / 3 - k) / (2 * k + 2 * g / 3);
        double tr = 2 * e1 + e3;
        double tau33 = k * tr + 2 * g * (e3 - tr / 3);
        double sigma33 = tau33 / Math.Exp(tr);
        double stretch = Math.Exp(e1 + Math.Log(js) / 3);
        foreach (var r in p.Responses)
        {
            Assert.Equal(0, r.Cauchy.Xx, 1e-6 * Math.Abs(sigma33));
            Assert.Equal(0, r.Cauchy.Yy, 1e-6 * Math.Abs(sigma33));
            Assert.Equal(0, r.Cauchy.Xy, 1e-6 * Math.Abs(sigma33));
            Assert.Equal(sigma33, r.Cauchy.Zz, 1e-9 * Math.Abs(sigma33));
        }
        Assert.Equal((stretch - 1) * 2e-6, p.U[2 * corner], 1e-9 * 2e-6);
        Assert.True(sigma33 < -1e9, "large compressive out-of-plane stress expected under 98 % swelling");
    }

    [Fact]
    public void SuperposedRigidRotationRotatesCauchyStressAndKeepsInvariants()
    {
        var mat = new Material("Se", 10e9, 0.3, 0.98, new CreepLaw(1e-4, 3, 100e6));
        var mesh = FemTestKit.Distort(StructuredMesh.Rectangle(1, 1, 3, 3, ElementType.Tri6), 0.1, 5);
        var rng = new Random(11);
        var u = new double[2 * mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var x = mesh.Nodes[n];
            u[2 * n] = 0.1 * x.X + 0.05 * x.Y * x.Y + 0.01 * rng.NextDouble();
            u[2 * n + 1] = -0.07 * x.Y + 0.03 * x.X * x.Y + 0.01 * rng.NextDouble();
        }
        double angle = 0.7, c = Math.Cos(angle), s = Math.Sin(angle);
        var rotated = new double[u.Length];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            double x = mesh.Nodes[n].X + u[2 * n], y = mesh.Nodes[n].Y + u[2 * n + 1];
            rotated[2 * n] = c * x - s * y - mesh.Nodes[n].X;
            rotated[2 * n + 1] = s * x + c * y - mesh.Nodes[n].Y;
        }
        var a = Evaluate(mesh, mat, u);
        var b = Evaluate(mesh, mat, rotated);
        double scale = a.Max(r => r.Cauchy.VonMises);
        for (int q = 0; q < a.Length; q++)
        {
            var sa = a[q].Cauchy;
            var sb = b[q].Cauchy;
            Assert.Equal(sa.VonMises, sb.VonMises, 1e-10 * scale);
            Assert.Equal(sa.Pressure, sb.Pressure, 1e-10 * scale);
            Assert.Equal(sa.Zz, sb.Zz, 1e-10 * scale);
            double rxx = c * c * sa.Xx - 2 * c * s * sa.Xy + s * s * sa.Yy;
            double rxy = c * s * (sa.Xx - sa.Yy) + (c * c - s * s) * sa.Xy;
            Assert.Equal(rxx, sb.Xx, 1e-10 * scale);
            Assert.Equal(rxy, sb.Xy, 1e-10 * scale);
        }
    }

    static PointResponse[] Evaluate(Mesh mesh, Material mat, double[] u)
    {
        var asm = new Assembler(mesh, new[] { mat }, new DofMap(mesh.NodeCount, Array.Empty<(int, double)>()), true);
        var old = asm.InitialStates();
        var next = asm.InitialStates();
        var resp = new PointResponse[asm.PointCount];
        asm.Assemble(u, new LoadState(0.6, 100, 343), old, next, resp, new double[u.Length], null);
        return resp;
    }
}
