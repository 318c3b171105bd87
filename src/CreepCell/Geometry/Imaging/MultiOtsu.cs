namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Multi-level Otsu thresholds: the k - 1 grey levels that split the histogram into k classes of
/// largest between-class variance, sum_c w_c mu_c^2 (Liao, Chen and Chung, J. Inf. Sci. Eng. 17 (2001)
/// 713-727), by exhaustive search over a histogram of at most 256 bins. Integer data spanning at most 256
/// levels get one bin per level, so thresholds are grey levels of the data; other data get 256 equal bins
/// and a threshold is a bin's upper edge. Class c holds the values above threshold c - 1 up to threshold c.
/// </summary>
internal static class MultiOtsu
{
    const int Bins = 256;

    public static double[] Thresholds(float[] values, int classes)
    {
        if (classes is < 2 or > 4) throw new ArgumentOutOfRangeException(nameof(classes), "multi-level Otsu handles 2 to 4 classes");
        float min = values.Min(), max = values.Max();
        if (!(max > min)) throw new ArgumentException("all pixels have the same value, so no threshold separates the classes");
        bool unit = values.All(v => v == MathF.Floor(v)) && max - min < Bins;
        int bins = unit ? (int)(max - min) + 1 : Bins;
        double width = unit ? 1 : (max - (double)min) / bins;
        var hist = new double[bins];
        foreach (float v in values) hist[Math.Min(bins - 1, (int)((v - (double)min) / width))]++;
        var cuts = BestCuts(hist, classes - 1);
        return cuts.Select(k => unit ? min + k : min + (k + 1) * width).ToArray();
    }

    /// <summary>Last bin of each class but the last, maximising sum_c S_c^2 / W_c (prefix sums).</summary>
    static int[] BestCuts(double[] hist, int cuts)
    {
        int n = hist.Length;
        var w = new double[n + 1];
        var s = new double[n + 1];
        for (int i = 0; i < n; i++) { w[i + 1] = w[i] + hist[i]; s[i + 1] = s[i] + i * hist[i]; }
        double Term(int from, int to) => w[to] - w[from] > 0 ? Math.Pow(s[to] - s[from], 2) / (w[to] - w[from]) : double.NegativeInfinity;
        double best = double.NegativeInfinity;
        int[] bestCuts = Enumerable.Range(0, cuts).ToArray();
        var k = new int[cuts];
        void Search(int level, int start, double sum)
        {
            if (level == cuts)
            {
                double total = sum + Term(start, n);
                if (total > best) { best = total; bestCuts = (int[])k.Clone(); }
                return;
            }
            for (int c = start; c < n - (cuts - level); c++)
            {
                k[level] = c;
                double t = Term(start, c + 1);
                if (double.IsNegativeInfinity(t)) continue;
                Search(level + 1, c + 1, sum + t);
            }
        }
        Search(0, 0, 0);
        if (double.IsNegativeInfinity(best)) throw new ArgumentException($"the histogram has fewer than {cuts + 1} occupied grey levels");
        return bestCuts;
    }
}
