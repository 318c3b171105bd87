using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>Where the Jacobian determinant of an element's map is not positive: at a node, an
/// integration point, or between them (found by subdivision). Null where the element is valid.</summary>
internal sealed record JacobianDefect(string Where, double Xi, double Eta, double Determinant);

/// <summary>
/// Validity of an element's isoparametric map x(xi, eta): the determinant det J must be positive on the
/// whole reference element, not only at the integration points. det J is a polynomial (constant for Tri3,
/// degree 2 for Tri6, degree at most 3 in each of xi and eta for the quadrilaterals), so it is written in
/// Bernstein form on the reference element: all Bernstein coefficients positive proves det J &gt; 0
/// everywhere, a sampled value at or below zero proves the element invalid, and otherwise the cell is split
/// in four and each part tested again (Johnen, Remacle and Geuzaine, "Geometrical validity of curvilinear
/// finite elements", J. Comput. Phys. 233 (2013) 359-372).
/// </summary>
internal static class ElementValidity
{
    /// <summary>Subdivision depth: cells down to 1/64 of the element's side.</summary>
    const int MaxDepth = 6;

    /// <summary>The first place where det J &lt;= 0: nodes first, then integration points, then anywhere.</summary>
    public static JacobianDefect? Check(ElementType type, ReadOnlySpan<Vec2> x)
    {
        var reference = ReferenceElement.Of(type);
        var nodes = NodePositions(type);
        for (int a = 0; a < nodes.Length; a++)
        {
            double d = Determinant(type, x, nodes[a].Xi, nodes[a].Eta);
            if (!(d > 0)) return new JacobianDefect($"node {a + 1}", nodes[a].Xi, nodes[a].Eta, d);
        }
        for (int q = 0; q < reference.PointCount; q++)
        {
            var (xi, eta) = reference.Points[q];
            double d = Determinant(type, x, xi, eta);
            if (!(d > 0)) return new JacobianDefect($"integration point {q + 1}", xi, eta, d);
        }
        if (type == ElementType.Tri3) return null;
        var copy = x.ToArray();
        return type == ElementType.Tri6
            ? Triangle(copy, (0, 0), (1, 0), (0, 1), 0)
            : Square(type, copy, -1, 1, -1, 1, 0);
    }

    /// <summary>det of dx/d(xi, eta) at one reference point.</summary>
    public static double Determinant(ElementType type, ReadOnlySpan<Vec2> x, double xi, double eta)
    {
        int n = type.NodeCount();
        Span<double> sn = stackalloc double[n];
        Span<double> dn = stackalloc double[2 * n];
        ReferenceElement.Evaluate(type, xi, eta, sn, dn);
        double xx = 0, xe = 0, yx = 0, ye = 0;
        for (int a = 0; a < n; a++)
        {
            xx += x[a].X * dn[2 * a]; xe += x[a].X * dn[2 * a + 1];
            yx += x[a].Y * dn[2 * a]; ye += x[a].Y * dn[2 * a + 1];
        }
        return xx * ye - xe * yx;
    }

    /// <summary>Reference coordinates of the nodes in Gmsh order.</summary>
    public static (double Xi, double Eta)[] NodePositions(ElementType type) => type switch
    {
        ElementType.Tri3 => [(0, 0), (1, 0), (0, 1)],
        ElementType.Tri6 => [(0, 0), (1, 0), (0, 1), (0.5, 0), (0.5, 0.5), (0, 0.5)],
        ElementType.Quad4 => [(-1, -1), (1, -1), (1, 1), (-1, 1)],
        ElementType.Quad8 => [(-1, -1), (1, -1), (1, 1), (-1, 1), (0, -1), (1, 0), (0, 1), (-1, 0)],
        _ => [(-1, -1), (1, -1), (1, 1), (-1, 1), (0, -1), (1, 0), (0, 1), (-1, 0), (0, 0)],
    };

    /// <summary>det J (degree 2) on the sub-triangle p0 p1 p2 of the reference triangle.</summary>
    static JacobianDefect? Triangle(Vec2[] x, (double, double) p0, (double, double) p1, (double, double) p2, int depth)
    {
        var m01 = Mid(p0, p1);
        var m12 = Mid(p1, p2);
        var m20 = Mid(p2, p0);
        Span<(double Xi, double Eta)> at = [p0, p1, p2, m01, m12, m20];
        Span<double> f = stackalloc double[6];
        for (int i = 0; i < 6; i++)
        {
            f[i] = Determinant(ElementType.Tri6, x, at[i].Xi, at[i].Eta);
            if (!(f[i] > 0)) return new JacobianDefect("between the integration points", at[i].Xi, at[i].Eta, f[i]);
        }
        // degree-2 Bernstein coefficients: the corner values, and 2 f(mid) - (f(a) + f(b)) / 2 on each edge
        double smallest = Math.Min(Math.Min(f[0], f[1]), f[2]);
        smallest = Math.Min(smallest, 2 * f[3] - 0.5 * (f[0] + f[1]));
        smallest = Math.Min(smallest, 2 * f[4] - 0.5 * (f[1] + f[2]));
        smallest = Math.Min(smallest, 2 * f[5] - 0.5 * (f[2] + f[0]));
        if (smallest > 0 || depth == MaxDepth) return null;
        return Triangle(x, p0, m01, m20, depth + 1) ?? Triangle(x, m01, p1, m12, depth + 1)
            ?? Triangle(x, m20, m12, p2, depth + 1) ?? Triangle(x, m12, m20, m01, depth + 1);
    }

    static (double, double) Mid((double X, double Y) a, (double X, double Y) b) => (0.5 * (a.X + b.X), 0.5 * (a.Y + b.Y));

    /// <summary>det J (degree at most 3 in each variable) on the cell [xi0, xi1] x [eta0, eta1].</summary>
    static JacobianDefect? Square(ElementType type, Vec2[] x, double xi0, double xi1, double eta0, double eta1, int depth)
    {
        Span<double> f = stackalloc double[16];
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 4; i++)
            {
                double xi = xi0 + (xi1 - xi0) * i / 3, eta = eta0 + (eta1 - eta0) * j / 3;
                f[4 * j + i] = Determinant(type, x, xi, eta);
                if (!(f[4 * j + i] > 0)) return new JacobianDefect("between the integration points", xi, eta, f[4 * j + i]);
            }
        Span<double> b = stackalloc double[16];
        Span<double> coefficients = stackalloc double[4];
        for (int j = 0; j < 4; j++) ToBernstein(f.Slice(4 * j, 4), b.Slice(4 * j, 4));
        double smallest = double.PositiveInfinity;
        Span<double> column = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++) column[j] = b[4 * j + i];
            ToBernstein(column, coefficients);
            foreach (double c in coefficients) smallest = Math.Min(smallest, c);
        }
        if (smallest > 0 || depth == MaxDepth) return null;
        double xm = 0.5 * (xi0 + xi1), em = 0.5 * (eta0 + eta1);
        return Square(type, x, xi0, xm, eta0, em, depth + 1) ?? Square(type, x, xm, xi1, eta0, em, depth + 1)
            ?? Square(type, x, xi0, xm, em, eta1, depth + 1) ?? Square(type, x, xm, xi1, em, eta1, depth + 1);
    }

    /// <summary>Cubic Bernstein coefficients from values at t = 0, 1/3, 2/3, 1 (the inverse of the
    /// collocation matrix C(3, i) t^i (1 - t)^(3 - i)).</summary>
    internal static void ToBernstein(ReadOnlySpan<double> f, Span<double> b)
    {
        b[0] = f[0];
        b[1] = (-5 * f[0] + 18 * f[1] - 9 * f[2] + 2 * f[3]) / 6;
        b[2] = (2 * f[0] - 9 * f[1] + 18 * f[2] - 5 * f[3]) / 6;
        b[3] = f[3];
    }
}
