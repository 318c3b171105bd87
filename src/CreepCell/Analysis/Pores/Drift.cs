namespace CreepCell.Analysis.Pores;

/// <summary>
/// Integer-pixel drift between two pore masks: the shift (dx, dy) of the current frame against the previous
/// one that maximises the fraction of the overlapping window where both masks agree on pore pixels
/// (exhaustive search, so it cannot lock onto a local optimum within the search range).
/// </summary>
public static class Drift
{
    public static (int Dx, int Dy) Estimate(LabelMap previous, LabelMap current, int maxShift)
    {
        if (maxShift <= 0) return (0, 0);
        int w = current.Width, h = current.Height;
        int m = Math.Min(maxShift, Math.Min(w, h) / 2);
        double best = -1;
        (int, int) shift = (0, 0);
        for (int dy = -m; dy <= m; dy++)
            for (int dx = -m; dx <= m; dx++)
            {
                double s = Score(previous.Labels, current.Labels, w, h, dx, dy);
                bool closer = Math.Abs(dx) + Math.Abs(dy) < Math.Abs(shift.Item1) + Math.Abs(shift.Item2);
                if (s > best * (1 + 1e-12) || (s >= best * (1 - 1e-12) && closer)) { best = s; shift = (dx, dy); }
            }
        return shift;
    }

    /// <summary>Pixels that are pore in both frames over pixels that are pore in either, in the common window, with current(x, y) ~ previous(x - dx, y - dy).</summary>
    static double Score(int[] prev, int[] cur, int w, int h, int dx, int dy)
    {
        int x0 = Math.Max(0, dx), x1 = Math.Min(w, w + dx), y0 = Math.Max(0, dy), y1 = Math.Min(h, h + dy);
        long both = 0, either = 0;
        for (int y = y0; y < y1; y++)
        {
            int rc = y * w, rp = (y - dy) * w - dx;
            for (int x = x0; x < x1; x++)
            {
                bool c = cur[rc + x] != 0, p = prev[rp + x] != 0;
                if (c && p) both++;
                if (c || p) either++;
            }
        }
        return either == 0 ? 0 : (double)both / either;
    }
}
