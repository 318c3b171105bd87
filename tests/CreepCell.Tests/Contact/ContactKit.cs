using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;

namespace CreepCell.Tests.Contact;

/// <summary>Set-up helpers for contact problems.</summary>
static class ContactKit
{
    public static (MechanicsProblem Problem, ContactModel Model) Problem(Mesh mesh, Material[] materials,
        IEnumerable<(int Dof, double Value)> constraints, ContactSettings settings, bool fbar = true, double exactBelow = 1e-2)
    {
        var model = new ContactModel(mesh, materials, settings);
        var dofs = new DofMap(mesh.NodeCount, constraints);
        var p = new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], fbar,
            SparseSolvers.Create("builtin", indefinite: true), model) { ExactContactHessianBelow = exactBelow };
        return (p, model);
    }

    public static Mesh Shift(Mesh m, double dx, double dy) =>
        new(m.Nodes.Select(p => new Vec2(p.X + dx, p.Y + dy)).ToArray(), m.Types, m.Offsets, m.Connectivity, m.Region, m.RegionNames, m.Boundaries);

    /// <summary>Nodes of body `body` at height y (reference), within a tolerance.</summary>
    public static IEnumerable<int> NodesAtY(Mesh mesh, ContactBodies bodies, int body, double y) =>
        Enumerable.Range(0, mesh.NodeCount).Where(n => bodies.BodyOfNode[n] == body && Math.Abs(mesh.Nodes[n].Y - y) < 1e-9);

    public static NewtonResult Solve(MechanicsProblem p, double factor, double tolerance = 1e-10)
    {
        var r = p.SolveStep(new LoadState(0, 0, 300), factor, new NewtonOptions { RelativeTolerance = tolerance, MaxIterations = 40 });
        Assert.True(r.Converged, r.Failure + " residuals: " + string.Join(", ", r.ResidualNorms.Select(x => x.ToString("E3"))));
        p.Commit();
        return r;
    }
}
