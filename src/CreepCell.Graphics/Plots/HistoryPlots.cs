using ScottPlot;

namespace CreepCell.Io.Plots;

/// <summary>
/// Line plots of simulation histories with ScottPlot 5: for each run and each y column one line
/// against the x column (e.g. contact_ratio_Se_MSe vs cycle for several runs), a legend, axis labels
/// with units, and reference points drawn as markers. PNG written atomically.
/// </summary>
internal static class HistoryPlots
{
    public static void Write(string path, IReadOnlyList<HistoryRun> runs, HistoryPlotSpec spec) =>
        AtomicFile.WriteAllBytes(path, Render(runs, spec));

    public static byte[] Render(IReadOnlyList<HistoryRun> runs, HistoryPlotSpec spec)
    {
        Check(runs, spec);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var run in runs)
        {
            var xAll = run.Column(spec.XColumn);
            // runs of different cases share a plot: each draws the columns it has
            foreach (var column in spec.YColumns.Where(c => run.Columns.Contains(c)))
            {
                var yAll = run.Column(column);
                // missing values (a cycle a stopped run did not finish) are left out
                var keep = Enumerable.Range(0, xAll.Length).Where(i => !double.IsNaN(xAll[i]) && !double.IsNaN(yAll[i])).ToArray();
                var x = keep.Select(i => spec.LogX ? Math.Log10(xAll[i] * spec.XScale) : xAll[i] * spec.XScale).ToArray();
                var y = keep.Select(i => yAll[i] * spec.YScale).ToArray();
                var line = plot.Add.Scatter(x, y);
                line.Color = palette.GetColor(colour++);
                line.LineWidth = 2;
                line.MarkerSize = x.Length <= 40 ? 5 : 0;
                line.LegendText = LegendText(runs.Count, spec.YColumns.Count, run.Name, column);
            }
        }
        AddReferences(plot, spec);
        if (spec.LogX)
        {
            // the data are log10(x): ticks at the decades, labelled with x itself
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = v => Math.Pow(10, v).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            };
        }
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel ?? spec.XColumn);
        plot.YLabel(spec.YLabel ?? string.Join(", ", spec.YColumns));
        plot.ShowLegend(Edge.Bottom); // outside the data area, so it never hides a curve or a marker
        return plot.GetImage(spec.Width, spec.Height).GetImageBytes(ImageFormat.Png);
    }

    static string LegendText(int runs, int columns, string run, string column) =>
        columns == 1 ? run : runs == 1 ? column : $"{run}: {column}";

    /// <summary>One marker series per distinct label, in black-outlined shapes that differ from the lines.</summary>
    static void AddReferences(Plot plot, HistoryPlotSpec spec)
    {
        var shapes = new[] { MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond };
        int k = 0;
        foreach (var group in spec.References.GroupBy(r => r.Label))
        {
            var xs = group.Select(r => spec.LogX ? Math.Log10(r.X * spec.XScale) : r.X * spec.XScale).ToArray();
            var ys = group.Select(r => r.Y * spec.YScale).ToArray();
            var markers = plot.Add.Markers(xs, ys, shapes[k++ % shapes.Length], 11, Colors.Black);
            markers.LegendText = group.Key;
        }
    }

    static void Check(IReadOnlyList<HistoryRun> runs, HistoryPlotSpec spec)
    {
        if (runs.Count == 0) throw new ArgumentException("a history plot needs at least one run");
        if (spec.YColumns.Count == 0) throw new ArgumentException("a history plot needs at least one y column");
        if (!double.IsFinite(spec.XScale) || !double.IsFinite(spec.YScale) || spec.XScale == 0 || spec.YScale == 0)
            throw new ArgumentException("axis scales must be finite and non-zero");
        if (spec.Width < 200 || spec.Height < 150) throw new ArgumentException("plot size must be at least 200 x 150 pixels");
        foreach (var column in spec.YColumns)
            if (!runs.Any(r => r.Columns.Contains(column))) runs[0].Column(column);
        foreach (var r in spec.References)
            if (!double.IsFinite(r.X) || !double.IsFinite(r.Y))
                throw new ArgumentException($"reference point '{r.Label}' at ({r.X}, {r.Y}) is not finite");
    }
}
