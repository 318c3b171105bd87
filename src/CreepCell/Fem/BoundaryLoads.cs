using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>Consistent nodal forces of a dead traction (force per reference length, per unit thickness) on boundary edges.</summary>
internal static class BoundaryLoads
{
    public static void AddTraction(Mesh mesh, BoundarySet set, Vec2 traction, double[] force)
    {
        var (x, w) = Quadrature.GaussLegendre(3);
        Span<double> n = stackalloc double[3];
        Span<double> dn = stackalloc double[3];
        foreach (var edge in set.Edges)
        {
            for (int q = 0; q < x.Length; q++)
            {
                EdgeShape(edge.Length, x[q], n, dn);
                double tx = 0, ty = 0;
                for (int a = 0; a < edge.Length; a++) { tx += dn[a] * mesh.Nodes[edge[a]].X; ty += dn[a] * mesh.Nodes[edge[a]].Y; }
                double ds = Math.Sqrt(tx * tx + ty * ty) * w[q];
                for (int a = 0; a < edge.Length; a++)
                {
                    force[2 * edge[a]] += n[a] * traction.X * ds;
                    force[2 * edge[a] + 1] += n[a] * traction.Y * ds;
                }
            }
        }
    }

    /// <summary>1D shape functions on [-1, 1]; nodes (end, end) or (end, end, middle).</summary>
    public static void EdgeShape(int nodes, double s, Span<double> n, Span<double> dn)
    {
        if (nodes == 2)
        {
            n[0] = 0.5 * (1 - s); n[1] = 0.5 * (1 + s);
            dn[0] = -0.5; dn[1] = 0.5;
            return;
        }
        n[0] = 0.5 * s * (s - 1); n[1] = 0.5 * s * (s + 1); n[2] = 1 - s * s;
        dn[0] = s - 0.5; dn[1] = s + 0.5; dn[2] = -2 * s;
    }
}
