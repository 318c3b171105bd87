using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Fem;

public class PatchTests
{
    static readonly Material Solid = new("solid", 100e9, 0.3);

    [Theory]
    [InlineData(ElementType.Tri3, false)]
    [InlineData(ElementType.Tri6, true)]
    [InlineData(ElementType.Quad4, true)]
    [InlineData(ElementType.Quad8, true)]
    [InlineData(ElementType.Quad9, true)]
    public void LinearDisplacementFieldIsReproducedToRoundOff(ElementType type, bool fbar)
    {
        var mesh = FemTestKit.Distort(StructuredMesh.Rectangle(1, 1, 4, 4, type), 0.12, 7);
        // u = H X: a homogeneous finite deformation, prescribed on the boundary only
        double h00 = 0.02, h01 = 0.05, h10 = -0.03, h11 = 0.04;
        var boundary = mesh.Boundaries.SelectMany(b => b.Edges).SelectMany(e => e).Distinct().ToList();
        var constraints = boundary.SelectMany(n => new[]
        {
            (2 * n, h00 * mesh.Nodes[n].X + h01 * mesh.Nodes[n].Y),
            (2 * n + 1, h10 * mesh.Nodes[n].X + h11 * mesh.Nodes[n].Y),
        });
        var p = FemTestKit.Solve(FemTestKit.Problem(mesh, Solid, constraints, fbar: fbar), new LoadState(0, 0, 300));
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            Assert.Equal(h00 * mesh.Nodes[n].X + h01 * mesh.Nodes[n].Y, p.U[2 * n], 1e-12);
            Assert.Equal(h10 * mesh.Nodes[n].X + h11 * mesh.Nodes[n].Y, p.U[2 * n + 1], 1e-12);
        }
        var s0 = p.Responses[0].Cauchy;
        foreach (var r in p.Responses)
        {
            Assert.Equal(s0.Xx, r.Cauchy.Xx, Math.Abs(s0.Xx) * 1e-9);
            Assert.Equal(s0.Xy, r.Cauchy.Xy, Math.Abs(s0.Xx) * 1e-9);
            Assert.Equal(s0.Zz, r.Cauchy.Zz, Math.Abs(s0.Xx) * 1e-9);
        }
    }
}
