using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;

namespace CreepCell.Tests.Fem;

/// <summary>
/// A jump snapshot taken to a new mesh of a remeshed body: the new mesh's reference is the body's current
/// shape x = F_now X, so a snapshot deformed homogeneously by F_j must arrive with displacements
/// (F_j - F_now) X = (F_j F_now^-1 - I) x at every new node, and a homogeneous point state pushed forward
/// by F_now at every new point; the difference of two snapshots, which a jump extrapolates, is kept.
/// </summary>
public class SnapshotCarrierTests
{
    static readonly Material Se = new("Se", 10e9, 0.33, 0.98, new CreepLaw(7.3e-3, 4.0, 100e6));
    static readonly double[] Now = { 1.2, 0.3, 0.05, 0.9 }, Then = { 1.1, 0.25, 0.02, 0.95 };

    static double[] Displacement(Mesh mesh, double[] f)
    {
        var u = new double[2 * mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            u[2 * n] = f[0] * p.X + f[1] * p.Y - p.X;
            u[2 * n + 1] = f[2] * p.X + f[3] * p.Y - p.Y;
        }
        return u;
    }

    static Assembler NewAssembler(Mesh mesh) => new(mesh, new[] { Se }, new DofMap(mesh.NodeCount, Array.Empty<(int, double)>()), fbar: true);

    [Fact]
    public void HomogeneousSnapshotsArriveExactlyOnTheNewMesh()
    {
        var mesh = StructuredMesh.Rectangle(1e-6, 1e-6, 4, 4, ElementType.Tri6, "Se");
        var asm = NewAssembler(mesh);
        var all = Enumerable.Range(0, mesh.ElementCount).ToArray();
        var uNow = Displacement(mesh, Now);
        var body = BodyRemesher.Remesh(mesh, uNow, all, 0.15e-6, 0.2e-6, 28)!;
        var replacements = new List<(IReadOnlyList<int> Elements, Mesh Body)> { (all, body) };
        var spliced = MeshSplice.Replace(mesh, replacements);
        var fresh = NewAssembler(spliced.Mesh);
        var carrier = new SnapshotCarrier(spliced, replacements, asm, mesh, uNow, fresh, 2 * spliced.Mesh.NodeCount, null, Array.Empty<int>(), 1);

        var u = carrier.Displacements(Displacement(mesh, Then));
        Assert.Equal(2 * spliced.Mesh.NodeCount, u.Length);
        // F_then F_now^-1 - I applied to the new nodes, which sit at x = F_now X
        double det = Now[0] * Now[3] - Now[1] * Now[2];
        double[] inv = { Now[3] / det, -Now[1] / det, -Now[2] / det, Now[0] / det };
        double[] m = { Then[0] * inv[0] + Then[1] * inv[2], Then[0] * inv[1] + Then[1] * inv[3], Then[2] * inv[0] + Then[3] * inv[2], Then[2] * inv[1] + Then[3] * inv[3] };
        for (int n = 0; n < spliced.Mesh.NodeCount; n++)
        {
            var x = spliced.Mesh.Nodes[n];
            Assert.Equal(m[0] * x.X + m[1] * x.Y - x.X, u[2 * n], 1e-12 * 1e-6);
            Assert.Equal(m[2] * x.X + m[3] * x.Y - x.Y, u[2 * n + 1], 1e-12 * 1e-6);
        }
        // the current state itself arrives with zero displacements, as the remesher sets them
        Assert.All(carrier.Displacements(uNow), v => Assert.Equal(0, v, 1e-12 * 1e-6));

        var crept = new PointState(new SymTensor(1.05, 0.96, 0.02, 1 / (1.05 * 0.96 - 0.02 * 0.02)), 0.07);
        var states = carrier.States(Enumerable.Repeat(crept, asm.PointCount).ToArray());
        Assert.Equal(fresh.PointCount, states.Length);
        var expected = crept.InDeformedReference(Now[0], Now[1], Now[2], Now[3]);
        Assert.All(states, s =>
        {
            Assert.Equal(expected.CreepInverse.Xx, s.CreepInverse.Xx, 1e-12);
            Assert.Equal(expected.CreepInverse.Yy, s.CreepInverse.Yy, 1e-12);
            Assert.Equal(expected.CreepInverse.Xy, s.CreepInverse.Xy, 1e-12);
            Assert.Equal(expected.CreepInverse.Zz, s.CreepInverse.Zz, 1e-12);
            Assert.Equal(0.07, s.CreepStrain, 1e-15);
        });
    }

    [Fact]
    public void ContactPairsTakeTheNewBodyNumbers()
    {
        var mesh = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri6, "Se");
        var carrier = new SnapshotCarrier(MeshSplice.Replace(mesh, new List<(IReadOnlyList<int>, Mesh)>()), new(), NewAssembler(mesh), mesh, new double[2 * mesh.NodeCount],
            NewAssembler(mesh), 2 * mesh.NodeCount, null, new[] { 2, 0, 1 }, 3);
        // pairs (0, 1) and (1, 2) become (2, 0) -> (0, 2) and (0, 1), sorted
        Assert.Equal(new long[] { 0 * 3 + 1, 0 * 3 + 2 }, carrier.Pairs(new long[] { 0 * 3 + 1, 1 * 3 + 2 }));
    }
}
