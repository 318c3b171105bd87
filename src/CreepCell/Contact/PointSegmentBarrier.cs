namespace CreepCell.Contact;

/// <summary>
/// The log-barrier of one point-segment pair in 2D, after Li et al. 2020, "Incremental Potential
/// Contact" (ACM Trans. Graph. 39(4)), eq. 6: b(d) = -(d - dhat)^2 ln(d / dhat) for 0 &lt; d &lt; dhat, zero
/// beyond. Coordinates x = (p, a, b) of the point and the segment ends (6 numbers). The distance is the
/// point-point distance to the nearer end when the foot of the perpendicular falls outside the segment,
/// the point-line distance otherwise; derivatives are taken through s = d^2, which is a rational
/// function of x in each case.
/// </summary>
internal static class PointSegmentBarrier
{
    public enum Case { EndA, Interior, EndB }

    /// <summary>Which distance case applies, and the parameter of the foot of the perpendicular.</summary>
    public static Case Classify(ReadOnlySpan<double> x, out double t)
    {
        double ux = x[4] - x[2], uy = x[5] - x[3], wx = x[0] - x[2], wy = x[1] - x[3];
        double uu = ux * ux + uy * uy;
        t = uu > 0 ? (ux * wx + uy * wy) / uu : 0;
        return t <= 0 ? Case.EndA : t >= 1 ? Case.EndB : Case.Interior;
    }

    /// <summary>Squared distance s, its gradient (6) and, if given, its Hessian (36, row-major).</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, Span<double> grad, Span<double> hess)
    {
        grad.Clear();
        if (!hess.IsEmpty) hess.Clear();
        var c = Classify(x, out _);
        if (c != Case.Interior) return PointPoint(x, c == Case.EndA ? 2 : 4, grad, hess);
        double ux = x[4] - x[2], uy = x[5] - x[3], wx = x[0] - x[2], wy = x[1] - x[3];
        double cr = ux * wy - uy * wx, den = ux * ux + uy * uy;
        Span<double> gc = stackalloc double[] { -uy, ux, x[5] - x[1], x[0] - x[4], wy, -wx };
        Span<double> gd = stackalloc double[] { 0, 0, -2 * ux, -2 * uy, 2 * ux, 2 * uy };
        double s = cr * cr / den;
        for (int i = 0; i < 6; i++) grad[i] = 2 * cr * gc[i] / den - s * gd[i] / den;
        if (hess.IsEmpty) return s;
        Span<double> hc = stackalloc double[36];
        CrossHessian(hc);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                // s = N / D with N = cr^2, D = |u|^2 (Hessian of D is constant: 2 on the a-b blocks)
                double hn = 2 * gc[i] * gc[j] + 2 * cr * hc[6 * i + j];
                double hd = LengthHessian(i, j);
                double gn_i = 2 * cr * gc[i], gn_j = 2 * cr * gc[j];
                hess[6 * i + j] = hn / den - (gn_i * gd[j] + gd[i] * gn_j) / (den * den)
                    - cr * cr * hd / (den * den) + 2 * cr * cr * gd[i] * gd[j] / (den * den * den);
            }
        return s;
    }

    static double PointPoint(ReadOnlySpan<double> x, int end, Span<double> grad, Span<double> hess)
    {
        double dx = x[0] - x[end], dy = x[1] - x[end + 1];
        grad[0] = 2 * dx; grad[1] = 2 * dy; grad[end] = -2 * dx; grad[end + 1] = -2 * dy;
        if (!hess.IsEmpty)
            for (int k = 0; k < 2; k++)
            {
                hess[6 * k + k] = 2; hess[6 * (end + k) + end + k] = 2;
                hess[6 * k + end + k] = -2; hess[6 * (end + k) + k] = -2;
            }
        return dx * dx + dy * dy;
    }

    /// <summary>Constant Hessian of cr = cross(b - a, p - a).</summary>
    static void CrossHessian(Span<double> h)
    {
        h.Clear();
        // cr = (bx-ax)(py-ay) - (by-ay)(px-ax); indices p:0,1 a:2,3 b:4,5
        ReadOnlySpan<(int I, int J, double V)> entries = stackalloc (int, int, double)[]
            { (4, 1, 1), (4, 3, -1), (2, 1, -1), (5, 0, -1), (5, 2, 1), (3, 0, 1) };
        foreach (var (i, j, v) in entries) { h[6 * i + j] += v; h[6 * j + i] += v; }
    }

    static double LengthHessian(int i, int j)
    {
        if (i < 2 || j < 2 || (i & 1) != (j & 1)) return 0;
        return (i >> 1) == (j >> 1) ? 2 : -2;
    }

    /// <summary>b(d) and its first two derivatives in d (zero for d &gt;= dhat).</summary>
    public static (double B, double D1, double D2) Scalar(double d, double dhat)
    {
        if (d >= dhat) return (0, 0, 0);
        double e = d - dhat, l = Math.Log(d / dhat);
        return (-e * e * l, -2 * e * l - e * e / d, -2 * l - 4 * e / d + e * e / (d * d));
    }

    /// <summary>
    /// Barrier value of the pair; adds its gradient to grad and, if hess is given, writes its Hessian
    /// projected to positive semi-definite. Returns 0 (and touches nothing) beyond dhat.
    /// </summary>
    public static double Evaluate(ReadOnlySpan<double> x, double dhat, Span<double> grad, Span<double> hess, bool project = true)
    {
        Span<double> gs = stackalloc double[6];
        Span<double> hs = stackalloc double[hess.IsEmpty ? 0 : 36];
        double s = SquaredDistance(x, gs, hs);
        if (s >= dhat * dhat) { if (!hess.IsEmpty) hess.Clear(); return 0; }
        double d = Math.Sqrt(s);
        var (b, b1, b2) = Scalar(d, dhat);
        double bs = b1 / (2 * d), bss = (b2 - b1 / d) / (4 * s);
        for (int i = 0; i < 6; i++) grad[i] += bs * gs[i];
        if (hess.IsEmpty) return b;
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) hess[6 * i + j] = bss * gs[i] * gs[j] + bs * hs[6 * i + j];
        if (project) SmallEigen.ProjectPositive(hess, 6);
        return b;
    }

    /// <summary>
    /// Largest t in (0, 1] at which the moving point first meets the moving segment line inside the
    /// segment (the cross product of b - a and p - a, a quadratic in t, vanishes); 1 if it never does.
    /// x0 holds the coordinates at t = 0, dx the displacement over the full step.
    /// </summary>
    public static double FirstCollision(ReadOnlySpan<double> x0, ReadOnlySpan<double> dx)
    {
        double ux = x0[4] - x0[2], uy = x0[5] - x0[3], wx = x0[0] - x0[2], wy = x0[1] - x0[3];
        double dux = dx[4] - dx[2], duy = dx[5] - dx[3], dwx = dx[0] - dx[2], dwy = dx[1] - dx[3];
        double c0 = ux * wy - uy * wx;
        double c1 = ux * dwy - uy * dwx + dux * wy - duy * wx;
        double c2 = dux * dwy - duy * dwx;
        double best = 1;
        Span<double> roots = stackalloc double[2];
        foreach (double t in roots[..Roots(c2, c1, c0, roots)])
        {
            if (!(t > 0 && t <= 1) || t >= best) continue;
            double px = wx + t * dwx, py = wy + t * dwy, qx = ux + t * dux, qy = uy + t * duy;
            double qq = qx * qx + qy * qy;
            double along = qq > 0 ? (px * qx + py * qy) / qq : 0;
            const double slack = 1e-6;
            if (along >= -slack && along <= 1 + slack) best = t;
        }
        return best;
    }

    /// <summary>The real roots of a t^2 + b t + c into roots (at most 2), in the order they are found; returns how
    /// many. A span instead of an iterator: the collision bound calls this for every candidate pair.</summary>
    static int Roots(double a, double b, double c, Span<double> roots)
    {
        double scale = Math.Max(Math.Abs(a), Math.Max(Math.Abs(b), Math.Abs(c)));
        if (scale == 0) return 0;
        if (Math.Abs(a) <= 1e-14 * scale)
        {
            if (b == 0) return 0;
            roots[0] = -c / b;
            return 1;
        }
        double disc = b * b - 4 * a * c;
        if (disc < 0) return 0;
        double q = -0.5 * (b + Math.CopySign(Math.Sqrt(disc), b));
        roots[0] = q / a;
        if (q == 0) return 1;
        roots[1] = c / q;
        return 2;
    }
}
