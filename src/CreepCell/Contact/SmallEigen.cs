namespace CreepCell.Contact;

/// <summary>
/// Cyclic Jacobi eigen-decomposition of small symmetric matrices (Golub and Van Loan, Matrix
/// Computations, 4th ed., section 8.5), used to project element-size Hessians to positive semi-definite.
/// </summary>
internal static class SmallEigen
{
    /// <summary>Eigenvalues (into lambda, n) and eigenvectors (columns of v, row-major n x n) of the symmetric a
    /// (row-major, destroyed). The caller owns every buffer, so a decomposition allocates nothing.</summary>
    public static void Decompose(Span<double> a, int n, Span<double> v, Span<double> lambda)
    {
        v.Clear();
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < 50; sweep++)
        {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++)
            {
                diag += a[i * n + i] * a[i * n + i];
                for (int j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
            }
            if (off <= 1e-30 * diag || off == 0) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) Rotate(a, v, n, p, q);
        }
        for (int i = 0; i < n; i++) lambda[i] = a[i * n + i];
    }

    static void Rotate(Span<double> a, Span<double> v, int n, int p, int q)
    {
        double apq = a[p * n + q];
        if (apq == 0) return;
        double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k * n + p], vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    /// <summary>Replaces the symmetric h by V max(Lambda, 0) V^T (the nearest PSD matrix in the Frobenius norm).</summary>
    public static void ProjectPositive(Span<double> h, int n)
    {
        Span<double> v = stackalloc double[n * n];
        Span<double> work = stackalloc double[n * n];
        Span<double> lambda = stackalloc double[n];
        h.CopyTo(work);
        Decompose(work, n, v, lambda);
        bool allPositive = true;
        foreach (double l in lambda) allPositive &= l >= 0;
        if (allPositive) return;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                    if (lambda[k] > 0) sum += v[i * n + k] * lambda[k] * v[j * n + k];
                h[i * n + j] = sum;
            }
    }
}
