namespace CreepCell.Analysis.Pores;

/// <summary>
/// Exact Euclidean distance transform of a voxel volume (Felzenszwalb and Huttenlocher, "Distance transforms
/// of sampled functions", Theory of Computing 8 (2012) 415): the squared distance is separable, so three 1D
/// lower-envelope passes along x, y and z give every voxel its distance (in voxels) to the nearest background voxel.
/// </summary>
internal static class DistanceTransform3D
{
    /// <summary>Stands for "no background on this line yet"; finite so the envelope arithmetic stays exact.</summary>
    const double Far = 1e20;

    /// <summary>Distance of each voxel (index (z h + y) w + x) to the nearest background voxel; +infinity without any.</summary>
    public static double[] Euclidean(bool[] background, int w, int h, int d)
    {
        var f = new double[background.Length];
        for (int i = 0; i < f.Length; i++) f[i] = background[i] ? 0 : Far;
        int n = Math.Max(w, Math.Max(h, d));
        var line = new double[n]; var outLine = new double[n]; var v = new int[n]; var z = new double[n + 1];
        void Pass(int count, int stride, Func<int, int> start)
        {
            for (int s = 0; s < (long)w * h * d / count; s++)
            {
                int b = start(s);
                for (int q = 0; q < count; q++) line[q] = f[b + q * stride];
                Envelope(line, count, outLine, v, z);
                for (int q = 0; q < count; q++) f[b + q * stride] = outLine[q];
            }
        }
        Pass(w, 1, s => s * w);                                   // rows along x: s = z h + y
        Pass(h, w, s => (s / w) * w * h + s % w);                 // columns along y: s = z w + x
        Pass(d, w * h, s => s);                                   // pillars along z: s = y w + x
        for (int i = 0; i < f.Length; i++) f[i] = f[i] >= Far / 2 ? double.PositiveInfinity : Math.Sqrt(f[i]);
        return f;
    }

    /// <summary>Lower envelope of the parabolas (q - p)^2 + f(p), sampled at q = 0..n-1.</summary>
    static void Envelope(double[] f, int n, double[] d, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0; z[0] = double.NegativeInfinity; z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, v[k]);
            while (s <= z[k]) { k--; s = Intersection(f, q, v[k]); }
            k++; v[k] = q; z[k] = s; z[k + 1] = double.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            d[q] = (double)(q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }

    static double Intersection(double[] f, int q, int p) => (f[q] + (double)q * q - (f[p] + (double)p * p)) / (2.0 * q - 2.0 * p);
}
