namespace CreepCell.Sweeps;

/// <summary>
/// First-order (main-effect) sensitivity of a quantity to a parameter from the runs alone: the share of the
/// quantity's variance explained by its conditional mean given the parameter,
/// S = sum_b n_b (mean_b - mean)^2 / sum_i (y_i - mean)^2 (Pearson's correlation ratio; Saltelli et al.,
/// "Global Sensitivity Analysis: The Primer", 2008). The groups b are the parameter's distinct values
/// on a grid, or about sqrt(n) bins of equal count for sampled values.
/// </summary>
internal static class MainEffects
{
    public static double? Index(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 3) return null;
        double mean = y.Average();
        double total = y.Sum(v => (v - mean) * (v - mean));
        if (!(total > 0)) return null;
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        int distinct = x.Distinct().Count();
        if (distinct < 2) return null;
        IEnumerable<int[]> groups = distinct <= Math.Max(2, n / 2)
            ? order.GroupBy(i => x[i]).Select(g => g.ToArray())
            : order.Chunk((int)Math.Ceiling(n / Math.Floor(Math.Sqrt(n))));
        double between = groups.Sum(g => g.Length * Math.Pow(g.Average(i => y[i]) - mean, 2));
        return between / total;
    }

    /// <summary>A row per (quantity, parameter) over the finished runs.</summary>
    public static SweepTable Table(SweepTable byRun, IReadOnlyList<string> parameters, IReadOnlyList<string> quantities)
    {
        var q = new List<string?>();
        var p = new List<string?>();
        var s = new List<double?>();
        foreach (var quantity in quantities)
        {
            var y = byRun[quantity].Numbers!;
            foreach (var parameter in parameters)
            {
                var x = byRun[parameter].Numbers!;
                var rows = Enumerable.Range(0, y.Length).Where(i => y[i] is not null && x[i] is not null).ToList();
                q.Add(quantity);
                p.Add(parameter);
                s.Add(Index(rows.Select(i => x[i]!.Value).ToList(), rows.Select(i => y[i]!.Value).ToList()));
            }
        }
        return new SweepTable(new[] { TableColumn.Of("quantity", q), TableColumn.Of("parameter", p), TableColumn.Of("main_effect", s) });
    }
}
