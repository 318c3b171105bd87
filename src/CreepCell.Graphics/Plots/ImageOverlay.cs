using System.Globalization;
using CreepCell.Io;
using CreepCell.Meshing;
using SkiaSharp;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// The meshed RVE drawn over its image, to check the segmentation before a long run: the analysed region
/// in grey (stretched from its darkest to its brightest pixel), the element edges in a light tint of their
/// phase colour and every body's outline in the phase colour, with a legend of phase fractions (pixels
/// against outlines) under the picture. Small regions are enlarged by an integer factor.
/// </summary>
internal static class ImageOverlay
{
    static readonly SKColor[] Palette = { new(0xe4, 0xa1, 0x1b), new(0x3b, 0x6e, 0xa8), new(0x6a, 0xa8, 0x4f), new(0xa6, 0x4d, 0x79), new(0xcc, 0x41, 0x25) };
    const int Target = 900, Line = 22;

    public static void Write(string path, ImageRve rve, Mesh? mesh) => AtomicFile.WriteAllBytes(path, Render(rve, mesh));

    public static byte[] Render(ImageRve rve, Mesh? mesh)
    {
        var map = rve.Map;
        int s = Math.Clamp(Target / Math.Max(map.Width, map.Height), 1, 16);
        int legend = Line * rve.Spec.SolidPhases.Count() + 6;
        using var bmp = new SKBitmap(map.Width * s, map.Height * s + legend);
        using (var canvas = new SKCanvas(bmp))
        {
            canvas.Clear(SKColors.White);
            DrawImage(canvas, rve, s);
            SKPoint At(Vec2 p) => new((float)(p.X / map.PixelSize * s), (float)((map.Height - p.Y / map.PixelSize) * s));
            if (mesh is not null) DrawMesh(canvas, rve, mesh, At);
            DrawOutlines(canvas, rve, At);
            DrawLegend(canvas, rve, map.Height * s);
        }
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static SKColor Colour(ImageRve rve, string phase) => Palette[rve.Spec.SolidPhases.ToList().IndexOf(phase) % Palette.Length];

    static void DrawImage(SKCanvas canvas, ImageRve rve, int s)
    {
        var px = rve.Map.Image.Pixels;
        float lo = px.Min(), hi = px.Max(), scale = hi > lo ? 255f / (hi - lo) : 0;
        int n = rve.Spec.Coarsen, w = rve.Map.Image.Width;
        using var paint = new SKPaint();
        for (int y = 0; y < rve.Map.Height * n; y++)
            for (int x = 0; x < rve.Map.Width * n; x++)
            {
                byte g = (byte)Math.Clamp((px[y * w + x] - lo) * scale, 0, 255);
                paint.Color = new SKColor(g, g, g);
                canvas.DrawRect((float)x * s / n, (float)y * s / n, (float)s / n, (float)s / n, paint);
            }
    }

    static void DrawMesh(SKCanvas canvas, ImageRve rve, Mesh mesh, Func<Vec2, SKPoint> at)
    {
        using var pen = new SKPaint { IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var c = Colour(rve, mesh.RegionNames[mesh.Region[e]]);
            pen.Color = c.WithAlpha(150);
            var nodes = mesh.ElementNodes(e);
            int corners = mesh.Types[e].CornerCount();
            for (int k = 0; k < corners; k++)
                canvas.DrawLine(at(mesh.Nodes[nodes[k]]), at(mesh.Nodes[nodes[(k + 1) % corners]]), pen);
        }
    }

    static void DrawOutlines(SKCanvas canvas, ImageRve rve, Func<Vec2, SKPoint> at)
    {
        using var pen = new SKPaint { IsStroke = true, StrokeWidth = 2, IsAntialias = true };
        foreach (var b in rve.Bodies)
        {
            pen.Color = Colour(rve, b.Phase);
            foreach (var loop in b.Holes.Prepend(b.Outer))
            {
                using var path = new SKPath();
                path.AddPoly(loop.Select(at).ToArray(), close: true);
                canvas.DrawPath(path, pen);
            }
        }
    }

    static void DrawLegend(SKCanvas canvas, ImageRve rve, int top)
    {
        var inv = CultureInfo.InvariantCulture;
        double box = rve.Width * rve.Height;
        using var font = new SKFont(SKTypeface.Default, 14);
        float y = top;
        foreach (var p in rve.Report.Phases.Where(p => p.Name != ImageSpec.VoidPhase))
        {
            string text = string.Format(inv, "{0}: {1} bodies, outlines {2:0.00} % of the box; pixels {3:0.00} % ({4:0.00} % after islands)",
                p.Name, p.Bodies, 100 * p.OutlineArea / box, 100.0 * p.ImagePixels / rve.PixelCount, 100.0 * p.Pixels / rve.PixelCount);
            using var ink = new SKPaint { Color = Colour(rve, p.Name).WithAlpha(255), IsAntialias = true };
            y += Line;
            canvas.DrawText(text, 4, y - 5, font, ink);
        }
    }
}
