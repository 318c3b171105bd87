namespace CreepCell.Sparse;

/// <summary>Triangular solves with the supernodal factor: L y = b, D z = y, L^T x = z (Davis 2006, section 4.6), column-oriented per supernode.</summary>
static class Substitution
{
    public static void Forward(SupernodalSymbolic s, double[] l, double[] y)
    {
        for (int sn = 0; sn < s.SupernodeCount; sn++)
        {
            int f = s.SuperStart[sn], k = s.SuperStart[sn + 1] - f, m = s.RowPtr[sn + 1] - s.RowPtr[sn];
            var rows = new ReadOnlySpan<int>(s.RowIndex, s.RowPtr[sn], m);
            long off = s.ValueOffset[sn];
            for (int c = 0; c < k; c++)
            {
                double yc = y[f + c];
                if (yc == 0) continue;
                var col = new ReadOnlySpan<double>(l, (int)(off + (long)c * m), m);
                for (int i = c + 1; i < k; i++) y[f + i] -= col[i] * yc;
                for (int i = k; i < m; i++) y[rows[i]] -= col[i] * yc;
            }
        }
    }

    public static void Diagonal(SupernodalSymbolic s, double[] l, double[] y)
    {
        for (int sn = 0; sn < s.SupernodeCount; sn++)
        {
            int f = s.SuperStart[sn], k = s.SuperStart[sn + 1] - f, m = s.RowPtr[sn + 1] - s.RowPtr[sn];
            long off = s.ValueOffset[sn];
            for (int c = 0; c < k; c++) y[f + c] /= l[off + (long)c * m + c];
        }
    }

    public static void Backward(SupernodalSymbolic s, double[] l, double[] y)
    {
        for (int sn = s.SupernodeCount - 1; sn >= 0; sn--)
        {
            int f = s.SuperStart[sn], k = s.SuperStart[sn + 1] - f, m = s.RowPtr[sn + 1] - s.RowPtr[sn];
            var rows = new ReadOnlySpan<int>(s.RowIndex, s.RowPtr[sn], m);
            long off = s.ValueOffset[sn];
            for (int c = k - 1; c >= 0; c--)
            {
                var col = new ReadOnlySpan<double>(l, (int)(off + (long)c * m), m);
                double sum = y[f + c];
                for (int i = c + 1; i < k; i++) sum -= col[i] * y[f + i];
                for (int i = k; i < m; i++) sum -= col[i] * y[rows[i]];
                y[f + c] = sum;
            }
        }
    }
}
