namespace CreepCell.Fem;

/// <summary>
/// L2 projection of a quadrature-point field onto the discontinuous linear space {1, xi, eta} of one
/// element, weighted by the reference volume of each point (Simo, Taylor and Pister, CMAME 51, 1985:
/// projected dilatation for Q2/P1 elements).
/// </summary>
internal static class JProjection
{
    /// <summary>
    /// Writes P with Jbar_q = sum_p P[q * MaxPoints + p] J_p, P = Phi M^-1 Phi^T W, M = Phi^T W Phi.
    /// The reference volumes depend on the reference geometry only, so P is constant in u.
    /// </summary>
    public static void Linear(ReferenceElement re, ReadOnlySpan<double> volume, Span<double> projection)
    {
        int nq = re.PointCount;
        Span<double> m = stackalloc double[9];
        for (int p = 0; p < nq; p++)
        {
            var (xi, eta) = re.Points[p];
            double w = volume[p];
            double b0 = 1, b1 = xi, b2 = eta;
            m[0] += w * b0 * b0; m[1] += w * b0 * b1; m[2] += w * b0 * b2;
            m[4] += w * b1 * b1; m[5] += w * b1 * b2; m[8] += w * b2 * b2;
        }
        m[3] = m[1]; m[6] = m[2]; m[7] = m[5];
        Span<double> inv = stackalloc double[9];
        Invert3(m, inv);
        for (int q = 0; q < nq; q++)
        {
            var (xq, yq) = re.Points[q];
            // row vector phi(q)^T M^-1
            double r0 = inv[0] + xq * inv[3] + yq * inv[6];
            double r1 = inv[1] + xq * inv[4] + yq * inv[7];
            double r2 = inv[2] + xq * inv[5] + yq * inv[8];
            for (int p = 0; p < nq; p++)
            {
                var (xp, yp) = re.Points[p];
                projection[q * ElementWorkspace.MaxPoints + p] = (r0 + r1 * xp + r2 * yp) * volume[p];
            }
        }
    }

    static void Invert3(ReadOnlySpan<double> a, Span<double> inv)
    {
        double c00 = a[4] * a[8] - a[5] * a[7], c01 = a[5] * a[6] - a[3] * a[8], c02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
        if (!(Math.Abs(det) > 0)) throw new InvalidOperationException("singular projection matrix of J");
        inv[0] = c00 / det; inv[1] = (a[2] * a[7] - a[1] * a[8]) / det; inv[2] = (a[1] * a[5] - a[2] * a[4]) / det;
        inv[3] = c01 / det; inv[4] = (a[0] * a[8] - a[2] * a[6]) / det; inv[5] = (a[2] * a[3] - a[0] * a[5]) / det;
        inv[6] = c02 / det; inv[7] = (a[1] * a[6] - a[0] * a[7]) / det; inv[8] = (a[0] * a[4] - a[1] * a[3]) / det;
    }
}
