using CreepCell.Io;
using ScottPlot;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Plots of a pore sequence: the relative area of the largest pores of the first frame against time (or
/// frame), as in the paper's Fig. 3d, and the porosity per frame.
/// </summary>
internal static class PorePlots
{
    /// <summary>relative_area.png: one line per pore for the <paramref name="maxPores"/> largest pores of the first frame.</summary>
    public static void RelativeArea(PoreSequenceResult r, string path, int maxPores = 20, double? reference = null)
    {
        var plot = new Plot();
        var (xs, label) = Abscissa(r);
        var chosen = r.Pores.Where(p => p.Origin == PoreOrigin.Initial).OrderByDescending(p => p.InitialAreaPx).Take(maxPores).OrderBy(p => p.Id);
        foreach (var p in chosen)
        {
            var rows = PoreTables.Rows(p, r.Frames.Count).ToList();
            var line = plot.Add.Scatter(rows.Select(o => xs[o.Frame]).ToArray(), rows.Select(o => o.Present ? p.RelativeArea(o.Last) : 0).ToArray());
            line.LegendText = $"pore {p.Id}";
            line.MarkerSize = 4;
        }
        plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        AddReference(plot, reference);
        plot.XLabel(label);
        plot.YLabel("relative area A / A(first frame)");
        plot.Title("Pore area relative to the first frame");
        plot.ShowLegend(Edge.Right);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(1000, 600, ImageFormat.Png));
    }

    /// <summary>
    /// relative_area_bars.png: for each of the largest first-frame pores, one bar per compared frame, the
    /// layout of the paper's Fig. 3d. A pore that has closed shows no bar (area 0); one that merged or split
    /// away is left out of the frames after it ended.
    /// </summary>
    public static void RelativeAreaBars(PoreSequenceResult r, string path, IReadOnlyList<int> frames, int maxPores = 20, double? reference = null)
    {
        var plot = new Plot();
        var chosen = r.Pores.Where(p => p.Origin == PoreOrigin.Initial).OrderByDescending(p => p.InitialAreaPx).Take(maxPores).OrderBy(p => p.Id).ToList();
        double width = 0.8 / frames.Count;
        var palette = new ScottPlot.Palettes.Category10();
        for (int j = 0; j < frames.Count; j++)
        {
            var colour = palette.GetColor(j);
            var bars = new List<Bar>();
            for (int i = 0; i < chosen.Count; i++)
            {
                var row = PoreTables.Rows(chosen[i], r.Frames.Count).FirstOrDefault(o => o.Frame == frames[j]);
                if (row.Last is null) continue;
                double v = row.Present ? chosen[i].RelativeArea(row.Last) : 0;
                bars.Add(new Bar { Position = i + (j - (frames.Count - 1) / 2.0) * width, Value = v, Size = width, FillColor = colour, LineWidth = 0 });
            }
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = FrameLabel(r, frames[j]), FillColor = colour });
        }
        plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        AddReference(plot, reference);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, chosen.Count).Select(i => (double)i).ToArray(), chosen.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.XLabel("pore");
        plot.YLabel("relative area A / A(first frame)");
        plot.Title("Relative pore area at selected frames");
        plot.ShowLegend(Edge.Right);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(1000, 500, ImageFormat.Png));
    }

    static void AddReference(Plot plot, double? reference)
    {
        if (reference is not { } v) return;
        var line = plot.Add.HorizontalLine(v, 1.5f, Colors.Black, LinePattern.Dotted);
        line.LegendText = $"reference {v:0.###}";
    }

    /// <summary>Frames compared by default: up to five, evenly spread from the second to the last frame.</summary>
    public static IReadOnlyList<int> DefaultComparedFrames(int frameCount)
    {
        if (frameCount < 2) return new[] { 0 };
        int n = Math.Min(5, frameCount - 1);
        return Enumerable.Range(1, n).Select(k => (int)Math.Round(1 + (frameCount - 2) * (n == 1 ? 1.0 : (k - 1) / (double)(n - 1)))).Distinct().ToArray();
    }

    static string FrameLabel(PoreSequenceResult r, int frame) =>
        r.Frames[frame].TimeS is { } t ? $"frame {frame} ({t / 3600:0.##} h)" : $"frame {frame}";

    /// <summary>porosity.png: pore area fraction (percent) per frame.</summary>
    public static void Porosity(PoreSequenceResult r, string path)
    {
        var plot = new Plot();
        var (xs, label) = Abscissa(r);
        var line = plot.Add.Scatter(xs, r.Frames.Select(f => 100 * f.Porosity).ToArray());
        line.MarkerSize = 5;
        plot.XLabel(label);
        plot.YLabel("porosity (area %)");
        plot.Title("Porosity of the analysed region");
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }

    /// <summary>Frame times in hours when known (the paper's in-situ frames are 20 min apart), else frame numbers.</summary>
    static (double[] X, string Label) Abscissa(PoreSequenceResult r) =>
        r.Options.FrameTimes is { } t ? (t.Select(v => v / 3600).ToArray(), "time (h)") : (r.Frames.Select(f => (double)f.Index).ToArray(), "frame");
}
