using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

/// <summary>Matrices with known structure for the solver tests.</summary>
static class TestMatrices
{
    /// <summary>5-point Laplacian on an nx x ny grid with Dirichlet boundary (SPD).</summary>
    public static CscMatrix Laplacian(int nx, int ny)
    {
        var b = new TripletBuilder(nx * ny, nx * ny);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = j * nx + i;
                b.Add(k, k, 4.0);
                if (i > 0) b.Add(k, k - 1, -1.0);
                if (i < nx - 1) b.Add(k, k + 1, -1.0);
                if (j > 0) b.Add(k, k - nx, -1.0);
                if (j < ny - 1) b.Add(k, k + nx, -1.0);
            }
        return b.Build();
    }

    /// <summary>
    /// Plane-strain stiffness (E, nu) of linear triangles on a unit-spaced (nx x ny)-cell grid,
    /// each square cut into two triangles, bottom row of nodes fixed: 2 nx (ny + 1)... unknowns.
    /// </summary>
    public static CscMatrix Elasticity(int nx, int ny, double e = 1.0, double nu = 0.3)
    {
        int free = (nx + 1) * ny;
        var b = new TripletBuilder(2 * free, 2 * free);
        double c = e / ((1 + nu) * (1 - 2 * nu));
        double[,] d = { { c * (1 - nu), c * nu, 0 }, { c * nu, c * (1 - nu), 0 }, { 0, 0, c * (1 - 2 * nu) / 2 } };
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int n00 = Node(i, j, nx), n10 = Node(i + 1, j, nx), n01 = Node(i, j + 1, nx), n11 = Node(i + 1, j + 1, nx);
                AddTriangle(b, d, [n00, n10, n11], [i, i + 1, i + 1], [j, j, j + 1]);
                AddTriangle(b, d, [n00, n11, n01], [i, i + 1, i], [j, j + 1, j + 1]);
            }
        return b.Build();
    }

    static int Node(int i, int j, int nx) => j == 0 ? -1 : (j - 1) * (nx + 1) + i;

    static void AddTriangle(TripletBuilder builder, double[,] d, int[] nodes, double[] x, double[] y)
    {
        double area2 = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
        var bm = new double[3, 6];
        for (int a = 0; a < 3; a++)
        {
            int p = (a + 1) % 3, q = (a + 2) % 3;
            double bx = (y[p] - y[q]) / area2, by = (x[q] - x[p]) / area2;
            bm[0, 2 * a] = bx; bm[1, 2 * a + 1] = by; bm[2, 2 * a] = by; bm[2, 2 * a + 1] = bx;
        }
        for (int r = 0; r < 6; r++)
            for (int s = 0; s < 6; s++)
            {
                int nr = nodes[r / 2], ns = nodes[s / 2];
                if (nr < 0 || ns < 0) continue;
                double k = 0;
                for (int u = 0; u < 3; u++)
                    for (int v = 0; v < 3; v++) k += bm[u, r] * d[u, v] * bm[v, s];
                builder.Add(2 * nr + r % 2, 2 * ns + s % 2, k * area2 / 2);
            }
    }

    /// <summary>Random symmetric sparse matrix made SPD by diagonal dominance.</summary>
    public static CscMatrix RandomSpd(int n, int offDiagonalPerRow, int seed)
    {
        var rng = new Random(seed);
        var b = new TripletBuilder(n, n);
        var rowSum = new double[n];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < offDiagonalPerRow; t++)
            {
                int j = rng.Next(n);
                if (j == i) continue;
                double v = rng.NextDouble() * 2 - 1;
                b.Add(i, j, v);
                b.Add(j, i, v);
                rowSum[i] += Math.Abs(v);
                rowSum[j] += Math.Abs(v);
            }
        for (int i = 0; i < n; i++) b.Add(i, i, rowSum[i] + 0.5 + rng.NextDouble());
        return b.Build();
    }

    public static double[] RandomVector(int n, int seed)
    {
        var rng = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.NextDouble() * 2 - 1;
        return v;
    }

    /// <summary>||b - A x|| / (||A||_1 ||x|| + ||b||), the normwise backward error.</summary>
    public static double RelativeResidual(CscMatrix a, double[] x, double[] b)
    {
        var ax = new double[a.Rows];
        a.Multiply(x, ax);
        double r = 0, nx = 0, nb = 0, norm1 = 0;
        for (int i = 0; i < ax.Length; i++) { r += (b[i] - ax[i]) * (b[i] - ax[i]); nb += b[i] * b[i]; nx += x[i] * x[i]; }
        for (int j = 0; j < a.Columns; j++)
        {
            double s = 0;
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) s += Math.Abs(a.Values[p]);
            norm1 = Math.Max(norm1, s);
        }
        return Math.Sqrt(r) / (norm1 * Math.Sqrt(nx) + Math.Sqrt(nb));
    }

    public static double[] Solve(ISymmetricSolver solver, CscMatrix a, double[] b)
    {
        solver.Analyze(a);
        solver.Factorize(a);
        var x = new double[b.Length];
        solver.Solve(b, x);
        return x;
    }
}
