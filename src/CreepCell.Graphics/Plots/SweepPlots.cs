using CreepCell.Io;
using ScottPlot;

namespace CreepCell.Sweeps;

/// <summary>
/// Each plotted quantity against each swept parameter (plots/QUANTITY_vs_PARAMETER.png): the mean over a
/// point's runs with its 95 % confidence interval as error bars. On a grid, one line per combination of
/// the other parameters; sampled points as markers.
/// </summary>
internal static class SweepPlots
{
    public static IReadOnlyList<string> Write(string dir, SweepTable byPoint, IReadOnlyList<string> parameters, IReadOnlyList<string> quantities)
    {
        var written = new List<string>();
        if (parameters.Count == 0) return written;
        Directory.CreateDirectory(Path.Combine(dir, "plots"));
        foreach (var q in quantities)
            foreach (var p in parameters)
            {
                string path = Path.Combine(dir, "plots", $"{q}_vs_{Safe(p)}.png");
                AtomicFile.WriteAllBytes(path, Render(byPoint, p, parameters.Where(o => o != p).ToList(), q));
                written.Add(path);
            }
        return written;
    }

    static string Safe(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));

    static byte[] Render(SweepTable t, string parameter, IReadOnlyList<string> others, string quantity)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var x = t[parameter].Numbers!;
        var mean = t[quantity + "_mean"].Numbers!;
        var low = t[quantity + "_ci95_low"].Numbers!;
        var high = t[quantity + "_ci95_high"].Numbers!;
        var rows = Enumerable.Range(0, t.Rows).Where(i => x[i] is not null && mean[i] is not null).ToList();
        bool grid = rows.Select(i => x[i]).Distinct().Count() < rows.Count;
        var groups = grid ? rows.GroupBy(i => string.Join(", ", others.Select(o => $"{o} = {Label(t[o], i)}"))).ToList()
            : new List<IGrouping<string, int>> { rows.GroupBy(_ => "").First() };
        int colour = 0;
        foreach (var g in groups)
        {
            var idx = g.OrderBy(i => x[i]).ToArray();
            double[] xs = idx.Select(i => x[i]!.Value).ToArray(), ys = idx.Select(i => mean[i]!.Value).ToArray();
            var c = palette.GetColor(colour++);
            var line = plot.Add.Scatter(xs, ys);
            line.Color = c;
            line.LineWidth = grid ? 2 : 0;
            line.MarkerSize = 6;
            line.LegendText = g.Key;
            var withCi = idx.Where(i => low[i] is not null).ToArray();
            if (withCi.Length == 0) continue;
            var bars = plot.Add.ErrorBar(withCi.Select(i => x[i]!.Value).ToArray(), withCi.Select(i => mean[i]!.Value).ToArray(),
                withCi.Select(i => high[i]!.Value - mean[i]!.Value).ToArray());
            bars.Color = c;
        }
        plot.Title($"{quantity}: mean and 95 % confidence interval over seeds");
        plot.XLabel($"{parameter} (SI)");
        plot.YLabel(quantity);
        if (groups.Count > 1 || groups[0].Key.Length > 0) plot.ShowLegend(Edge.Bottom);
        return plot.GetImage(800, 560).GetImageBytes(ImageFormat.Png);
    }

    static string Label(TableColumn c, int row) => c.Numbers is { } n ? n[row]?.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) ?? "" : c.Text![row] ?? "";
}
