using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CreepCell.Sparse;

/// <summary>
/// Partial LDL^T factorization of a dense frontal matrix (column-major, m x m, lower triangle
/// used): the first k columns are eliminated, leaving L (unit lower, D on the diagonal) in those
/// columns and the Schur complement in the trailing block. Blocked right-looking: a panel of
/// columns is factored left-looking with vector axpys, then the trailing lower triangle receives
/// C -= L_p D_p L_p^T through packed 8 x 4 register tiles with fused multiply-add (the GEMM layout
/// of Goto and van de Geijn, ACM TOMS 34(3), 2008). The trailing update may be split over threads
/// by column tiles; every entry is computed by the same instruction sequence whatever the split,
/// so results are bitwise independent of the thread count.
/// </summary>
sealed unsafe class DenseLdl
{
    const int Panel = 96;
    const int MR = 8, NR = 4;
    const double ParallelFlops = 4e6;

    double[] packA = new double[64], packB = new double[64];
    readonly int threads;

    public DenseLdl(int threads) { this.threads = Math.Max(1, threads); }

    /// <summary>
    /// Factors columns 0..k-1 of f (leading dimension m). Returns the local index of the first
    /// failing pivot, or -1. Pivot j fails when |d| &lt;= tiny[j], or d &lt;= tiny[j] with positive = true.
    /// </summary>
    public int Factor(double[] f, int m, int k, bool positive, double[] tiny)
    {
        fixed (double* pf = f)
        {
            for (int j0 = 0; j0 < k; j0 += Panel)
            {
                int j1 = Math.Min(j0 + Panel, k);
                int bad = FactorPanel(pf, m, j0, j1, positive, tiny);
                if (bad >= 0) return bad;
                if (j1 < m) UpdateTrailing(pf, m, j0, j1);
            }
        }
        return -1;
    }

    static int FactorPanel(double* f, int m, int j0, int j1, bool positive, double[] tiny)
    {
        for (int j = j0; j < j1; j++)
        {
            double* cj = f + (long)j * m;
            for (int t = j0; t < j; t++)
            {
                double* ct = f + (long)t * m;
                double s = ct[j] * ct[t];
                if (s != 0) Axpy(cj + j, ct + j, -s, m - j);
            }
            double d = cj[j];
            bool fails = positive ? !(d > tiny[j]) : !(Math.Abs(d) > tiny[j]);
            if (fails) return j;
            Scale(cj + j + 1, 1.0 / d, m - j - 1);
        }
        return -1;
    }

    static void Axpy(double* y, double* x, double a, int n)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            var va = Vector256.Create(a);
            for (; i + 4 <= n; i += 4)
                Avx.Store(y + i, Fma.MultiplyAdd(va, Avx.LoadVector256(x + i), Avx.LoadVector256(y + i)));
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    static void Scale(double* y, double a, int n)
    {
        int i = 0;
        var va = Vector256.Create(a);
        for (; i + 4 <= n; i += 4) Vector256.Store(Vector256.Load(y + i) * va, y + i);
        for (; i < n; i++) y[i] *= a;
    }

    /// <summary>Trailing columns c ≥ j1, rows r ≥ c: F(r,c) -= Σ_t L(r,t) D_t L(c,t) over the panel t in [j0, j1).</summary>
    void UpdateTrailing(double* f, int m, int j0, int j1)
    {
        int nt = j1 - j0, rows = m - j1;
        int rowTiles = (rows + MR - 1) / MR, colTiles = (rows + NR - 1) / NR;
        EnsureCapacity(ref packA, (long)rowTiles * MR * nt);
        EnsureCapacity(ref packB, (long)colTiles * NR * nt);
        fixed (double* pa = packA, pb = packB)
        {
            Pack(f, m, j0, j1, pa, pb, rowTiles, colTiles);
            double flops = (double)rows * rows * nt;
            if (threads == 1 || flops < ParallelFlops)
            {
                TileRange(f, m, j1, nt, pa, pb, 0, colTiles);
                return;
            }
            int split = BalancedSplit(colTiles, rows);
            double* fc = f; double* pac = pa; double* pbc = pb;
            nint fi = (nint)fc, ai = (nint)pac, bi = (nint)pbc;
            Parallel.Invoke(
                () => TileRange((double*)fi, m, j1, nt, (double*)ai, (double*)bi, 0, split),
                () => TileRange((double*)fi, m, j1, nt, (double*)ai, (double*)bi, split, colTiles));
        }
    }

    static int BalancedSplit(int colTiles, int rows)
    {
        // work of a column tile is proportional to the rows below it; split the triangle in halves
        double total = (double)rows * rows / 2, acc = 0;
        for (int ct = 0; ct < colTiles; ct++)
        {
            acc += (double)(rows - ct * NR) * NR;
            if (acc >= total / 2) return ct + 1;
        }
        return colTiles;
    }

    static void EnsureCapacity(ref double[] a, long size)
    {
        if (a.Length < size) a = new double[Math.Max(size, a.Length * 2L)];
    }

    static void Pack(double* f, int m, int j0, int j1, double* pa, double* pb, int rowTiles, int colTiles)
    {
        int nt = j1 - j0;
        for (int rt = 0; rt < rowTiles; rt++)
        {
            double* dst = pa + (long)rt * nt * MR;
            int r0 = j1 + rt * MR;
            for (int t = 0; t < nt; t++)
            {
                double* col = f + (long)(j0 + t) * m;
                for (int q = 0; q < MR; q++) dst[t * MR + q] = r0 + q < m ? col[r0 + q] : 0.0;
            }
        }
        for (int ct = 0; ct < colTiles; ct++)
        {
            double* dst = pb + (long)ct * nt * NR;
            int c0 = j1 + ct * NR;
            for (int t = 0; t < nt; t++)
            {
                double* col = f + (long)(j0 + t) * m;
                double d = col[j0 + t];
                for (int q = 0; q < NR; q++) dst[t * NR + q] = c0 + q < m ? col[c0 + q] * d : 0.0;
            }
        }
    }

    static void TileRange(double* f, int m, int j1, int nt, double* pa, double* pb, int ct0, int ct1)
    {
        double* acc = stackalloc double[MR * NR];
        for (int ct = ct0; ct < ct1; ct++)
        {
            int c0 = j1 + ct * NR;
            double* b = pb + (long)ct * nt * NR;
            for (int rt = ct * NR / MR, r0 = j1 + rt * MR; r0 < m; rt++, r0 += MR)
            {
                Kernel(pa + (long)rt * nt * MR, b, nt, acc);
                Store(f, m, r0, c0, acc);
            }
        }
    }

    static void Kernel(double* a, double* b, int nt, double* acc)
    {
        if (!Fma.IsSupported)
        {
            ScalarKernel(a, b, nt, acc);
            return;
        }
        Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default;
        for (int t = 0; t < nt; t++, a += MR, b += NR)
        {
            var a0 = Avx.LoadVector256(a);
            var a1 = Avx.LoadVector256(a + 4);
            var b0 = Vector256.Create(b[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00); c10 = Fma.MultiplyAdd(a1, b0, c10);
            var b1 = Vector256.Create(b[1]);
            c01 = Fma.MultiplyAdd(a0, b1, c01); c11 = Fma.MultiplyAdd(a1, b1, c11);
            var b2 = Vector256.Create(b[2]);
            c02 = Fma.MultiplyAdd(a0, b2, c02); c12 = Fma.MultiplyAdd(a1, b2, c12);
            var b3 = Vector256.Create(b[3]);
            c03 = Fma.MultiplyAdd(a0, b3, c03); c13 = Fma.MultiplyAdd(a1, b3, c13);
        }
        Avx.Store(acc, c00); Avx.Store(acc + 4, c10);
        Avx.Store(acc + 8, c01); Avx.Store(acc + 12, c11);
        Avx.Store(acc + 16, c02); Avx.Store(acc + 20, c12);
        Avx.Store(acc + 24, c03); Avx.Store(acc + 28, c13);
    }

    static void ScalarKernel(double* a, double* b, int nt, double* acc)
    {
        for (int x = 0; x < MR * NR; x++) acc[x] = 0;
        for (int t = 0; t < nt; t++, a += MR, b += NR)
            for (int q = 0; q < NR; q++)
                for (int i = 0; i < MR; i++) acc[q * MR + i] += a[i] * b[q];
    }

    /// <summary>Subtracts the 8 x 4 tile (acc, column-major) from F, lower triangle and inside the matrix only.</summary>
    static void Store(double* f, int m, int r0, int c0, double* acc)
    {
        bool interior = Avx.IsSupported && r0 + MR <= m && c0 + NR <= m && r0 >= c0 + NR - 1;
        for (int q = 0; q < NR; q++)
        {
            int c = c0 + q;
            if (c >= m) break;
            double* col = f + (long)c * m;
            double* src = acc + q * MR;
            if (interior)
            {
                Avx.Store(col + r0, Avx.Subtract(Avx.LoadVector256(col + r0), Avx.LoadVector256(src)));
                Avx.Store(col + r0 + 4, Avx.Subtract(Avx.LoadVector256(col + r0 + 4), Avx.LoadVector256(src + 4)));
                continue;
            }
            for (int i = 0; i < MR; i++)
            {
                int r = r0 + i;
                if (r >= m) break;
                if (r >= c) col[r] -= src[i];
            }
        }
    }
}
