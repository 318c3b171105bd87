namespace CreepCell.Fem;

/// <summary>One quadrature point's share of the element residual and stiffness.</summary>
internal static partial class ElementKernel
{
    /// <summary>
    /// Adds one quadrature point to the element residual and to the upper triangle (j &gt;= i) of the
    /// element stiffness; <see cref="MirrorUpper"/> completes it. The stiffness is symmetric: dP/dF is the
    /// second derivative of the incremental potential, and so is the F-bar term.
    /// </summary>
    static void PointContribution(bool fbar, ElementWorkspace ws, int q, int row, int nn, double s, bool wantStiffness)
    {
        int nd = 2 * nn;
        double jbar = ws.Jbar[row];
        ReadOnlySpan<double> djbar = ws.DJbar.AsSpan(row * ElementWorkspace.MaxDofs, nd);
        ReadOnlySpan<double> dj = ws.DJ.AsSpan(q * ElementWorkspace.MaxDofs, nd);
        ReadOnlySpan<double> grad = ws.GradN.AsSpan(q * nd, nd);
        double dv = ws.Volume0[q], jq = ws.J[q];
        var r = ws.Response;
        double f0 = ws.F[4 * q], f1 = ws.F[4 * q + 1], f2 = ws.F[4 * q + 2], f3 = ws.F[4 * q + 3];
        double pf = r.P0 * f0 + r.P1 * f1 + r.P2 * f2 + r.P3 * f3;
        var ratioBar = ws.RatioBar.AsSpan(0, nd);
        var ratioPoint = ws.RatioPoint.AsSpan(0, nd);
        var alphas = ws.Alpha.AsSpan(0, nd);
        var pdf = ws.PdF.AsSpan(0, nd);
        var bm = ws.B.AsSpan(0, 4 * nd);
        var res = ws.Residual.AsSpan(0, nd);
        // B = dFbar/du = s dF/du + F ds/du, ds/du = s alpha / 2
        for (int i = 0; i < nd; i++)
        {
            double rbar = fbar ? djbar[i] / jbar : 0, rpoint = fbar ? dj[i] / jq : 0;
            ratioBar[i] = rbar;
            ratioPoint[i] = rpoint;
            double alpha = rbar - rpoint;
            alphas[i] = alpha;
            int n = i & ~1;
            double gx = grad[n], gy = grad[n + 1];
            double half = 0.5 * s * alpha;
            var bi = bm.Slice(4 * i, 4);
            bi[0] = half * f0; bi[1] = half * f1; bi[2] = half * f2; bi[3] = half * f3;
            // an x dof touches F0, F1; a y dof F2, F3
            if ((i & 1) == 0) { bi[0] += s * gx; bi[1] += s * gy; pdf[i] = r.P0 * gx + r.P1 * gy; }
            else { bi[2] += s * gx; bi[3] += s * gy; pdf[i] = r.P2 * gx + r.P3 * gy; }
            res[i] += dv * (r.P0 * bi[0] + r.P1 * bi[1] + r.P2 * bi[2] + r.P3 * bi[3]);
        }
        if (!wantStiffness) return;
        ReadOnlySpan<double> t = ws.Tangent.AsSpan(0, 16);
        var ab = ws.AB.AsSpan(0, 4 * nd);
        for (int i = 0; i < nd; i++)
        {
            double b0 = bm[4 * i], b1 = bm[4 * i + 1], b2 = bm[4 * i + 2], b3 = bm[4 * i + 3];
            ab[4 * i] = dv * (t[0] * b0 + t[1] * b1 + t[2] * b2 + t[3] * b3);
            ab[4 * i + 1] = dv * (t[4] * b0 + t[5] * b1 + t[6] * b2 + t[7] * b3);
            ab[4 * i + 2] = dv * (t[8] * b0 + t[9] * b1 + t[10] * b2 + t[11] * b3);
            ab[4 * i + 3] = dv * (t[12] * b0 + t[13] * b1 + t[14] * b2 + t[15] * b3);
        }
        var k = ws.Stiffness.AsSpan(0, nd * nd);
        for (int i = 0; i < nd; i++)
        {
            double b0 = bm[4 * i], b1 = bm[4 * i + 1], b2 = bm[4 * i + 2], b3 = bm[4 * i + 3];
            var kRow = k.Slice(i * nd, nd);
            for (int j = i; j < kRow.Length; j++)
                kRow[j] += b0 * ab[4 * j] + b1 * ab[4 * j + 1] + b2 * ab[4 * j + 2] + b3 * ab[4 * j + 3];
        }
        if (fbar) AddGeometricFbar(ws, ws.DDJbar.AsSpan(row * ElementWorkspace.MaxDofs * ElementWorkspace.MaxDofs, nd * nd), nd, grad, s, jbar, jq, pf, dv);
    }

    /// <summary>
    /// Adds dv P : d2Fbar/du_i du_j (upper triangle) for Fbar = s F: P:dF/du_i ds/du_j (both ways) + (P:F) d2s/du_i du_j with
    /// d2s = s/4 a_i a_j + s/2 (d2Jbar/Jbar - b_i b_j - d2J/J + c_i c_j), b = dJbar/Jbar, c = dJ/J, a = b - c.
    /// The curvature terms of Jbar and J exist only between an x and a y dof (J is bilinear in F).
    /// </summary>
    static void AddGeometricFbar(ElementWorkspace ws, ReadOnlySpan<double> ddjbar, int nd, ReadOnlySpan<double> grad, double s, double jbar, double jq, double pf, double dv)
    {
        double h = 0.5 * s, ph = pf * h, invJbar = 1 / jbar, invJ = 1 / jq;
        var alpha = ws.Alpha.AsSpan(0, nd);
        var rb = ws.RatioBar.AsSpan(0, nd);
        var rp = ws.RatioPoint.AsSpan(0, nd);
        var pdf = ws.PdF.AsSpan(0, nd);
        for (int i = 0; i < nd; i++)
        {
            double ai = alpha[i], bi = rb[i], ci = rp[i], hp = h * pdf[i], hai = h * ai;
            double pai = 0.5 * ph * ai, pbi = ph * bi, pci = ph * ci;
            int m = i >> 1, parity = i & 1;
            double mx = grad[2 * m], my = grad[2 * m + 1];
            var kRow = ws.Stiffness.AsSpan(i * nd, nd);
            var ddRow = ddjbar.Slice(i * nd, nd);
            for (int j = i; j < nd; j++)
                kRow[j] += dv * (hp * alpha[j] + hai * pdf[j] + pai * alpha[j] - pbi * rb[j] + pci * rp[j]);
            // the x-y pairs: j of the other parity, the first of them at i + 1
            double sign = parity == 0 ? 1 : -1;
            for (int j = i + 1; j < nd; j += 2)
            {
                int n = j >> 1;
                double cross = mx * grad[2 * n + 1] - my * grad[2 * n];
                kRow[j] += dv * ph * (ddRow[j] * invJbar - sign * cross * invJ);
            }
        }
    }

    /// <summary>Copies the upper triangle of the nd x nd element stiffness onto its lower triangle.</summary>
    static void MirrorUpper(Span<double> k, int nd)
    {
        for (int i = 1; i < nd; i++)
            for (int j = 0; j < i; j++) k[i * nd + j] = k[j * nd + i];
    }
}
