using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>Geometric measures of mesh elements: areas, angles, edge and boundary lengths.</summary>
internal static class MeshQuality
{
    /// <summary>Signed area of the corner polygon (positive when counter-clockwise).</summary>
    public static double CornerArea(Mesh m, int e)
    {
        var nodes = m.ElementNodes(e);
        int c = m.Types[e].CornerCount();
        double a = 0;
        for (int i = 0; i < c; i++) a += Vec2.Cross(m.Nodes[nodes[i]], m.Nodes[nodes[(i + 1) % c]]);
        return 0.5 * a;
    }

    /// <summary>Area enclosed by the element's edges, with quadratic edges as parabolas through their
    /// mid-nodes (exact for the isoparametric map of Tri6, Quad8 and Quad9).</summary>
    public static double Area(Mesh m, int e)
    {
        double a = CornerArea(m, e);
        var t = m.Types[e];
        if (t.Order() == 1) return a;
        var nodes = m.ElementNodes(e);
        int c = t.CornerCount();
        for (int i = 0; i < c; i++)
        {
            Vec2 p = m.Nodes[nodes[i]], q = m.Nodes[nodes[(i + 1) % c]], mid = m.Nodes[nodes[c + i]];
            // area between the parabola through p, mid, q (mid at parameter 1/2) and its chord is
            // 4/3 of triangle (p, mid, q) (Archimedes); positive when mid bulges outward (right of p->q)
            a += 2.0 / 3.0 * Vec2.Cross(mid - p, q - p);
        }
        return a;
    }

    /// <summary>Total area per region.</summary>
    public static double[] RegionAreas(Mesh m)
    {
        var areas = new double[m.RegionNames.Length];
        for (int e = 0; e < m.ElementCount; e++) areas[m.Region[e]] += Area(m, e);
        return areas;
    }

    /// <summary>Smallest interior angle of a triangle's or quadrilateral's corner polygon, in degrees.</summary>
    public static double MinAngleDegrees(Mesh m, int e)
    {
        var nodes = m.ElementNodes(e);
        int c = m.Types[e].CornerCount();
        double min = 180;
        for (int i = 0; i < c; i++)
        {
            Vec2 p = m.Nodes[nodes[i]];
            Vec2 u = m.Nodes[nodes[(i + 1) % c]] - p, v = m.Nodes[nodes[(i + c - 1) % c]] - p;
            min = Math.Min(min, Math.Atan2(Math.Abs(Vec2.Cross(u, v)), Vec2.Dot(u, v)) * 180 / Math.PI);
        }
        return min;
    }

    public static double MinAngleDegrees(Mesh m) => MinAngles(m).Min();

    /// <summary>Smallest angle of each element, in degrees.</summary>
    public static double[] MinAngles(Mesh m) =>
        Enumerable.Range(0, m.ElementCount).Select(e => MinAngleDegrees(m, e)).ToArray();

    /// <summary>
    /// Smallest corner angle of element e in the deformed configuration (nodes moved by u), in degrees:
    /// how far the flow has distorted it. 0 when a corner has turned over.
    /// </summary>
    public static double DeformedMinAngle(Mesh m, int e, double[] u)
    {
        var nodes = m.ElementNodes(e);
        int c = m.Types[e].CornerCount();
        Span<Vec2> x = stackalloc Vec2[4];
        for (int i = 0; i < c; i++) x[i] = m.Nodes[nodes[i]] + new Vec2(u[2 * nodes[i]], u[2 * nodes[i] + 1]);
        // corners turn the way they turn in the reference (meshes may list them clockwise)
        double turn = Math.Sign(CornerArea(m, e));
        double worst = 180;
        for (int i = 0; i < c; i++)
        {
            Vec2 a = x[(i + 1) % c] - x[i], b = x[(i + c - 1) % c] - x[i];
            double cross = turn * Vec2.Cross(a, b);
            if (cross <= 0) return 0;
            worst = Math.Min(worst, Math.Atan2(cross, Vec2.Dot(a, b)) * 180 / Math.PI);
        }
        return worst;
    }

    /// <summary>Per region, the smallest <see cref="DeformedMinAngle"/> of its elements.</summary>
    public static double[] DeformedMinAngles(Mesh m, double[] u)
    {
        var min = new double[m.RegionNames.Length];
        Array.Fill(min, 180);
        for (int e = 0; e < m.ElementCount; e++) min[m.Region[e]] = Math.Min(min[m.Region[e]], DeformedMinAngle(m, e, u));
        return min;
    }

    /// <summary>Longest corner-to-corner edge of the mesh.</summary>
    public static double MaxEdgeLength(Mesh m)
    {
        double max = 0;
        for (int e = 0; e < m.ElementCount; e++)
        {
            var nodes = m.ElementNodes(e);
            int c = m.Types[e].CornerCount();
            for (int i = 0; i < c; i++)
                max = Math.Max(max, (m.Nodes[nodes[(i + 1) % c]] - m.Nodes[nodes[i]]).Length);
        }
        return max;
    }

    /// <summary>Length of a boundary set, each quadratic edge taken as the parabola through its mid-node
    /// (Simpson's rule on the arc length, accurate to the curve's discretisation).</summary>
    public static double Length(Mesh m, BoundarySet set)
    {
        double len = 0;
        foreach (var ed in set.Edges)
        {
            Vec2 a = m.Nodes[ed[0]], b = m.Nodes[ed[1]];
            if (ed.Length == 2) { len += (b - a).Length; continue; }
            Vec2 mid = m.Nodes[ed[2]];
            // x(s) = a (1-s)(1-2s) + 4 mid s(1-s) + b s(2s-1), s in [0,1]
            Vec2 Deriv(double s) => (4 * s - 3) * a + (4 - 8 * s) * mid + (4 * s - 1) * b;
            const int n = 8;
            double sum = 0;
            for (int k = 0; k <= n; k++)
            {
                double w = k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2;
                sum += w * Deriv((double)k / n).Length;
            }
            len += sum / (3 * n);
        }
        return len;
    }
}
