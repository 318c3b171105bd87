using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Non-local means (Buades, Coll and Morel 2005): each pixel becomes the weighted mean of the pixels in a
/// 21 x 21 window around it, weighted by exp(-d^2 / h^2), where d^2 is the mean squared difference of the
/// 7 x 7 patches around the two pixels; a pixel's own weight is the largest of the others'. Patches that
/// look alike (the same phase, the same side of an edge) are averaged, so noise falls while edges stay.
/// Computed offset by offset: the patch distance of one offset for every pixel is a box sum of squared
/// differences, so the cost is (pixels x window), independent of the patch size. Borders are mirrored.
/// </summary>
internal static class NonLocalMeans
{
    const int Search = 10, Patch = 3;

    public static GrayImage Apply(GrayImage image, double h)
    {
        if (!(h > 0)) return image;
        int w = image.Width, hgt = image.Height, n = w * hgt;
        var src = image.Pixels;
        var sum = new double[n];
        var weight = new double[n];
        var best = new double[n];
        var diff = new double[n];
        var box = new double[n];
        double norm = 1.0 / ((2 * Patch + 1) * (2 * Patch + 1) * h * h);
        for (int oy = -Search; oy <= Search; oy++)
            for (int ox = -Search; ox <= Search; ox++)
            {
                if (ox == 0 && oy == 0) continue;
                for (int y = 0; y < hgt; y++)
                    for (int x = 0; x < w; x++)
                    {
                        double d = src[y * w + x] - src[At(x + ox, y + oy, w, hgt)];
                        diff[y * w + x] = d * d;
                    }
                BoxSum(diff, box, w, hgt);
                for (int y = 0; y < hgt; y++)
                    for (int x = 0; x < w; x++)
                    {
                        int i = y * w + x;
                        double wt = Math.Exp(-box[i] * norm);
                        sum[i] += wt * src[At(x + ox, y + oy, w, hgt)];
                        weight[i] += wt;
                        if (wt > best[i]) best[i] = wt;
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

    static int At(int x, int y, int w, int h) => GaussianBlur.Mirror(y, h) * w + GaussianBlur.Mirror(x, w);

    /// <summary>Sum over the (2 Patch + 1)^2 square around each pixel, mirrored at the borders, in two 1D passes.</summary>
    static void BoxSum(double[] v, double[] result, int w, int h)
    {
        var rows = new double[v.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double s = 0;
                for (int k = -Patch; k <= Patch; k++) s += v[y * w + GaussianBlur.Mirror(x + k, w)];
                rows[y * w + x] = s;
            }
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double s = 0;
                for (int k = -Patch; k <= Patch; k++) s += rows[GaussianBlur.Mirror(y + k, h) * w + x];
                result[y * w + x] = s;
            }
    }
}
