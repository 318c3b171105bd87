namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Removes islands: every 4-connected region of one phase smaller than the minimum area takes the phase
/// it shares the longest boundary with (a speck of binder in a pore becomes pore, a pinhole in a particle
/// becomes particle). Regions are visited smallest first, on the map as it is being cleaned.
/// </summary>
internal static class Islands
{
    public static (int[] Phase, List<IslandMerge> Merges) Clean(PhaseMap map, int minArea)
    {
        var phase = (int[])map.Phase.Clone();
        var merges = new Dictionary<(int, int), (int Regions, long Pixels)>();
        // a merge can leave a neighbour's pixels cut off as a new island, so passes repeat until none is left
        for (int pass = 0; pass < 20 && Pass(map, phase, minArea, merges); pass++) { }
        var list = merges.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2)
            .Select(kv => new IslandMerge(map.Names[kv.Key.Item1], map.Names[kv.Key.Item2], kv.Value.Regions, kv.Value.Pixels)).ToList();
        return (phase, list);
    }

    static bool Pass(PhaseMap map, int[] phase, int minArea, Dictionary<(int, int), (int Regions, long Pixels)> merges)
    {
        int w = map.Width, h = map.Height;
        bool changed = false;
        var regions = Regions(phase, w, h).Where(r => r.Count < minArea).OrderBy(r => r.Count).ThenBy(r => r[0]).ToList();
        foreach (var region in regions)
        {
            int own = phase[region[0]];
            if (region.Any(i => phase[i] != own)) continue;
            var shared = new long[map.Names.Count];
            foreach (int i in region)
                foreach (int j in Grid.Neighbours4(i, w, h))
                    if (phase[j] != own) shared[phase[j]]++;
            if (shared.All(s => s == 0)) continue; // the whole region is one phase
            int into = Array.IndexOf(shared, shared.Max());
            foreach (int i in region) phase[i] = into;
            var key = (own, into);
            var m = merges.GetValueOrDefault(key);
            merges[key] = (m.Regions + 1, m.Pixels + region.Count);
            changed = true;
        }
        return changed;
    }

    /// <summary>The 4-connected regions of equal value, each a list of pixel indices (first = raster-first pixel).</summary>
    public static List<List<int>> Regions(int[] value, int w, int h)
    {
        var seen = new bool[value.Length];
        var regions = new List<List<int>>();
        var stack = new Stack<int>();
        for (int start = 0; start < value.Length; start++)
        {
            if (seen[start]) continue;
            var members = new List<int>();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                members.Add(i);
                foreach (int j in Grid.Neighbours4(i, w, h))
                    if (!seen[j] && value[j] == value[start]) { seen[j] = true; stack.Push(j); }
            }
            members.Sort();
            regions.Add(members);
        }
        return regions;
    }
}

/// <summary>Pixel-grid helpers (row-major, y down).</summary>
static class Grid
{
    public static IEnumerable<int> Neighbours4(int i, int w, int h)
    {
        int x = i % w, y = i / w;
        if (x > 0) yield return i - 1;
        if (x < w - 1) yield return i + 1;
        if (y > 0) yield return i - w;
        if (y < h - 1) yield return i + w;
    }
}
