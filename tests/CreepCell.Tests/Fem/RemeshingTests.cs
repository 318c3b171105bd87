using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Fem;

/// <summary>
/// Remeshing a deformed body: the new mesh follows the old deformed outline, and the material state
/// reaches the new points unchanged where it is homogeneous, so that the body continues as if its mesh
/// had never changed.
/// </summary>
public class RemeshingTests
{
    static readonly Material Se = new("Se", 10e9, 0.33, 0.98, new CreepLaw(7.3e-3, 4.0, 100e6));
    static readonly double[] F1 = { 1.3, 0.4, 0.05, 0.9 }, F2 = { 0.97, -0.1, 0.08, 1.06 };

    static Mesh Block() => StructuredMesh.Rectangle(1e-6, 1e-6, 4, 4, ElementType.Tri6, "Se");

    static double[] Displacement(Mesh mesh, Func<Vec2, Vec2> map)
    {
        var u = new double[2 * mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var d = map(mesh.Nodes[n]) - mesh.Nodes[n];
            u[2 * n] = d.X; u[2 * n + 1] = d.Y;
        }
        return u;
    }

    static Func<Vec2, Vec2> Linear(double[] f) => p => new Vec2(f[0] * p.X + f[1] * p.Y, f[2] * p.X + f[3] * p.Y);

    static Mesh Deformed(Mesh mesh, double[] u) =>
        new(mesh.Nodes.Select((p, n) => p + new Vec2(u[2 * n], u[2 * n + 1])).ToArray(), mesh.Types, mesh.Offsets, mesh.Connectivity, mesh.Region, mesh.RegionNames);

    static double Area(Mesh m) => Enumerable.Range(0, m.ElementCount).Sum(e => MeshQuality.Area(m, e));

    [Fact]
    public void TheNewMeshFollowsTheDeformedOutlineWithGoodElements()
    {
        var mesh = Block();
        // a bend: the boundary edges become parabolas
        var u = Displacement(mesh, p => new Vec2(p.X + 0.4e6 * p.Y * p.Y, p.Y + 0.2 * Math.Sin(2e6 * p.X) * 1e-6));
        var all = Enumerable.Range(0, mesh.ElementCount).ToArray();
        var body = BodyRemesher.Remesh(mesh, u, all, 0.1e-6, 0.2e-6, 28);
        Assert.NotNull(body);
        var deformed = Deformed(mesh, u);
        Assert.Equal(Area(deformed), Area(body!), 1e-4 * Area(deformed));
        // every old boundary corner stays a node; the stretched edges are cut into about 0.1 um pieces
        var loop = BodyRemesher.BoundaryLoop(mesh, all)!;
        Assert.All(loop, ed => Assert.Contains(body!.Nodes, p => (p - deformed.Nodes[ed.A]).Length < 1e-15));
        Assert.True(BodyRemesher.BoundaryLoop(body!, Enumerable.Range(0, body!.ElementCount).ToArray())!.Count > 2 * loop.Count);
        Assert.True(MeshQuality.MinAngleDegrees(body) >= 20, $"smallest angle {MeshQuality.MinAngleDegrees(body):F1}");
        Assert.All(Enumerable.Range(0, body.ElementCount), e => Assert.True(BodyRemesher.Valid(body, e)));
    }

    static (PointResponse[] Responses, PointState[] States) Evaluate(Assembler asm, double[] u, PointState[] old, double theta, double dt)
    {
        var responses = new PointResponse[asm.PointCount];
        var states = new PointState[asm.PointCount];
        asm.Assemble(u, new LoadState(theta, dt, 343), old, states, responses, new double[u.Length], null);
        return (responses, states);
    }

    static Assembler NewAssembler(Mesh mesh) => new(mesh, new[] { Se }, new DofMap(mesh.NodeCount, Array.Empty<(int, double)>()), fbar: true);

    [Fact]
    public void AHomogeneousStateCrossesToTheNewMeshUnchangedAndContinuesAlike()
    {
        var mesh = Block();
        var asm = NewAssembler(mesh);
        var u = Displacement(mesh, Linear(F1));
        var (first, crept) = Evaluate(asm, u, asm.InitialStates(), 0.3, 20);
        Assert.True(crept[0].CreepStrain > 1e-3, "the block should have crept");
        var all = Enumerable.Range(0, mesh.ElementCount).ToArray();
        var body = BodyRemesher.Remesh(mesh, u, all, 0.15e-6, 0.2e-6, 28)!;
        var carried = StateTransfer.ToNewMesh(asm, mesh, u, crept, all, body);
        var fresh = NewAssembler(body);
        Assert.Equal(fresh.PointCount, carried.Length);

        var stress = first[0].Cauchy;
        double scale = stress.VonMises + Math.Abs(stress.Zz);
        var (now, _) = Evaluate(fresh, new double[2 * body.NodeCount], carried, 0.3, 0);
        Assert.All(now, r => Assert.True(Math.Abs(r.Cauchy.Xx - stress.Xx) + Math.Abs(r.Cauchy.Yy - stress.Yy) + Math.Abs(r.Cauchy.Xy - stress.Xy)
            + Math.Abs(r.Cauchy.Zz - stress.Zz) < 1e-9 * scale));

        var (onOld, _) = Evaluate(NewAssembler(mesh), Displacement(mesh, Linear(new[] { F2[0] * F1[0] + F2[1] * F1[2], F2[0] * F1[1] + F2[1] * F1[3],
            F2[2] * F1[0] + F2[3] * F1[2], F2[2] * F1[1] + F2[3] * F1[3] })), crept, 0.5, 30);
        var (onNew, _) = Evaluate(fresh, Displacement(body, Linear(F2)), carried, 0.5, 30);
        var expected = onOld[0];
        Assert.True(expected.CreepIncrement > 1e-4);
        Assert.All(onNew, r =>
        {
            Assert.Equal(expected.Cauchy.Xx, r.Cauchy.Xx, 1e-9 * scale);
            Assert.Equal(expected.Cauchy.Xy, r.Cauchy.Xy, 1e-9 * scale);
            Assert.Equal(expected.Cauchy.Zz, r.Cauchy.Zz, 1e-9 * scale);
            Assert.Equal(expected.CreepIncrement, r.CreepIncrement, 1e-9);
        });
        Assert.Equal(onOld.Sum(r => r.Area), onNew.Sum(r => r.Area), 1e-9 * onOld.Sum(r => r.Area));
    }

    [Fact]
    public void SplicingReplacesOneBodyAndKeepsTheOther()
    {
        var left = Block();
        var right = StructuredMesh.Rectangle(1e-6, 1e-6, 3, 3, ElementType.Tri6, "Se");
        right = new Mesh(right.Nodes.Select(p => p + new Vec2(2e-6, 0)).ToArray(), right.Types, right.Offsets, right.Connectivity, right.Region, right.RegionNames);
        var both = MeshMerge.Combine(new[] { left, right });
        var bodies = BodyRemesher.Bodies(both);
        Assert.Equal(2, bodies.Count);
        var second = bodies.Single(b => b.Contains(left.ElementCount));
        var u = Displacement(both, Linear(F1));
        var fresh = BodyRemesher.Remesh(both, u, second, 0.2e-6, 0.3e-6, 28)!;
        var spliced = MeshSplice.Replace(both, new[] { ((IReadOnlyList<int>)second, fresh) });
        Assert.Equal(left.ElementCount + fresh.ElementCount, spliced.Mesh.ElementCount);
        Assert.Equal(left.NodeCount + fresh.NodeCount, spliced.Mesh.NodeCount);
        for (int n = 0; n < both.NodeCount; n++) Assert.Equal(n < left.NodeCount ? n : -1, spliced.NodeMap[n]);
        for (int e = 0; e < both.ElementCount; e++) Assert.Equal(e < left.ElementCount ? e : -1, spliced.ElementMap[e]);
        Assert.Equal(Area(Deformed(both, u)), Area(Deformed(spliced.Mesh, new double[2 * spliced.Mesh.NodeCount])) + Area(Deformed(left, Displacement(left, Linear(F1)))) - Area(left), 1e-4 * Area(left));
    }

    [Fact]
    public void BodiesKeepTheirIdentityThroughASplice()
    {
        // three blocks side by side; the first (body 0: the lowest node numbers) is meshed anew and goes last
        var blocks = Enumerable.Range(0, 3).Select(i =>
        {
            var b = StructuredMesh.Rectangle(1e-6, 1e-6, 3 + i, 3, ElementType.Tri6, "Se");
            return new Mesh(b.Nodes.Select(p => p + new Vec2(2e-6 * i, 0)).ToArray(), b.Types, b.Offsets, b.Connectivity, b.Region, b.RegionNames);
        }).ToList();
        var all = MeshMerge.Combine(blocks);
        var first = BodyRemesher.Bodies(all).Single(b => b.Contains(0));
        var fresh = BodyRemesher.Remesh(all, new double[2 * all.NodeCount], first, 0.2e-6, 0.3e-6, 28)!;
        var spliced = MeshSplice.Replace(all, new[] { ((IReadOnlyList<int>)first, fresh) });
        var before = new CreepCell.Contact.ContactBodies(all);
        var after = new CreepCell.Contact.ContactBodies(spliced.Mesh);
        var map = CreepCell.Simulation.Remesher.NewBodyNumbers(before, after, spliced, all, new() { (first, fresh) });
        Assert.Equal(new[] { 2, 0, 1 }, map);
        // each body's new number names the block at the same place
        for (int b = 0; b < 3; b++)
            Assert.Equal(CentreX(all, before, b), CentreX(spliced.Mesh, after, map[b]), 1e-12);
    }

    static double CentreX(Mesh mesh, CreepCell.Contact.ContactBodies bodies, int body)
    {
        var xs = Enumerable.Range(0, mesh.NodeCount).Where(n => bodies.BodyOfNode[n] == body).Select(n => mesh.Nodes[n].X).ToList();
        return 0.5 * (xs.Min() + xs.Max());
    }
}
