using CreepCell.Io;
using SkiaSharp;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Overlay pictures: the analysed region in gray (stretched from its darkest to its brightest pixel), each
/// pore's contour in a colour of its own that stays the same through the sequence, and its number at its
/// centroid. Pores left out of tracking (cut by the border) are outlined in gray without a number.
/// Small regions are enlarged by an integer factor so the numbers stay legible.
/// </summary>
internal static class PoreOverlay
{
    const int TargetSize = 768;

    public static void Write(FrameView view, string path) => AtomicFile.WriteAllBytes(path, Render(view));

    public static byte[] Render(FrameView view)
    {
        var img = view.Image;
        int s = Math.Clamp(TargetSize / Math.Max(img.Width, img.Height), 1, 8);
        using var bmp = new SKBitmap(new SKImageInfo(img.Width * s, img.Height * s, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Paint(bmp, view, s);
        using var canvas = new SKCanvas(bmp);
        DrawLabels(canvas, view, s);
        using var encoded = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    static void Paint(SKBitmap bmp, FrameView view, int s)
    {
        var img = view.Image;
        var labels = view.Segmented.Pores.Labels;
        float lo = img.Pixels.Min(), hi = img.Pixels.Max();
        float scale = hi > lo ? 255f / (hi - lo) : 0;
        var px = new SKColor[bmp.Width * bmp.Height];
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
            {
                int i = y * img.Width + x;
                byte g = (byte)Math.Clamp((img.Pixels[i] - lo) * scale, 0, 255);
                var c = IsContour(labels, img.Width, img.Height, x, y) ? ColourOf(view.TrackOfLabel[labels[i]]) : new SKColor(g, g, g);
                for (int yy = 0; yy < s; yy++)
                    for (int xx = 0; xx < s; xx++) px[(y * s + yy) * bmp.Width + x * s + xx] = c;
            }
        bmp.Pixels = px;
    }

    /// <summary>A pore pixel with an edge neighbour of another label (or of the solid).</summary>
    static bool IsContour(int[] labels, int w, int h, int x, int y)
    {
        int l = labels[y * w + x];
        if (l == 0) return false;
        return (x > 0 && labels[y * w + x - 1] != l) || (x < w - 1 && labels[y * w + x + 1] != l) ||
               (y > 0 && labels[(y - 1) * w + x] != l) || (y < h - 1 && labels[(y + 1) * w + x] != l);
    }

    /// <summary>Well-separated hues from the golden-ratio sequence; gray for untracked pores.</summary>
    internal static SKColor ColourOf(int track)
    {
        if (track == 0) return new SKColor(150, 150, 150);
        float hue = (float)(track * 0.618033988749895 % 1.0) * 360f;
        return SKColor.FromHsv(hue, 90, 100);
    }

    static void DrawLabels(SKCanvas canvas, FrameView view, int s)
    {
        using var font = new SKFont(SKTypeface.Default, Math.Max(11, 4 * s));
        using var fill = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var halo = new SKPaint { IsAntialias = true, Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        foreach (var r in view.Segmented.Pores.Regions)
        {
            int track = view.TrackOfLabel[r.Label];
            if (track == 0) continue;
            float x = (float)((r.CentroidX + 0.5) * s), y = (float)((r.CentroidY + 0.5) * s) + font.Size / 3;
            string text = track.ToString(System.Globalization.CultureInfo.InvariantCulture);
            canvas.DrawText(text, x, y, SKTextAlign.Center, font, halo);
            canvas.DrawText(text, x, y, SKTextAlign.Center, font, fill);
        }
        var f = view.Record;
        string title = $"frame {f.Index}  porosity {100 * f.Porosity:F2} %";
        canvas.DrawText(title, 6, font.Size + 4, SKTextAlign.Left, font, halo);
        canvas.DrawText(title, 6, font.Size + 4, SKTextAlign.Left, font, fill);
    }
}
