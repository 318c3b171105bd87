using CreepCell.Io;
using ScottPlot;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Plots of a pore sequence: the relative area of the largest pores of the first frame against time (or
/// frame), as in the paper's Fig. 3d, and the porosity per frame.
/// </summary>
public static class PorePlots
{
    /// <summary>relative_area.png: one line per pore for the <paramref name="maxPores"/> largest pores of the first frame.</summary>
    public static void RelativeArea(PoreSequenceResult r, string path, int maxPores = 20)
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
        plot.XLabel(label);
        plot.YLabel("relative area A / A(first frame)");
        plot.Title("Pore area relative to the first frame");
        plot.ShowLegend(Edge.Right);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(1000, 600, ImageFormat.Png));
    }

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
