using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>Separable Gaussian smoothing with mirrored borders; the kernel reaches 3 sigma and sums to one.</summary>
internal static class GaussianBlur
{
    public static GrayImage Apply(GrayImage image, double sigma)
    {
        if (!(sigma > 0)) return image;
        var kernel = Kernel(sigma);
        var tmp = new float[image.Pixels.Length];
        var outp = new float[image.Pixels.Length];
        int w = image.Width, h = image.Height, r = kernel.Length / 2;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double s = 0;
                for (int k = -r; k <= r; k++) s += kernel[k + r] * image.Pixels[y * w + Mirror(x + k, w)];
                tmp[y * w + x] = (float)s;
            }
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double s = 0;
                for (int k = -r; k <= r; k++) s += kernel[k + r] * tmp[Mirror(y + k, h) * w + x];
                outp[y * w + x] = (float)s;
            }
        return new GrayImage(w, h, outp, image.Source);
    }

    static double[] Kernel(double sigma)
    {
        int r = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) s += k[i + r] = Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (int i = 0; i < k.Length; i++) k[i] /= s;
        return k;
    }

    /// <summary>Reflects an index into 0..n-1 about the edge pixels (…2 1 0 1 2…).</summary>
    internal static int Mirror(int i, int n)
    {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - i;
    }
}
