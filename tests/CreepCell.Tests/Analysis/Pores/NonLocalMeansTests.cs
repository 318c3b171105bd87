using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// The symmetric offset-by-offset non-local means against its definition evaluated pixel by pixel: every pixel the
/// weighted mean over its 21 x 21 window, each weight exp(-d^2 / h^2) from the 7 x 7 patch distance summed term by
/// term over the mirrored map of squared differences, the pixel's own weight the largest of the others'.
/// </summary>
public class NonLocalMeansTests
{
    /// <summary>The definition, with no box sums, no padding and no symmetry: the oracle.</summary>
    static float[] ByDefinition(GrayImage image, double h)
    {
        int w = image.Width, hgt = image.Height, s = NonLocalMeans.Search, p = NonLocalMeans.Patch;
        var src = image.Pixels;
        float At(int x, int y) => src[GaussianBlur.Mirror(y, hgt) * w + GaussianBlur.Mirror(x, w)];
        double norm = 1.0 / ((2 * p + 1) * (2 * p + 1) * h * h);
        var outp = new float[w * hgt];
        for (int y = 0; y < hgt; y++)
            for (int x = 0; x < w; x++)
            {
                double sum = 0, weight = 0, best = 0;
                for (int oy = -s; oy <= s; oy++)
                    for (int ox = -s; ox <= s; ox++)
                    {
                        if (ox == 0 && oy == 0) continue;
                        double d2 = 0;
                        for (int ky = -p; ky <= p; ky++)
                            for (int kx = -p; kx <= p; kx++)
                            {
                                // The squared difference at the mirrored point of the patch, against that point's neighbour at o.
                                int qx = GaussianBlur.Mirror(x + kx, w), qy = GaussianBlur.Mirror(y + ky, hgt);
                                double d = At(qx, qy) - At(qx + ox, qy + oy);
                                d2 += d * d;
                            }
                        double wt = Math.Exp(-d2 * norm);
                        sum += wt * At(x + ox, y + oy);
                        weight += wt;
                        best = Math.Max(best, wt);
                    }
                double self = best > 0 ? best : 1;
                outp[y * w + x] = (float)((sum + self * At(x, y)) / (weight + self));
            }
        return outp;
    }

    /// <summary>
    /// Disks with Gaussian noise at sizes that put every pixel near a border (5 x 9, narrower than the patch in one
    /// direction and the window in both), a single column, and images with an interior (48 x 40, 23 x 31): the fast
    /// filter equals the definition to float rounding, 1e-4 gray levels (a float's spacing at 255 is 1.5e-5).
    /// </summary>
    [Theory]
    [InlineData(48, 40, 30.0)]
    [InlineData(23, 31, 12.0)]
    [InlineData(5, 9, 40.0)]
    [InlineData(1, 12, 25.0)]
    public void SymmetricFilterEqualsTheDefinitionToRounding(int w, int h, double strength)
    {
        var (clean, _) = PoreTestImages.Disks(w, h, (0.3 * w, 0.4 * h, 0.25 * Math.Min(w, h) + 1), (0.75 * w, 0.7 * h, 0.15 * Math.Min(w, h) + 1));
        var noisy = PoreTestImages.AddNoise(clean, 30, 5);
        var fast = NonLocalMeans.Apply(noisy, strength).Pixels;
        var oracle = ByDefinition(noisy, strength);
        double worst = fast.Zip(oracle, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-4, $"largest difference {worst} gray levels");
        // Where there is an interior the filter does something (the noise's mean absolute value is 24 gray levels), so the
        // agreement is not that of two identities; in a single column every patch is mostly mirror and little is averaged.
        double change = fast.Zip(noisy.Pixels, (a, b) => Math.Abs(a - b)).Average();
        if (w > 2 * NonLocalMeans.Search) Assert.True(change > 5, $"mean change {change}");
    }
}
