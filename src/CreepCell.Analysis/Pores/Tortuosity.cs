namespace CreepCell.Analysis.Pores;

/// <summary>Geometric tortuosity of a pore phase across a volume: mean shortest path over straight distance, and the outlet voxels it was averaged over.</summary>
public sealed record TortuosityResult(double Tau, int OutletVoxels, double MeanPathLength);

/// <summary>
/// Geometric tortuosity along z: the shortest path inside the pore phase from any pore voxel of the first slice
/// to each pore voxel of the last slice it can reach, by Dijkstra over the 26 neighbours with their Euclidean step
/// lengths (1, sqrt 2, sqrt 3 voxels), averaged over those outlet voxels and divided by the straight distance
/// d - 1 between the slices. Straight channels along z give 1; a path is never shorter than the straight
/// distance, so tau >= 1. Paths restricted to 26-neighbour steps can be longer than the continuous geodesic
/// by several per cent (up to about 8 % for directions in a grid plane halfway between an axis and a diagonal).
/// </summary>
internal static class Tortuosity
{
    /// <summary>Null when the phase does not reach from the first to the last slice or the volume has one slice.</summary>
    public static TortuosityResult? AlongZ(bool[] phase, int w, int h, int d)
    {
        if (d < 2) return null;
        int plane = w * h;
        var dist = new double[phase.Length];
        Array.Fill(dist, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        for (int i = 0; i < plane; i++)
            if (phase[i]) { dist[i] = 0; queue.Enqueue(i, 0); }
        while (queue.TryDequeue(out int p, out double dp))
        {
            if (dp > dist[p]) continue;
            int x = p % w, y = p / w % h, z = p / plane;
            for (int dz = -1; dz <= 1; dz++)
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy, nz = z + dz;
                        if ((dx | dy | dz) == 0 || nx < 0 || ny < 0 || nz < 0 || nx >= w || ny >= h || nz >= d) continue;
                        int q = p + dz * plane + dy * w + dx;
                        if (!phase[q]) continue;
                        double nd = dp + Math.Sqrt(dx * dx + dy * dy + dz * dz);
                        if (nd < dist[q]) { dist[q] = nd; queue.Enqueue(q, nd); }
                    }
        }
        double sum = 0;
        int reached = 0;
        for (int i = (d - 1) * plane; i < d * plane; i++)
            if (phase[i] && double.IsFinite(dist[i])) { sum += dist[i]; reached++; }
        if (reached == 0) return null;
        double mean = sum / reached;
        return new TortuosityResult(mean / (d - 1), reached, mean);
    }
}
