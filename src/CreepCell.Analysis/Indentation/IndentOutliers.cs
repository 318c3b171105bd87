using System.Globalization;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Rejection of outlying indents within each file (one sample): an indent is left out when the modulus of any
/// of its unloads lies more than k robust standard deviations from the median modulus of that unload cycle over
/// the file's indents (the CSM window average for indents without unloads). The robust standard deviation is
/// 1.4826 times the median absolute deviation, the normal-distribution equivalent, so one bad indent cannot
/// widen the band that judges it. A group needs at least three indents and a non-zero spread. An indent must
/// also differ from the median by more than <see cref="MinRelativeDeviation"/>: in a very uniform sample a few
/// robust standard deviations are a few percent, well inside what tip and surface variations give, and such
/// an indent is data, not a fault.
/// </summary>
internal static class IndentOutliers
{
    public const double MadToSigma = 1.4826;
    /// <summary>Smallest relative distance from the median that can make an indent an outlier.</summary>
    public const double MinRelativeDeviation = 0.1;

    /// <summary>The indents kept, and one failure per rejected indent naming its modulus, the median and the spread.</summary>
    public static (List<IndentResult> Kept, List<AnalysisFailure> Rejected) Reject(IReadOnlyList<IndentResult> indents, double k)
    {
        var reasons = new Dictionary<IndentResult, string>(ReferenceEqualityComparer.Instance);
        if (k > 0)
            foreach (var file in indents.GroupBy(i => i.File))
            {
                var unloads = file.SelectMany(i => i.Unloads.Select(u => (Indent: i, u.Cycle, E: u.Modulus)));
                var csm = file.Where(i => i.Unloads.Count == 0 && i.CsmAverage is not null).Select(i => (Indent: i, Cycle: 0, E: i.CsmAverage!.Value.Modulus.Mean));
                foreach (var group in unloads.Concat(csm).GroupBy(x => x.Cycle))
                    Judge(group.ToList(), k, Path.GetFileName(file.Key), reasons);
            }
        var kept = indents.Where(i => !reasons.ContainsKey(i)).ToList();
        var rejected = indents.Where(reasons.ContainsKey).Select(i => new AnalysisFailure(i.Indent, 0, reasons[i])).ToList();
        return (kept, rejected);
    }

    static void Judge(List<(IndentResult Indent, int Cycle, double E)> group, double k, string file, Dictionary<IndentResult, string> reasons)
    {
        if (group.Select(g => g.Indent).Distinct().Count() < 3) return;
        double median = Median(group.Select(g => g.E));
        double sigma = MadToSigma * Median(group.Select(g => Math.Abs(g.E - median)));
        if (!(sigma > 0)) return;
        foreach (var (indent, cycle, e) in group)
        {
            double z = Math.Abs(e - median) / sigma;
            if (z <= k || Math.Abs(e - median) <= MinRelativeDeviation * Math.Abs(median) || reasons.ContainsKey(indent)) continue;
            string where = cycle > 0 ? $"unload {cycle}" : "the CSM window";
            reasons[indent] = string.Create(CultureInfo.InvariantCulture,
                $"outlier: E = {e / 1e9:G4} GPa at {where} is {z:F1} robust standard deviations ({sigma / 1e9:G3} GPa, 1.4826 MAD) from the median {median / 1e9:G4} GPa of {file} (limit {k:G3}); left out of the means");
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        int n = v.Length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
