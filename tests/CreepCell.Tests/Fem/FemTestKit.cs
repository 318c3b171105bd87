using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;

namespace CreepCell.Tests.Fem;

/// <summary>Small helpers to set up mechanics problems in tests.</summary>
static class FemTestKit
{
    public static MechanicsProblem Problem(Mesh mesh, Material material, IEnumerable<(int Dof, double Value)> constraints,
        double[]? force = null, bool fbar = true) =>
        new(mesh, new[] { material }, new DofMap(mesh.NodeCount, constraints), force ?? new double[2 * mesh.NodeCount], fbar, SparseSolvers.Create("builtin", indefinite: true));

    /// <summary>Dofs of the nodes on a boundary set.</summary>
    public static IEnumerable<int> NodesOf(Mesh mesh, string set) =>
        mesh.Boundaries.First(b => b.Name == set).Edges.SelectMany(e => e).Distinct();

    public static IEnumerable<(int, double)> Fix(IEnumerable<int> nodes, bool x, bool y)
    {
        foreach (int n in nodes)
        {
            if (x) yield return (2 * n, 0);
            if (y) yield return (2 * n + 1, 0);
        }
    }

    /// <summary>Nodes on the bounding box edges get rollers (normal displacement zero).</summary>
    public static IEnumerable<(int, double)> Rollers(Mesh mesh) => Boundary.Rollers(mesh);

    public static Mesh Distort(Mesh mesh, double amount, int seed)
    {
        var rng = new Random(seed);
        var nodes = mesh.Nodes.ToArray();
        var boundary = mesh.Boundaries.SelectMany(b => b.Edges).SelectMany(e => e).ToHashSet();
        for (int n = 0; n < nodes.Length; n++)
        {
            if (boundary.Contains(n)) continue;
            nodes[n] = nodes[n] + new Vec2(amount * (rng.NextDouble() - 0.5), amount * (rng.NextDouble() - 0.5));
        }
        // mid-side nodes of quadratic elements move with their edge: recompute them as edge midpoints
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var t = mesh.Types[e];
            if (t.Order() == 1) continue;
            var en = mesh.ElementNodes(e);
            int corners = t.CornerCount();
            for (int k = 0; k < corners; k++)
            {
                int mid = en[corners + k];
                if (boundary.Contains(mid)) continue;
                nodes[mid] = 0.5 * (nodes[en[k]] + nodes[en[(k + 1) % corners]]);
            }
            if (t == ElementType.Quad9) nodes[en[8]] = 0.25 * (nodes[en[0]] + nodes[en[1]] + nodes[en[2]] + nodes[en[3]]);
        }
        return new Mesh(nodes, mesh.Types, mesh.Offsets, mesh.Connectivity, mesh.Region, mesh.RegionNames, mesh.Boundaries);
    }

    public static MechanicsProblem Solve(MechanicsProblem p, LoadState load, double factor = 1, double tolerance = 1e-12, double stagnation = 1e-7)
    {
        var r = p.SolveStep(load, factor, new NewtonOptions { RelativeTolerance = tolerance, StagnationTolerance = stagnation });
        Assert.True(r.Converged, r.Failure + " residuals: " + string.Join(", ", r.ResidualNorms.Select(x => x.ToString("E3"))) + $" scale {p.ForceScale:E3}");
        p.Commit();
        return p;
    }
}
