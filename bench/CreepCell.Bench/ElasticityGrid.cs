using System.Diagnostics;
using CreepCell.Sparse;

namespace CreepCell.Bench;

/// <summary>
/// Plane-strain stiffness of linear (constant strain) triangles on an n x n square grid of unit
/// cells, each cut into two triangles, bottom edge clamped: 2 (n+1) n unknowns. K_e = A B^T D B
/// with D the plane-strain elasticity matrix (E, nu).
/// </summary>
sealed class ElasticityGrid
{
    public required CscMatrix Matrix { get; init; }
    public required int Cells { get; init; }
    public double AssemblySeconds { get; init; }

    public static int CellsFor(int unknowns) => Math.Max(2, (int)Math.Round(Math.Sqrt(unknowns / 2.0)));

    public static ElasticityGrid Build(int cells, double e = 1.0, double nu = 0.3)
    {
        var clock = Stopwatch.StartNew();
        int n = cells, free = (n + 1) * n;
        var triangles = Triangles(n);
        var builder = new TripletBuilder(2 * free, 2 * free);
        Span<int> dofs = stackalloc int[6];
        foreach (var t in triangles)
        {
            int c = Dofs(t, n, dofs);
            builder.AddClique(dofs[..c]);
        }
        var a = builder.Build();
        var d = PlaneStrain(e, nu);
        Span<int> pos = stackalloc int[36];
        Span<double> ke = stackalloc double[36];
        Span<int> all = stackalloc int[6];
        foreach (var t in triangles)
        {
            Stiffness(t, d, ke);
            int c = Dofs(t, n, dofs);
            CscPositions.Of(a, dofs[..c], pos[..(c * c)]);
            Scatter(t, n, ke, pos, c, a.Values);
        }
        return new ElasticityGrid { Matrix = a, Cells = n, AssemblySeconds = clock.Elapsed.TotalSeconds };
    }

    readonly record struct Tri(int I0, int J0, int I1, int J1, int I2, int J2);

    static List<Tri> Triangles(int n)
    {
        var list = new List<Tri>(2 * n * n);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                list.Add(new Tri(i, j, i + 1, j, i + 1, j + 1));
                list.Add(new Tri(i, j, i + 1, j + 1, i, j + 1));
            }
        return list;
    }

    static int Node(int i, int j, int n) => j == 0 ? -1 : (j - 1) * (n + 1) + i;

    static int Dofs(Tri t, int n, Span<int> dofs)
    {
        int c = 0;
        foreach (int node in (ReadOnlySpan<int>)[Node(t.I0, t.J0, n), Node(t.I1, t.J1, n), Node(t.I2, t.J2, n)])
        {
            if (node < 0) continue;
            dofs[c++] = 2 * node;
            dofs[c++] = 2 * node + 1;
        }
        return c;
    }

    static double[] PlaneStrain(double e, double nu)
    {
        double c = e / ((1 + nu) * (1 - 2 * nu));
        return [c * (1 - nu), c * nu, 0, c * nu, c * (1 - nu), 0, 0, 0, c * (1 - 2 * nu) / 2];
    }

    static void Stiffness(Tri t, double[] d, Span<double> ke)
    {
        ReadOnlySpan<double> x = [t.I0, t.I1, t.I2], y = [t.J0, t.J1, t.J2];
        double area2 = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
        Span<double> b = stackalloc double[18];
        b.Clear();
        for (int a = 0; a < 3; a++)
        {
            int p = (a + 1) % 3, q = (a + 2) % 3;
            double bx = (y[p] - y[q]) / area2, by = (x[q] - x[p]) / area2;
            b[2 * a] = bx; b[6 + 2 * a + 1] = by; b[12 + 2 * a] = by; b[12 + 2 * a + 1] = bx;
        }
        for (int r = 0; r < 6; r++)
            for (int s = 0; s < 6; s++)
            {
                double k = 0;
                for (int u = 0; u < 3; u++)
                    for (int v = 0; v < 3; v++) k += b[u * 6 + r] * d[u * 3 + v] * b[v * 6 + s];
                ke[r * 6 + s] = k * area2 / 2;
            }
    }

    /// <summary>Adds the free rows and columns of ke (6 x 6) through the positions of the free dofs.</summary>
    static void Scatter(Tri t, int n, ReadOnlySpan<double> ke, ReadOnlySpan<int> pos, int c, double[] values)
    {
        Span<int> local = stackalloc int[6];
        int f = 0;
        ReadOnlySpan<int> nodes = [Node(t.I0, t.J0, n), Node(t.I1, t.J1, n), Node(t.I2, t.J2, n)];
        for (int a = 0; a < 3; a++)
        {
            if (nodes[a] < 0) continue;
            local[f++] = 2 * a;
            local[f++] = 2 * a + 1;
        }
        for (int r = 0; r < c; r++)
            for (int s = 0; s < c; s++) values[pos[r * c + s]] += ke[local[r] * 6 + local[s]];
    }
}
