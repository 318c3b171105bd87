using CreepCell.Geometry;
using CreepCell.Meshing;
using SkiaSharp;

namespace CreepCell.Io.Plots;

/// <summary>
/// PNG picture of a scalar element field (e.g. von Mises stress) on the deformed mesh: each element
/// filled with the colour of its value, quadratic edges drawn as the parabolas through their mid-nodes
/// (the isoparametric edge of Tri6/Quad8/Quad9), particle and phase outlines, a colour bar with ticks
/// and unit, a title and a length scale bar. Rendered with SkiaSharp and written atomically.
/// </summary>
internal static class FieldMap
{
    const int Margin = 20, TitleBand = 44, BarBand = 130, ScaleBand = 36;

    /// <summary>Writes the picture; displacement holds (ux, uy) per node in metres, elementValues one
    /// value per element. Throws <see cref="ArgumentException"/> for NaN, infinite or missing values.</summary>
    public static FieldMapLayout Write(string path, Mesh mesh, double[] displacement, double[] elementValues,
        string title, string unitLabel, FieldMapOptions? options = null)
    {
        var (png, layout) = Render(mesh, displacement, elementValues, title, unitLabel, options);
        AtomicFile.WriteAllBytes(path, png);
        return layout;
    }

    /// <summary>The PNG bytes and the layout, without writing a file.</summary>
    public static (byte[] Png, FieldMapLayout Layout) Render(Mesh mesh, double[] displacement, double[] elementValues,
        string title, string unitLabel, FieldMapOptions? options = null)
    {
        options ??= new FieldMapOptions();
        Check(mesh, displacement, elementValues, options);
        var positions = Deformed(mesh, displacement, options.DisplacementScale);
        var layout = Layout(positions, elementValues, options);
        using var bitmap = new SKBitmap(layout.Width, layout.Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            DrawElements(canvas, mesh, positions, elementValues, layout, options.EdgeSegments);
            if (options.Outlines) DrawOutlines(canvas, mesh, positions, layout, options.EdgeSegments);
            DrawLabels(canvas, layout, title, unitLabel, options.UnitScale);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), layout);
    }

    static void Check(Mesh mesh, double[] u, double[] values, FieldMapOptions o)
    {
        if (mesh.ElementCount == 0) throw new ArgumentException("the mesh has no elements");
        if (u.Length != 2 * mesh.NodeCount)
            throw new ArgumentException($"displacement has {u.Length} entries, expected 2 per node = {2 * mesh.NodeCount}");
        if (values.Length != mesh.ElementCount)
            throw new ArgumentException($"element values have {values.Length} entries, expected one per element = {mesh.ElementCount}");
        for (int i = 0; i < u.Length; i++)
            if (!double.IsFinite(u[i])) throw new ArgumentException($"displacement of node {i / 2} ({(i % 2 == 0 ? "x" : "y")}) is {u[i]}; a field map needs finite values");
        for (int e = 0; e < values.Length; e++)
            if (!double.IsFinite(values[e])) throw new ArgumentException($"value of element {e} is {values[e]}; a field map needs finite values");
        if (o.Min is { } lo && !double.IsFinite(lo) || o.Max is { } hi && !double.IsFinite(hi))
            throw new ArgumentException("fixed colour range ends must be finite");
        if (o.Min is { } a && o.Max is { } b && !(b > a))
            throw new ArgumentException($"fixed colour range needs Max > Min (got {a} .. {b})");
        if (o.Width < 300) throw new ArgumentException("image width must be at least 300 pixels");
        if (o.EdgeSegments < 1) throw new ArgumentException("quadratic edges need at least one segment");
        if (!double.IsFinite(o.UnitScale) || o.UnitScale == 0) throw new ArgumentException("unit scale must be finite and non-zero");
    }

    static Vec2[] Deformed(Mesh mesh, double[] u, double scale)
    {
        var p = new Vec2[mesh.NodeCount];
        for (int i = 0; i < p.Length; i++) p[i] = mesh.Nodes[i] + new Vec2(scale * u[2 * i], scale * u[2 * i + 1]);
        return p;
    }

    static FieldMapLayout Layout(Vec2[] positions, double[] values, FieldMapOptions o)
    {
        double x0 = positions.Min(q => q.X), x1 = positions.Max(q => q.X);
        double y0 = positions.Min(q => q.Y), y1 = positions.Max(q => q.Y);
        double w = Math.Max(x1 - x0, 1e-300), h = Math.Max(y1 - y0, 1e-300);
        float plotWidth = o.Width - 2 * Margin - BarBand;
        double ppm = plotWidth / w;
        // very tall shapes would make huge images: cap the plot height at twice its width
        if (h * ppm > 2 * plotWidth) ppm = 2 * plotWidth / h;
        float plotHeight = (float)(h * ppm);
        int height = (int)Math.Ceiling(TitleBand + plotHeight + ScaleBand + Margin);
        var plot = new SKRect(Margin, TitleBand, Margin + (float)(w * ppm), TitleBand + plotHeight);
        float barTop = TitleBand + 20, barHeight = Math.Max(120, plotHeight - 40);
        var bar = new SKRect(o.Width - BarBand + 10, barTop, o.Width - BarBand + 34, barTop + barHeight);
        var (dmin, dmax) = ColorScale.RangeOf(values);
        double lo = o.Min ?? dmin, hi = o.Max ?? dmax;
        if (!(hi > lo)) (lo, hi) = o.Min is null ? (hi - Math.Max(1, Math.Abs(hi)) * 0.01, hi) : (lo, lo + Math.Max(1, Math.Abs(lo)) * 0.01);
        return new FieldMapLayout(o.Width, Math.Max(height, (int)bar.Bottom + Margin), plot, bar, new Vec2(x0, y0), ppm,
            new ColorScale(lo, hi));
    }

    /// <summary>Outline of one element in pixels: its edges in order, each quadratic edge subdivided.</summary>
    static SKPath ElementPath(Mesh mesh, Vec2[] pos, int e, FieldMapLayout layout, int segments)
    {
        var path = new SKPath();
        int c = mesh.Types[e].CornerCount();
        path.MoveTo(layout.ToPixel(pos[mesh.ElementNodes(e)[0]]));
        for (int i = 0; i < c; i++) AddEdge(path, mesh, pos, e, i, layout, segments);
        path.Close();
        return path;
    }

    /// <summary>Appends edge i of element e (without its start point) to the path.</summary>
    static void AddEdge(SKPath path, Mesh mesh, Vec2[] pos, int e, int i, FieldMapLayout layout, int segments)
    {
        var n = mesh.ElementNodes(e);
        var t = mesh.Types[e];
        int c = t.CornerCount();
        Vec2 a = pos[n[i]], b = pos[n[(i + 1) % c]];
        if (t.Order() == 1) { path.LineTo(layout.ToPixel(b)); return; }
        Vec2 m = pos[n[c + i]];
        for (int k = 1; k <= segments; k++)
        {
            double s = (double)k / segments;
            // quadratic Lagrange interpolation through a (s = 0), m (s = 1/2), b (s = 1)
            var p = (1 - s) * (1 - 2 * s) * a + 4 * s * (1 - s) * m + s * (2 * s - 1) * b;
            path.LineTo(layout.ToPixel(p));
        }
    }

    static void DrawElements(SKCanvas canvas, Mesh mesh, Vec2[] pos, double[] values, FieldMapLayout layout, int segments)
    {
        // fills without anti-aliasing so that shared edges leave no light seams between elements
        using var fill = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            fill.Color = layout.Scale.Color(values[e]);
            using var path = ElementPath(mesh, pos, e, layout, segments);
            canvas.DrawPath(path, fill);
        }
    }

    static void DrawOutlines(SKCanvas canvas, Mesh mesh, Vec2[] pos, FieldMapLayout layout, int segments)
    {
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true, IsStroke = true, StrokeWidth = 1.2f };
        using var path = new SKPath();
        foreach (var (e, i) in MeshOutline.Edges(mesh))
        {
            var n = mesh.ElementNodes(e);
            path.MoveTo(layout.ToPixel(pos[n[i]]));
            AddEdge(path, mesh, pos, e, i, layout, segments);
        }
        canvas.DrawPath(path, ink);
    }

    static void DrawLabels(SKCanvas canvas, FieldMapLayout layout, string title, string unitLabel, double unitScale)
    {
        using var font = new SKFont(SKTypeface.Default, 15);
        using var titleFont = new SKFont(SKTypeface.Default, 19);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, Margin, 28, SKTextAlign.Left, titleFont, ink);
        layout.Scale.Draw(canvas, layout.ColorBar, unitLabel, unitScale, font);
        DrawScaleBar(canvas, layout, font, ink);
    }

    /// <summary>A bar of round length (1, 2 or 5 times a power of ten, in um) under the plot.</summary>
    static void DrawScaleBar(SKCanvas canvas, FieldMapLayout layout, SKFont font, SKPaint ink)
    {
        double targetMetres = 0.25 * layout.PlotArea.Width / layout.PixelsPerMetre;
        double um = targetMetres * 1e6;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(um)));
        double len = new[] { 5.0, 2.0, 1.0 }.Select(f => f * mag).First(v => v <= um * 1.0001);
        float px = (float)(len * 1e-6 * layout.PixelsPerMetre);
        float y = layout.PlotArea.Bottom + 18;
        using var bar = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsStroke = true };
        canvas.DrawLine(layout.PlotArea.Left, y, layout.PlotArea.Left + px, y, bar);
        canvas.DrawText($"{ColorScale.TickLabel(len)} um", layout.PlotArea.Left + px + 8, y + 5, SKTextAlign.Left, font, ink);
    }
}
