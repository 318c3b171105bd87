namespace CreepCell.Analysis.Pores;

/// <summary>
/// Integer-pixel drift between two pore masks: the shift (dx, dy) of the current frame against the previous
/// one that maximises the intersection over union of the two pore masks in their overlapping window.
/// Small searches are exhaustive. Large ones first search exhaustively on 4 x 4 blocks (block pore
/// fractions, compared by their fuzzy intersection over union, sum of minima over sum of maxima), then
/// refine at full resolution within one block of the coarse optimum; the cost drops by about 16 times.
/// </summary>
internal static class Drift
{
    const int Block = 4;

    public static (int Dx, int Dy) Estimate(LabelMap previous, LabelMap current, int maxShift)
    {
        if (maxShift <= 0) return (0, 0);
        int w = current.Width, h = current.Height;
        int m = Math.Min(maxShift, Math.Min(w, h) / 2);
        var prev = Fractions(previous.Labels, 1, w, h);
        var cur = Fractions(current.Labels, 1, w, h);
        if (m <= 2 * Block || Math.Min(w, h) < 16 * Block) return Search(prev, cur, w, h, -m, m, -m, m);
        int cw = w / Block, ch = h / Block, cm = (m + Block - 1) / Block;
        var (cx, cy) = Search(Fractions(previous.Labels, Block, w, h), Fractions(current.Labels, Block, w, h), cw, ch, -cm, cm, -cm, cm);
        return Search(prev, cur, w, h,
            Math.Max(-m, cx * Block - Block), Math.Min(m, cx * Block + Block), Math.Max(-m, cy * Block - Block), Math.Min(m, cy * Block + Block));
    }

    /// <summary>Pore fraction of each block x block tile of the label map (whole tiles only).</summary>
    static float[] Fractions(int[] labels, int block, int w, int h)
    {
        int bw = w / block, bh = h / block;
        var f = new float[bw * bh];
        float unit = 1f / (block * block);
        for (int y = 0; y < bh * block; y++)
            for (int x = 0; x < bw * block; x++)
                if (labels[y * w + x] != 0) f[y / block * bw + x / block] += unit;
        return f;
    }

    /// <summary>Best shift in the given ranges; ties go to the smaller shift.</summary>
    static (int, int) Search(float[] prev, float[] cur, int w, int h, int dx0, int dx1, int dy0, int dy1)
    {
        double best = -1;
        (int X, int Y) shift = (0, 0);
        for (int dy = dy0; dy <= dy1; dy++)
            for (int dx = dx0; dx <= dx1; dx++)
            {
                double s = Score(prev, cur, w, h, dx, dy);
                bool closer = Math.Abs(dx) + Math.Abs(dy) < Math.Abs(shift.X) + Math.Abs(shift.Y);
                if (s > best * (1 + 1e-12) || (s >= best * (1 - 1e-12) && closer)) { best = s; shift = (dx, dy); }
            }
        return shift;
    }

    /// <summary>Sum of minima over sum of maxima of the pore fractions (for 0/1 masks: intersection over
    /// union) in the common window, with current(x, y) compared to previous(x - dx, y - dy).</summary>
    static double Score(float[] prev, float[] cur, int w, int h, int dx, int dy)
    {
        int x0 = Math.Max(0, dx), x1 = Math.Min(w, w + dx), y0 = Math.Max(0, dy), y1 = Math.Min(h, h + dy);
        double both = 0, either = 0;
        for (int y = y0; y < y1; y++)
        {
            int rc = y * w, rp = (y - dy) * w - dx;
            for (int x = x0; x < x1; x++)
            {
                float c = cur[rc + x], p = prev[rp + x];
                both += Math.Min(c, p);
                either += Math.Max(c, p);
            }
        }
        return either == 0 ? 0 : both / either;
    }
}
