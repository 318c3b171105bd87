namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Exact Euclidean distance transform (P. Felzenszwalb and D. Huttenlocher, Distance transforms of
/// sampled functions, Theory of Computing 8 (2012) 415-428): separable lower envelopes of parabolas, one
/// pass along rows and one along columns, O(pixels).
/// </summary>
internal static class DistanceTransform
{
    /// <summary>Distance from each pixel centre to the nearest background pixel centre (0 on the background).
    /// Pixels outside the image are not background.</summary>
    public static double[] Euclidean(bool[] background, int w, int h)
    {
        const double inf = 1e20;
        var f = new double[background.Length];
        for (int i = 0; i < f.Length; i++) f[i] = background[i] ? 0 : inf;
        var line = new double[Math.Max(w, h)];
        var result = new double[Math.Max(w, h)];
        var v = new int[Math.Max(w, h)];
        var z = new double[Math.Max(w, h) + 1];
        for (int x = 0; x < w; x++)
        {
            for (int y = 0; y < h; y++) line[y] = f[y * w + x];
            Envelope(line, h, result, v, z);
            for (int y = 0; y < h; y++) f[y * w + x] = result[y];
        }
        for (int y = 0; y < h; y++)
        {
            Array.Copy(f, y * w, line, 0, w);
            Envelope(line, w, result, v, z);
            Array.Copy(result, 0, f, y * w, w);
        }
        for (int i = 0; i < f.Length; i++) f[i] = f[i] >= inf ? double.PositiveInfinity : Math.Sqrt(f[i]);
        return f;
    }

    /// <summary>d(q) = min_p (q - p)^2 + f(p) over the n samples.</summary>
    static void Envelope(double[] f, int n, double[] d, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, v[k]);
            while (s <= z[k])
            {
                k--;
                s = Intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            d[q] = (double)(q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }

    /// <summary>Where the parabolas rooted at q and p intersect.</summary>
    static double Intersection(double[] f, int q, int p) => (f[q] + (double)q * q - (f[p] + (double)p * p)) / (2.0 * q - 2.0 * p);
}
