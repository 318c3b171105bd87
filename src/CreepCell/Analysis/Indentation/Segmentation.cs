namespace CreepCell.Analysis.Indentation;

/// <summary>One load-unload cycle: rows of the unload from its start (end of the hold) to its lowest load.</summary>
public readonly record struct UnloadSegment(int Cycle, int PeakIndex, int Start, int End);

/// <summary>
/// Finds the unloads of single- and multi-cycle tests from the load signal: an unload begins where the
/// load has fallen by a fifth below the running maximum and ends where reloading (or the record) begins.
/// Its start is the last row still within 1 % of that maximum, i.e. the end of the hold at peak load.
/// </summary>
public static class Segmentation
{
    const double UnloadDrop = 0.2;
    const double ReloadRise = 0.2;
    /// <summary>Peaks below this fraction of the test's largest load are noise near the surface.</summary>
    const double MinimumPeakFraction = 5e-4;

    public static List<UnloadSegment> FindUnloads(IReadOnlyList<double> load)
    {
        var result = new List<UnloadSegment>();
        int n = load.Count, peak = 0, i = 0;
        double floor = MinimumPeakFraction * load.Max();
        while (i < n)
        {
            if (load[i] > load[peak]) peak = i;
            if (load[peak] > floor && load[i] < (1 - UnloadDrop) * load[peak])
            {
                int end = FollowUnload(load, i, load[peak]);
                int start = peak;
                for (int j = peak; j <= i; j++) if (load[j] >= 0.99 * load[peak]) start = j;
                result.Add(new UnloadSegment(result.Count + 1, peak, start, end));
                i = end + 1;
                peak = Math.Min(i, n - 1);
                continue;
            }
            i++;
        }
        return result;
    }

    static int FollowUnload(IReadOnlyList<double> load, int i, double pMax)
    {
        int min = i;
        for (int j = i; j < load.Count; j++)
        {
            if (load[j] < load[min]) min = j;
            if (load[j] > load[min] + ReloadRise * (pMax - load[min])) break;
        }
        return min;
    }
}
