namespace CreepCell.Sparse;

/// <summary>
/// Jacobi-preconditioned conjugate gradients for the conduction matrices of pixel and voxel grids,
/// (D - N) x = b: row i holds the diagonal d_i and -1 for each neighbour nb[width i + k] &gt;= 0.
/// Stops at a residual below the tolerance relative to |b|.
/// </summary>
internal static class StencilCg
{
    public static (double[] X, int Iterations, double Residual) Solve(int[] nb, int width, double[] diagonal, double[] b, double tolerance, int maxIterations)
    {
        int n = b.Length;
        var x = new double[n]; var r = (double[])b.Clone(); var z = new double[n]; var p = new double[n]; var ap = new double[n];
        double bNorm = Math.Sqrt(Dot(b, b));
        if (n == 0 || bNorm == 0) return (x, 0, 0);
        for (int i = 0; i < n; i++) z[i] = r[i] / diagonal[i];
        Array.Copy(z, p, n);
        double rz = Dot(r, z), res = 1;
        int it = 0;
        while (it < maxIterations)
        {
            for (int i = 0; i < n; i++)
            {
                double s = diagonal[i] * p[i];
                for (int k = width * i; k < width * i + width; k++) if (nb[k] >= 0) s -= p[nb[k]];
                ap[i] = s;
            }
            double alpha = rz / Dot(p, ap);
            for (int i = 0; i < n; i++) { x[i] += alpha * p[i]; r[i] -= alpha * ap[i]; }
            it++;
            res = Math.Sqrt(Dot(r, r)) / bNorm;
            if (res < tolerance) break;
            for (int i = 0; i < n; i++) z[i] = r[i] / diagonal[i];
            double next = Dot(r, z);
            double beta = next / rz;
            rz = next;
            for (int i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
        }
        return (x, it, res);
    }

    static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
