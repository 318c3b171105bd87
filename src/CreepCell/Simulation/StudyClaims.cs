using System.Globalization;
using CreepCell.Io.Plots;

namespace CreepCell.Simulation;

/// <summary>
/// The statements of the paper's Fig. 4 about the Se-MSe cathode and its LCO-MSe control, checked on
/// every run: Se contacts grow and the Se stress falls over the cycles, the LCO contacts stay, and the
/// elastic LCO carries ten times the stress of the creeping Se (the paper: about 3 against 0.2 GPa).
/// </summary>
static class StudyClaims
{
    public static IReadOnlyList<StudyClaim> Check(IReadOnlyList<Ensemble> ensembles)
    {
        var claims = new List<StudyClaim>();
        var se = ensembles.FirstOrDefault(e => e.Runs[0].Columns.Contains("full_contact_ratio_Se_Se"));
        var lco = ensembles.FirstOrDefault(e => e.Runs[0].Columns.Contains("full_contact_ratio_LCO_LCO"));
        // a run that stopped before its first full lithiation has nothing to check
        var seRuns = se?.Runs.Where(r => r.Rows.Count > 0).ToArray() ?? Array.Empty<HistoryRun>();
        var lcoRuns = lco?.Runs.Where(r => r.Rows.Count > 0).ToArray() ?? Array.Empty<HistoryRun>();
        if (seRuns.Length > 0)
        {
            var ss = seRuns.Select(r => Change(r, "full_contact_ratio_Se_Se") * 100).ToArray();
            var sm = seRuns.Select(r => Change(r, "full_contact_ratio_Se_MSe") * 100).ToArray();
            claims.Add(new StudyClaim("Se-Se and Se-MSe contact ratios higher in the last cycle than in cycle 1",
                ss.Zip(sm).Count(p => p.First > 0 && p.Second > 0), seRuns.Length,
                $"change Se-Se {Spread(ss, "+0.0;-0.0")}, Se-MSe {Spread(sm, "+0.0;-0.0")} points"));
            var vm = seRuns.Select(r => RelativeChange(r, "full_vm_mean_Se_Pa") * 100).ToArray();
            claims.Add(new StudyClaim("mean von Mises stress in Se lower in the last cycle than in cycle 1",
                vm.Count(d => d < 0), seRuns.Length, $"change {Spread(vm, "+0.00;-0.00")} %"));
        }
        if (lcoRuns.Length > 0)
        {
            var drift = lcoRuns.Select(r => r.Columns.Where(c => c.StartsWith("full_contact_ratio_LCO_")).Max(c => Range(r, c)) * 100).ToArray();
            claims.Add(new StudyClaim("LCO-LCO and LCO-MSe contact ratios constant (within 0.5 points) over the cycles",
                drift.Count(d => d <= 0.5), lcoRuns.Length, $"largest change {Spread(drift, "0.00")} points"));
        }
        if (se is not null && lco is not null)
        {
            // runs of the same seed side by side
            var pairs = se.Runs.Zip(lco.Runs).Where(p => p.First.Rows.Count > 0 && p.Second.Rows.Count > 0).ToArray();
            if (pairs.Length == 0) return claims;
            var active = pairs.Select(p => Largest(p.Second, "full_vm_max_LCO_Pa") / Largest(p.First, "full_vm_max_Se_Pa")).ToArray();
            claims.Add(new StudyClaim("largest stress in LCO at least 10 times the largest in Se",
                active.Count(x => x >= 10), pairs.Length, $"ratio {Spread(active, "0.0")}"));
            var cathode = pairs.Select(p => LargestCathode(p.Second) / LargestCathode(p.First)).ToArray();
            claims.Add(new StudyClaim("largest stress of the LCO-MSe cathode at least 10 times that of the Se-MSe cathode",
                cathode.Count(x => x >= 10), pairs.Length, $"ratio {Spread(cathode, "0.0")}"));
            const string top = "full_vm_p99_solids_Pa";
            if (pairs.All(p => p.First.Columns.Contains(top) && p.Second.Columns.Contains(top)))
            {
                var ratio = pairs.Select(p => Largest(p.Second, top) / Largest(p.First, top)).ToArray();
                claims.Add(new StudyClaim("stress exceeded on 1 % of the solids at least 10 times higher in the LCO-MSe cathode than in the Se-MSe cathode",
                    ratio.Count(x => x >= 10), pairs.Length, $"ratio {Spread(ratio, "0.0")}"));
            }
        }
        return claims;
    }

    static double Change(HistoryRun r, string column)
    {
        var v = Ensemble.Series(r, column);
        return v.Count == 0 ? double.NaN : v[^1].Value - v[0].Value;
    }

    static double RelativeChange(HistoryRun r, string column)
    {
        var v = Ensemble.Series(r, column);
        return v.Count == 0 ? double.NaN : v[^1].Value / v[0].Value - 1;
    }

    static double Range(HistoryRun r, string column)
    {
        var v = Ensemble.Series(r, column);
        return v.Count == 0 ? 0 : v.Max(p => p.Value) - v.Min(p => p.Value);
    }

    static double Largest(HistoryRun r, string column) => Ensemble.Series(r, column).Select(p => p.Value).DefaultIfEmpty(double.NaN).Max();

    static double LargestCathode(HistoryRun r) => Ensemble.Series(r, Ensemble.CathodeMax(r)).Select(p => p.Value).DefaultIfEmpty(double.NaN).Max();

    /// <summary>One value as it is; several as "mean (min to max)".</summary>
    static string Spread(double[] v, string format)
    {
        string F(double x) => x.ToString(format, CultureInfo.InvariantCulture);
        return v.Length == 1 ? F(v[0]) : $"{F(v.Average())} ({F(v.Min())} to {F(v.Max())})";
    }
}
