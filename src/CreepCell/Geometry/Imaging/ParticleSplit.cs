namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Splits touching particles of one phase into bodies by a watershed of the Euclidean distance transform
/// (the classic split of touching grains, e.g. Beucher and Meyer 1993): every 4-connected region of a
/// solid phase is flooded from its distance maxima downwards, each pixel joining the basin of its
/// highest-peaked 4-neighbour; where two basins meet, the distance there is the half-width of the neck
/// between them. Basins are then merged, highest saddle first, unless the neck is narrow: they stay apart
/// only where saddle &lt; neck ratio x the smaller of the two peaks (the inscribed radii), and a basin
/// smaller than the minimum area always merges. A disk therefore stays whole (its saddles equal its
/// peak), and two disks that touch over a short contact come apart.
/// </summary>
internal static class ParticleSplit
{
    /// <summary>Body index per pixel (-1 for the void) and the phase of each body.</summary>
    public static (int[] Body, List<int> PhaseOfBody) Split(int[] phase, int w, int h, int voidIndex, double neckRatio, int minArea)
    {
        var background = new bool[phase.Length];
        for (int i = 0; i < phase.Length; i++)
            foreach (int j in Grid.Neighbours4(i, w, h))
                if (phase[j] != phase[i]) { background[i] = true; break; }
        // distance from the region's edge pixels; an edge pixel itself is half a pixel from the boundary
        var dist = DistanceTransform.Euclidean(background, w, h);
        var body = new int[phase.Length];
        Array.Fill(body, -1);
        var phaseOfBody = new List<int>();
        foreach (var region in Islands.Regions(phase, w, h))
        {
            int p = phase[region[0]];
            if (p == voidIndex) continue;
            foreach (var basin in Basins(region, dist, w, h, neckRatio, minArea))
            {
                foreach (int i in basin) body[i] = phaseOfBody.Count;
                phaseOfBody.Add(p);
            }
        }
        return (body, phaseOfBody);
    }

    static List<List<int>> Basins(List<int> region, double[] dist, int w, int h, double neckRatio, int minArea)
    {
        var order = region.OrderByDescending(i => dist[i]).ThenBy(i => i).ToArray();
        var basinOf = new Dictionary<int, int>(region.Count);
        var peak = new List<double>();
        var saddles = new Dictionary<(int, int), double>();
        var near = new List<int>(4);
        foreach (int i in order)
        {
            near.Clear();
            foreach (int j in Grid.Neighbours4(i, w, h))
                if (basinOf.TryGetValue(j, out int b) && !near.Contains(b)) near.Add(b);
            if (near.Count == 0)
            {
                basinOf[i] = peak.Count;
                peak.Add(dist[i]);
                continue;
            }
            basinOf[i] = near.OrderByDescending(b => peak[b]).ThenBy(b => b).First();
            for (int a = 0; a < near.Count; a++)
                for (int c = a + 1; c < near.Count; c++)
                    saddles.TryAdd((Math.Min(near[a], near[c]), Math.Max(near[a], near[c])), dist[i]);
        }
        var root = Merge(peak, saddles, region, basinOf, neckRatio, minArea);
        return region.GroupBy(i => Find(root, basinOf[i])).OrderBy(g => g.Min()).Select(g => g.ToList()).ToList();
    }

    static int[] Merge(List<double> peak, Dictionary<(int, int), double> saddles, List<int> region, Dictionary<int, int> basinOf,
        double neckRatio, int minArea)
    {
        var root = Enumerable.Range(0, peak.Count).ToArray();
        var top = peak.ToArray();
        var area = new long[peak.Count];
        foreach (int i in region) area[basinOf[i]]++;
        foreach (var ((a, b), s) in saddles.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            int ra = Find(root, a), rb = Find(root, b);
            if (ra == rb) continue;
            bool wide = s >= neckRatio * Math.Min(top[ra], top[rb]);
            if (!wide && area[ra] >= minArea && area[rb] >= minArea) continue;
            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            root[gone] = keep;
            top[keep] = Math.Max(top[keep], top[gone]);
            area[keep] += area[gone];
        }
        return root;
    }

    static int Find(int[] root, int b)
    {
        while (root[b] != b) b = root[b] = root[root[b]];
        return b;
    }
}
