using System.Globalization;
using SkiaSharp;

namespace CreepCell.Io.Plots;

/// <summary>
/// Maps values in [Min, Max] to colours of a perceptually uniform colour map (viridis by default, the
/// matplotlib map of van der Walt and Smith, 2015) and draws the matching colour bar.
/// </summary>
internal sealed class ColorScale
{
    readonly ScottPlot.IColormap map;

    public ColorScale(double min, double max, ScottPlot.IColormap? map = null)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
            throw new ArgumentException($"colour range must be finite with max > min (got {min} .. {max})");
        Min = min;
        Max = max;
        this.map = map ?? new ScottPlot.Colormaps.Viridis();
    }

    public double Min { get; }
    public double Max { get; }

    /// <summary>Position of v in the range, clamped to [0, 1].</summary>
    public double Fraction(double v) => Math.Clamp((v - Min) / (Max - Min), 0, 1);

    public SKColor Color(double v) => ToSkia(map.GetColor(Fraction(v)));

    /// <summary>The colour of the map at fraction f of the range.</summary>
    public SKColor ColorAt(double f) => ToSkia(map.GetColor(Math.Clamp(f, 0, 1)));

    static SKColor ToSkia(ScottPlot.Color c) => new(c.R, c.G, c.B);

    /// <summary>A range that contains all values; a constant field gets a band around its value so
    /// its colour is the middle of the map.</summary>
    public static (double Min, double Max) RangeOf(IEnumerable<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        if (!double.IsFinite(lo)) return (0, 1);
        if (hi > lo) return (lo, hi);
        double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.01;
        return (lo - pad, hi + pad);
    }

    /// <summary>Round tick values (1, 2 or 5 times a power of ten) inside [min, max], about count of them.</summary>
    public static double[] NiceTicks(double min, double max, int count = 5)
    {
        double raw = (max - min) / Math.Max(1, count);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * mag).First(s => s >= raw * 0.999);
        var ticks = new List<double>();
        for (double t = Math.Ceiling(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step)
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return ticks.ToArray();
    }

    public static string TickLabel(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Draws a vertical bar in rect (bottom = Min, top = Max) with ticks and labels on its right
    /// and the unit label above it. Values are multiplied by unitScale for the labels.</summary>
    public void Draw(SKCanvas canvas, SKRect rect, string unitLabel, double unitScale, SKFont font)
    {
        int h = (int)Math.Round(rect.Height);
        for (int k = 0; k < h; k++)
        {
            using var paint = new SKPaint { Color = ColorAt(1 - (k + 0.5) / h), IsAntialias = false };
            canvas.DrawRect(rect.Left, rect.Top + k, rect.Width, 1, paint);
        }
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeWidth = 1, IsStroke = true };
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawRect(rect, ink);
        double lo = Min * unitScale, hi = Max * unitScale;
        if (hi < lo) (lo, hi) = (hi, lo);
        foreach (double t in NiceTicks(lo, hi))
        {
            float y = rect.Bottom - (float)((t - lo) / (hi - lo)) * rect.Height;
            canvas.DrawLine(rect.Right, y, rect.Right + 5, y, ink);
            canvas.DrawText(TickLabel(t), rect.Right + 8, y + font.Size * 0.35f, SKTextAlign.Left, font, text);
        }
        canvas.DrawText(unitLabel, rect.Left, rect.Top - 10, SKTextAlign.Left, font, text);
    }
}
