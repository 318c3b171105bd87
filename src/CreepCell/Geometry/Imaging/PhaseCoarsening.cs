namespace CreepCell.Geometry.Imaging;

/// <summary>How <c>coarsen = N</c> gives each N x N block of pixels one phase.</summary>
public enum CoarsenRule
{
    /// <summary>Each phase keeps its pixel area to within one block: ranked assignment under quotas.</summary>
    Area,
    /// <summary>Each block takes its most frequent phase (thin phases shrink or vanish).</summary>
    Majority,
}

/// <summary>
/// Coarsening of a phase map over blocks of n x n pixels. <see cref="Majority"/> gives each block its most
/// frequent phase; a phase thinner than half a block (a binder network one to three pixels wide) then
/// loses most of its area. <see cref="Area"/> keeps every phase's area: phase p receives a quota of
/// blocks equal to its pixel count over n^2 (largest-remainder rounding, so the quotas sum to the block
/// count and each is within one block of the pixel count), and blocks are handed out in ranked order:
/// (block, phase) pairs by the phase's pixels in the block, on ties the scarcer phase first (the abundant
/// one has other blocks to choose from), then by the phase's pixels in the 3 x 3 blocks around (so that a
/// thin phase is kept where it runs on), each pair taken while the block is free and the phase's quota is
/// not full. A block left over (all its phases full) goes to the phase with quota left
/// that has most pixels around it.
/// </summary>
internal static class PhaseCoarsening
{
    public static PhaseMap Coarsen(PhaseMap m, int n, CoarsenRule rule)
    {
        int w = m.Width / n, h = m.Height / n, phases = m.Names.Count;
        var count = new int[w * h * phases];
        for (int y = 0; y < h * n; y++)
            for (int x = 0; x < w * n; x++) count[((y / n) * w + x / n) * phases + m.Phase[y * m.Width + x]]++;
        var phase = rule == CoarsenRule.Majority ? Majority(count, w * h, phases) : Area(count, w, h, phases, n);
        return m with { Width = w, Height = h, Phase = phase, PixelSize = m.PixelSize * n };
    }

    /// <summary>Each block takes its most frequent phase (ties: the lower phase index).</summary>
    static int[] Majority(int[] count, int blocks, int phases)
    {
        var phase = new int[blocks];
        for (int b = 0; b < blocks; b++)
        {
            int best = 0;
            for (int p = 1; p < phases; p++) if (count[b * phases + p] > count[b * phases + best]) best = p;
            phase[b] = best;
        }
        return phase;
    }

    static int[] Area(int[] count, int w, int h, int phases, int n)
    {
        int blocks = w * h;
        var total = new long[phases];
        for (int k = 0; k < count.Length; k++) total[k % phases] += count[k];
        var quota = Quotas(total, blocks, n * n);
        var around = new int[count.Length];
        for (int b = 0; b < blocks; b++)
        {
            int bx = b % w, by = b / w;
            for (int y = Math.Max(0, by - 1); y <= Math.Min(h - 1, by + 1); y++)
                for (int x = Math.Max(0, bx - 1); x <= Math.Min(w - 1, bx + 1); x++)
                    for (int p = 0; p < phases; p++) around[b * phases + p] += count[(y * w + x) * phases + p];
        }
        var pairs = new List<int>();
        for (int k = 0; k < count.Length; k++) if (count[k] > 0) pairs.Add(k);
        pairs.Sort((a, b) => count[a] != count[b] ? count[b].CompareTo(count[a])
            : total[a % phases] != total[b % phases] ? total[a % phases].CompareTo(total[b % phases])
            : around[a] != around[b] ? around[b].CompareTo(around[a]) : a.CompareTo(b));
        var phase = new int[blocks];
        Array.Fill(phase, -1);
        var taken = new int[phases];
        foreach (int k in pairs)
        {
            int b = k / phases, p = k % phases;
            if (phase[b] >= 0 || taken[p] >= quota[p]) continue;
            phase[b] = p;
            taken[p]++;
        }
        for (int b = 0; b < blocks; b++)
        {
            if (phase[b] >= 0) continue;
            int best = -1;
            for (int p = 0; p < phases; p++)
                if (taken[p] < quota[p] && (best < 0 || around[b * phases + p] > around[b * phases + best])) best = p;
            phase[b] = best;
            taken[best]++;
        }
        return phase;
    }

    /// <summary>Blocks per phase: pixels over the block area, rounded by largest remainder (ties: lower index).</summary>
    static int[] Quotas(long[] pixels, int blocks, int blockArea)
    {
        var quota = pixels.Select(c => (int)(c / blockArea)).ToArray();
        int left = blocks - quota.Sum();
        foreach (int p in Enumerable.Range(0, pixels.Length).OrderByDescending(p => pixels[p] % blockArea).ThenBy(p => p).Take(left)) quota[p]++;
        return quota;
    }
}
