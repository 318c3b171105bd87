using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Fem;

public class TangentTests
{
    static readonly Material Creeping = new("Se", 10e9, 0.3, 0.98, new CreepLaw(1e-3, 4, 50e6));
    static readonly Material Elastic = new("MSe", 100e9, 0.25, 0.05);

    public static TheoryData<ElementType, bool, bool> Cases() => new()
    {
        { ElementType.Tri3, false, false }, { ElementType.Tri6, true, true }, { ElementType.Tri6, false, true },
        { ElementType.Quad4, true, true }, { ElementType.Quad8, true, false }, { ElementType.Quad9, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ElementTangentMatchesCentralDifferencesOfTheResidual(ElementType type, bool fbar, bool creep)
    {
        var mesh = FemTestKit.Distort(StructuredMesh.Rectangle(1e-6, 1e-6, 1, 1, type), 0, 1);
        var e0 = mesh.ElementNodes(0);
        int nd = 2 * e0.Length;
        var x = new double[nd];
        var u = new double[nd];
        var rng = new Random(3);
        for (int a = 0; a < e0.Length; a++)
        {
            x[2 * a] = mesh.Nodes[e0[a]].X + 0.05e-6 * (rng.NextDouble() - 0.5);
            x[2 * a + 1] = mesh.Nodes[e0[a]].Y + 0.05e-6 * (rng.NextDouble() - 0.5);
            u[2 * a] = 0.08e-6 * (rng.NextDouble() - 0.5) + 0.1 * x[2 * a];
            u[2 * a + 1] = 0.08e-6 * (rng.NextDouble() - 0.5) - 0.05 * x[2 * a + 1];
        }
        var mat = creep ? Creeping : Elastic;
        var re = ReferenceElement.Of(type);
        var old = new PointState[re.PointCount];
        Array.Fill(old, new PointState(new SymTensor(1.02, 0.99, 0.01, 1 / (1.02 * 0.99 - 1e-4)), 0));
        var states = new PointState[re.PointCount];
        var resp = new PointResponse[re.PointCount];
        var ws = new ElementWorkspace();
        ElementKernel.Compute(new ElementInput(re, x, u, mat, fbar, 0.4, 30, 343), ws, old, states, resp, true);
        var k = ws.Stiffness.AsSpan(0, nd * nd).ToArray();

        double h = 1e-6 * 1e-6;
        double maxK = k.Max(Math.Abs);
        double worst = 0;
        for (int j = 0; j < nd; j++)
        {
            var up = (double[])u.Clone(); up[j] += h;
            var um = (double[])u.Clone(); um[j] -= h;
            ElementKernel.Compute(new ElementInput(re, x, up, mat, fbar, 0.4, 30, 343), ws, old, states, resp, false);
            var rp = ws.Residual.AsSpan(0, nd).ToArray();
            ElementKernel.Compute(new ElementInput(re, x, um, mat, fbar, 0.4, 30, 343), ws, old, states, resp, false);
            var rm = ws.Residual.AsSpan(0, nd).ToArray();
            for (int i = 0; i < nd; i++)
            {
                double fd = (rp[i] - rm[i]) / (2 * h);
                worst = Math.Max(worst, Math.Abs(fd - k[i * nd + j]) / maxK);
            }
        }
        Assert.True(worst < 1e-6, $"relative tangent error {worst:E2}");
        for (int i = 0; i < nd; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(k[i * nd + j] - k[j * nd + i]) < 1e-8 * maxK, "tangent not symmetric");
    }
}
