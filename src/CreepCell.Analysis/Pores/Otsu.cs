namespace CreepCell.Analysis.Pores;

/// <summary>
/// Otsu's threshold: the gray level that maximises the between-class variance of a two-class split of
/// the histogram (N. Otsu, IEEE Trans. Syst. Man Cybern. 9 (1979) 62-66).
/// </summary>
internal static class Otsu
{
    /// <summary>Histograms of integer data wider than this use equal-width bins instead of one bin per level.</summary>
    const int MaxLevels = 65536;
    const int FloatBins = 4096;

    /// <summary>
    /// The threshold t of the values: the dark class is every value at or below t, the bright class every
    /// value above. Integer-valued data (8- and 16-bit images) get one histogram bin per gray level, so t
    /// is a gray level of the data; other data get 4096 equal bins and t is a bin's upper edge.
    /// Ties between equally good splits take the lowest t.
    /// </summary>
    /// <exception cref="ArgumentException">All values are equal (no split exists) or a value is not finite.</exception>
    public static double Threshold(ReadOnlySpan<float> values)
    {
        (float min, float max, bool integral) = Scan(values);
        if (!(max > min)) throw new ArgumentException("all pixels have the same value, so no threshold separates two classes");
        bool unitBins = integral && max - min < MaxLevels;
        int bins = unitBins ? (int)(max - min) + 1 : FloatBins;
        double width = unitBins ? 1.0 : (max - (double)min) / bins;
        var hist = new long[bins];
        foreach (float v in values) hist[Math.Min(bins - 1, (int)((v - (double)min) / width))]++;
        int k = BestSplit(hist);
        return unitBins ? min + k : min + (k + 1) * width;
    }

    static (float Min, float Max, bool Integral) Scan(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        bool integral = true;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) throw new ArgumentException("image contains a value that is not finite");
            if (v < min) min = v;
            if (v > max) max = v;
            if (integral && v != MathF.Floor(v)) integral = false;
        }
        return (min, max, integral);
    }

    /// <summary>Index of the last bin of the dark class that maximises w0 w1 (mu0 - mu1)^2.</summary>
    static int BestSplit(long[] hist)
    {
        double total = 0, sum = 0;
        for (int i = 0; i < hist.Length; i++) { total += hist[i]; sum += (double)i * hist[i]; }
        double w0 = 0, s0 = 0, best = -1;
        int bestK = 0;
        for (int k = 0; k < hist.Length - 1; k++)
        {
            w0 += hist[k];
            s0 += (double)k * hist[k];
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) continue;
            double d = s0 / w0 - (sum - s0) / w1;
            double between = w0 * w1 * d * d;
            if (between > best * (1 + 1e-12)) { best = between; bestK = k; }
        }
        return bestK;
    }
}
