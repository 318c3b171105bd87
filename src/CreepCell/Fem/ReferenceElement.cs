using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>
/// Shape functions and quadrature of one element type, evaluated once at the quadrature points.
/// Node order follows Gmsh (corners counter-clockwise, then edge mid-nodes from edge 0-1, then centre).
/// </summary>
internal sealed class ReferenceElement
{
    public ElementType Type { get; }
    public int NodeCount { get; }
    public int PointCount => Weights.Length;
    public double[] Weights { get; }
    /// <summary>N[q * NodeCount + a].</summary>
    public double[] N { get; }
    /// <summary>dN/dxi at [(q * NodeCount + a) * 2 + k].</summary>
    public double[] DN { get; }
    public (double Xi, double Eta)[] Points { get; }

    ReferenceElement(ElementType type, (double, double)[] points, double[] weights)
    {
        Type = type;
        NodeCount = type.NodeCount();
        Points = points;
        Weights = weights;
        N = new double[points.Length * NodeCount];
        DN = new double[points.Length * NodeCount * 2];
        for (int q = 0; q < points.Length; q++)
            Evaluate(type, points[q].Item1, points[q].Item2, N.AsSpan(q * NodeCount, NodeCount), DN.AsSpan(q * NodeCount * 2, NodeCount * 2));
    }

    static readonly int[] QX = { -1, 1, 1, -1 }, QY = { -1, -1, 1, 1 };
    static readonly ReferenceElement[] Cache = Enum.GetValues<ElementType>().Select(Create).ToArray();

    public static ReferenceElement Of(ElementType type) => Cache[(int)type];

    static ReferenceElement Create(ElementType t) => t switch
    {
        ElementType.Tri3 => new(t, new[] { (1.0 / 3, 1.0 / 3) }, new[] { 0.5 }),
        ElementType.Tri6 => new(t, new[] { (1.0 / 6, 1.0 / 6), (2.0 / 3, 1.0 / 6), (1.0 / 6, 2.0 / 3) }, new[] { 1.0 / 6, 1.0 / 6, 1.0 / 6 }),
        ElementType.Quad4 => Gauss(t, 2),
        _ => Gauss(t, 3),
    };

    static ReferenceElement Gauss(ElementType t, int n)
    {
        var (x, w) = Quadrature.GaussLegendre(n);
        var pts = new List<(double, double)>();
        var ws = new List<double>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) { pts.Add((x[i], x[j])); ws.Add(w[i] * w[j]); }
        return new(t, pts.ToArray(), ws.ToArray());
    }

    /// <summary>Shape functions and their xi/eta derivatives at one point.</summary>
    public static void Evaluate(ElementType t, double xi, double eta, Span<double> n, Span<double> dn)
    {
        switch (t)
        {
            case ElementType.Tri3:
                n[0] = 1 - xi - eta; n[1] = xi; n[2] = eta;
                dn[0] = -1; dn[1] = -1; dn[2] = 1; dn[3] = 0; dn[4] = 0; dn[5] = 1;
                break;
            case ElementType.Tri6:
                Tri6(xi, eta, n, dn);
                break;
            case ElementType.Quad4:
                Quad4(xi, eta, n, dn);
                break;
            case ElementType.Quad8:
                Quad8(xi, eta, n, dn);
                break;
            case ElementType.Quad9:
                Quad9(xi, eta, n, dn);
                break;
        }
    }

    static void Tri6(double xi, double eta, Span<double> n, Span<double> dn)
    {
        double l = 1 - xi - eta;
        n[0] = l * (2 * l - 1); n[1] = xi * (2 * xi - 1); n[2] = eta * (2 * eta - 1);
        n[3] = 4 * l * xi; n[4] = 4 * xi * eta; n[5] = 4 * eta * l;
        dn[0] = 1 - 4 * l; dn[1] = 1 - 4 * l;
        dn[2] = 4 * xi - 1; dn[3] = 0;
        dn[4] = 0; dn[5] = 4 * eta - 1;
        dn[6] = 4 * (l - xi); dn[7] = -4 * xi;
        dn[8] = 4 * eta; dn[9] = 4 * xi;
        dn[10] = -4 * eta; dn[11] = 4 * (l - eta);
    }

    static void Quad4(double xi, double eta, Span<double> n, Span<double> dn)
    {
        for (int a = 0; a < 4; a++)
        {
            n[a] = 0.25 * (1 + QX[a] * xi) * (1 + QY[a] * eta);
            dn[2 * a] = 0.25 * QX[a] * (1 + QY[a] * eta);
            dn[2 * a + 1] = 0.25 * QY[a] * (1 + QX[a] * xi);
        }
    }

    static void Quad8(double xi, double eta, Span<double> n, Span<double> dn)
    {
        for (int a = 0; a < 4; a++)
        {
            double x = QX[a], y = QY[a];
            n[a] = 0.25 * (1 + x * xi) * (1 + y * eta) * (x * xi + y * eta - 1);
            dn[2 * a] = 0.25 * x * (1 + y * eta) * (2 * x * xi + y * eta);
            dn[2 * a + 1] = 0.25 * y * (1 + x * xi) * (x * xi + 2 * y * eta);
        }
        // mid-nodes: 4 (eta=-1), 5 (xi=1), 6 (eta=1), 7 (xi=-1)
        n[4] = 0.5 * (1 - xi * xi) * (1 - eta); dn[8] = -xi * (1 - eta); dn[9] = -0.5 * (1 - xi * xi);
        n[5] = 0.5 * (1 + xi) * (1 - eta * eta); dn[10] = 0.5 * (1 - eta * eta); dn[11] = -(1 + xi) * eta;
        n[6] = 0.5 * (1 - xi * xi) * (1 + eta); dn[12] = -xi * (1 + eta); dn[13] = 0.5 * (1 - xi * xi);
        n[7] = 0.5 * (1 - xi) * (1 - eta * eta); dn[14] = -0.5 * (1 - eta * eta); dn[15] = -(1 - xi) * eta;
    }

    static void Quad9(double xi, double eta, Span<double> n, Span<double> dn)
    {
        // Lagrange: node positions -1, 0, 1 per direction.
        Span<int> ix = stackalloc int[] { 0, 2, 2, 0, 1, 2, 1, 0, 1 };
        Span<int> iy = stackalloc int[] { 0, 0, 2, 2, 0, 1, 2, 1, 1 };
        Span<double> lx = stackalloc double[3], ly = stackalloc double[3], dlx = stackalloc double[3], dly = stackalloc double[3];
        Lagrange3(xi, lx, dlx);
        Lagrange3(eta, ly, dly);
        for (int a = 0; a < 9; a++)
        {
            n[a] = lx[ix[a]] * ly[iy[a]];
            dn[2 * a] = dlx[ix[a]] * ly[iy[a]];
            dn[2 * a + 1] = lx[ix[a]] * dly[iy[a]];
        }
    }

    static void Lagrange3(double x, Span<double> l, Span<double> dl)
    {
        l[0] = 0.5 * x * (x - 1); l[1] = 1 - x * x; l[2] = 0.5 * x * (x + 1);
        dl[0] = x - 0.5; dl[1] = -2 * x; dl[2] = x + 0.5;
    }
}

internal static class Quadrature
{
    /// <summary>Gauss-Legendre points and weights on [-1, 1] for n = 1..4.</summary>
    public static (double[] X, double[] W) GaussLegendre(int n) => n switch
    {
        1 => (new[] { 0.0 }, new[] { 2.0 }),
        2 => (new[] { -1 / Math.Sqrt(3), 1 / Math.Sqrt(3) }, new[] { 1.0, 1.0 }),
        3 => (new[] { -Math.Sqrt(0.6), 0, Math.Sqrt(0.6) }, new[] { 5.0 / 9, 8.0 / 9, 5.0 / 9 }),
        4 => (new[] { -0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526 },
              new[] { 0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538 }),
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
}
