namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Finds the unloads of single- and multi-cycle tests from the load signal: an unload begins where the
/// load has fallen by a fifth below the running maximum and ends where reloading (or the record) begins.
/// Its start is the end of the hold at peak load (see UnloadStart).
/// </summary>
internal static class Segmentation
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
                int start = UnloadStart(load, peak, i);
                result.Add(new UnloadSegment(result.Count + 1, peak, start, end));
                i = end + 1;
                peak = Math.Min(i, n - 1);
                continue;
            }
            i++;
        }
        return result;
    }

    /// <summary>
    /// Walk back from a row well inside the unload: freely while the load is more than 1 % below the peak, then
    /// only while it keeps rising, so the start is the last row of the hold rather than a noisy hold row or the
    /// first unload row.
    /// </summary>
    static int UnloadStart(IReadOnlyList<double> load, int peak, int inside)
    {
        int j = inside;
        while (j - 1 >= peak && (load[j - 1] < 0.99 * load[peak] || load[j - 1] > load[j])) j--;
        return j;
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
