using System.Runtime.Intrinsics;
using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Non-local means (Buades, Coll and Morel 2005): each pixel becomes the weighted mean of the pixels in a
/// 21 x 21 window around it, weighted by exp(-d^2 / h^2), where d^2 is the mean squared difference of the
/// 7 x 7 patches around the two pixels; a pixel's own weight is the largest of the others'. Patches that
/// look alike (the same phase, the same side of an edge) are averaged, so noise falls while edges stay.
/// Borders are mirrored: the image is read at mirrored coordinates, and so is the map of squared differences
/// the patch distances are summed from.
/// <para>
/// Computed offset by offset (Darbon, Cunha, Chan, Osher and Jensen, "Fast nonlocal filtering applied to electron
/// cryomicroscopy", ISBI 2008): for one offset o the squared difference of every pixel and its neighbour at o is
/// one image, and the patch distance of every pixel is its 7 x 7 box sum, taken with running sums along rows and
/// then columns (a constant cost per pixel, whatever the patch size). The distance is symmetric, d(i, i + o) =
/// d(i + o, i), so only half of the 440 offsets are computed: in one pass the weight of the pair serves both pixels
/// wherever both patches lie inside the image, and only the pixels near the border, where mirroring breaks the
/// symmetry, have their distance for -o summed on its own. The image and the offsets are read from a copy padded by mirroring,
/// so no index is reflected in the inner loops.
/// </para>
/// </summary>
internal static class NonLocalMeans
{
    /// <summary>Half sizes of the search window (21 x 21) and of the patch (7 x 7).</summary>
    public const int Search = 10, Patch = 3;

    /// <summary>The image filtered with strength <paramref name="h"/> (gray levels, about the noise's standard deviation); the image itself when h is not positive.</summary>
    public static GrayImage Apply(GrayImage image, double h)
    {
        if (!(h > 0)) return image;
        int w = image.Width, hgt = image.Height, n = w * hgt;
        var src = image.Pixels;
        int pw = w + 2 * Search;
        var pad = Padded(src, w, hgt, Search);
        var mx = MirrorMap(w, Patch);
        var my = MirrorMap(hgt, Patch);
        var sum = new double[n];
        var weight = new double[n];
        var best = new double[n];
        var diff = new double[n];
        var rows = new double[n];
        var wt = new double[n];
        double norm = 1.0 / ((2 * Patch + 1) * (2 * Patch + 1) * h * h);
        for (int oy = 0; oy <= Search; oy++)
            for (int ox = oy == 0 ? 1 : -Search; ox <= Search; ox++)
            {
                // Squared differences to the neighbour at +o, their box sums, the weights: all for +o.
                for (int y = 0; y < hgt; y++)
                {
                    int row = y * w, prow = (y + oy + Search) * pw + ox + Search;
                    for (int x = 0; x < w; x++)
                    {
                        double d = src[row + x] - pad[prow + x];
                        diff[row + x] = d * d;
                    }
                }
                BoxSum(diff, rows, wt, w, hgt, mx, my);
                NegativeExp(wt, norm);
                // Each weight serves pixel i (its neighbour at +o) and, where both patches of the pair lie inside the
                // image, pixel j = i + o (its neighbour at -o); rows and columns of that rectangle for j: y0..y1, x0..x1.
                int x0 = Math.Max(Patch, Patch + ox), x1 = Math.Min(w - 1 - Patch, w - 1 - Patch + ox);
                int y0 = Patch + oy, y1 = hgt - 1 - Patch;
                int step = oy * w + ox;
                for (int y = 0; y < hgt; y++)
                {
                    int row = y * w, prow = (y + oy + Search) * pw + ox + Search;
                    bool pairs = y + oy >= y0 && y + oy <= y1 && x0 <= x1;
                    int xa = pairs ? x0 - ox : w, xb = pairs ? x1 - ox : w - 1;
                    for (int x = 0; x < w; x++)
                    {
                        int i = row + x;
                        double q = wt[i];
                        sum[i] += q * pad[prow + x];
                        weight[i] += q;
                        if (q > best[i]) best[i] = q;
                        if (x < xa || x > xb) continue;
                        int j = i + step;
                        sum[j] += q * src[i];
                        weight[j] += q;
                        if (q > best[j]) best[j] = q;
                    }
                }
                // -o for the pixels outside that rectangle, near the border, where mirroring breaks the symmetry.
                for (int y = 0; y < hgt; y++)
                {
                    int row = y * w, prow = (y - oy + Search) * pw - ox + Search;
                    bool inner = y >= y0 && y <= y1 && x0 <= x1;
                    for (int x = 0; x < w; x++)
                    {
                        if (inner && x == x0) { x = x1; continue; } // the pairs covered these; x++ moves past them
                        int j = row + x;
                        double q = Math.Exp(-BorderDistance(src, pad, x, y, -ox, -oy, w, pw, mx, my) * norm);
                        sum[j] += q * pad[prow + x];
                        weight[j] += q;
                        if (q > best[j]) best[j] = q;
                    }
                }
            }
        var outp = new float[n];
        for (int i = 0; i < n; i++)
        {
            double self = best[i] > 0 ? best[i] : 1;
            outp[i] = (float)((sum[i] + self * src[i]) / (weight[i] + self));
        }
        return new GrayImage(w, hgt, outp, image.Source);
    }

    /// <summary>v = exp(-v scale) in place, four at a time where the processor has 256-bit vectors (to within an ulp of Math.Exp).</summary>
    static void NegativeExp(double[] v, double scale)
    {
        var span = v.AsSpan();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= span.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                Vector256.Exp(Vector256.Create<double>(span.Slice(i, Vector256<double>.Count)) * -scale).CopyTo(span.Slice(i));
        for (; i < span.Length; i++) span[i] = Math.Exp(-span[i] * scale);
    }

    /// <summary>The image with <paramref name="r"/> mirrored pixels added on every side, row by row.</summary>
    static float[] Padded(float[] src, int w, int h, int r)
    {
        int pw = w + 2 * r, ph = h + 2 * r;
        var pad = new float[pw * ph];
        for (int y = 0; y < ph; y++)
        {
            int sy = GaussianBlur.Mirror(y - r, h) * w;
            for (int x = 0; x < pw; x++) pad[y * pw + x] = src[sy + GaussianBlur.Mirror(x - r, w)];
        }
        return pad;
    }

    /// <summary>Mirrored index of i - r for i = 0 .. n - 1 + 2r.</summary>
    static int[] MirrorMap(int n, int r)
    {
        var m = new int[n + 2 * r];
        for (int i = 0; i < m.Length; i++) m[i] = GaussianBlur.Mirror(i - r, n);
        return m;
    }

    /// <summary>
    /// Sum over the (2 Patch + 1)^2 square around each pixel, the map mirrored at the borders: running sums along each
    /// row into <paramref name="rows"/>, then down the columns into <paramref name="result"/>.
    /// </summary>
    static void BoxSum(double[] v, double[] rows, double[] result, int w, int h, int[] mx, int[] my)
    {
        const int k = 2 * Patch + 1;
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            double s = 0;
            for (int t = 0; t < k; t++) s += v[row + mx[t]];
            rows[row] = s;
            for (int x = 1; x < w; x++)
            {
                s += v[row + mx[x + k - 1]] - v[row + mx[x - 1]];
                rows[row + x] = s;
            }
        }
        // Down the columns, a row at a time: the first row sums its k mirrored rows, each next row adds one and drops one.
        Array.Clear(result, 0, w);
        for (int t = 0; t < k; t++)
        {
            int r = my[t] * w;
            for (int x = 0; x < w; x++) result[x] += rows[r + x];
        }
        for (int y = 1; y < h; y++)
        {
            int row = y * w, prev = row - w, add = my[y + k - 1] * w, drop = my[y - 1] * w;
            for (int x = 0; x < w; x++) result[row + x] = result[prev + x] + rows[add + x] - rows[drop + x];
        }
    }

    /// <summary>
    /// Patch distance (the sum of squared differences) of pixel (x, y) and its neighbour at (ox, oy), the map of
    /// squared differences read at mirrored coordinates: for the pixels where the symmetry with -o does not hold.
    /// </summary>
    static double BorderDistance(float[] src, float[] pad, int x, int y, int ox, int oy, int w, int pw, int[] mx, int[] my)
    {
        double s = 0;
        for (int ky = 0; ky <= 2 * Patch; ky++)
        {
            int qy = my[y + ky];
            for (int kx = 0; kx <= 2 * Patch; kx++)
            {
                int qx = mx[x + kx];
                double d = src[qy * w + qx] - pad[(qy + oy + Search) * pw + qx + ox + Search];
                s += d * d;
            }
        }
        return s;
    }
}
