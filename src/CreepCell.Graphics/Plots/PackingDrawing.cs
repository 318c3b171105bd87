using System.Globalization;
using System.Text;
using CreepCell.Io;
using SkiaSharp;

namespace CreepCell.Geometry.Packing;

/// <summary>
/// Pictures of a packing: an SVG (vector, for the docs) and a PNG (raster, for a quick look). The
/// RVE is drawn with y up, particles filled by phase, pores white, the RVE outline in black.
/// </summary>
internal static class PackingDrawing
{
    static readonly string[] Palette = { "#e4a11b", "#3b6ea8", "#6aa84f", "#a64d79", "#888888", "#cc4125" };

    /// <summary>Fill colour of a phase, by its position in the spec.</summary>
    public static string PhaseColor(Packing packing, string phase)
    {
        int i = 0;
        foreach (var p in packing.Spec.Phases)
        {
            if (p.Name == phase) return Palette[i % Palette.Length];
            i++;
        }
        return Palette[^1];
    }

    /// <summary>The SVG text, <paramref name="pixels"/> wide, with a legend line under the square.</summary>
    public static string ToSvg(Packing packing, int pixels = 800)
    {
        var inv = CultureInfo.InvariantCulture;
        double scale = pixels / packing.Side;
        int legend = 28;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pixels}\" height=\"{pixels + legend}\" viewBox=\"0 0 {pixels} {pixels + legend}\">\n");
        sb.Append(inv, $"<rect x=\"0\" y=\"0\" width=\"{pixels}\" height=\"{pixels}\" fill=\"white\" stroke=\"black\" stroke-width=\"2\"/>\n");
        foreach (var q in packing.Particles)
        {
            sb.Append("<polygon points=\"");
            foreach (var v in q.Vertices)
                sb.Append(inv, $"{v.X * scale:0.##},{pixels - v.Y * scale:0.##} ");
            sb.Append(inv, $"\" fill=\"{PhaseColor(packing, q.Phase)}\" stroke=\"#222222\" stroke-width=\"0.6\"/>\n");
        }
        sb.Append(inv, $"<text x=\"4\" y=\"{pixels + 19}\" font-family=\"sans-serif\" font-size=\"15\">{Escape(Legend(packing))}</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToSvg"/> to a file (atomically).</summary>
    public static void WriteSvg(Packing packing, string path, int pixels = 800) =>
        AtomicFile.WriteAllText(path, ToSvg(packing, pixels));

    /// <summary>Writes a PNG of the packing (SkiaSharp raster, atomically).</summary>
    public static void WritePng(Packing packing, string path, int pixels = 800)
    {
        int legend = 28;
        using var bitmap = new SKBitmap(pixels, pixels + legend);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            double scale = pixels / packing.Side;
            using var stroke = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsStroke = true, StrokeWidth = 1, IsAntialias = true };
            foreach (var q in packing.Particles)
            {
                using var path2 = new SKPath();
                for (int i = 0; i < q.Vertices.Length; i++)
                {
                    var pt = new SKPoint((float)(q.Vertices[i].X * scale), (float)(pixels - q.Vertices[i].Y * scale));
                    if (i == 0) path2.MoveTo(pt); else path2.LineTo(pt);
                }
                path2.Close();
                using var fill = new SKPaint { Color = SKColor.Parse(PhaseColor(packing, q.Phase)), IsAntialias = true };
                canvas.DrawPath(path2, fill);
                canvas.DrawPath(path2, stroke);
            }
            using var frame = new SKPaint { Color = SKColors.Black, IsStroke = true, StrokeWidth = 2 };
            canvas.DrawRect(1, 1, pixels - 2, pixels - 2, frame);
            using var font = new SKFont(SKTypeface.Default, 15);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(Legend(packing), 4, pixels + 19, font, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>"Se 35.6 % (21), MSe 39.7 % (48), pores 24.7 %, L = 20 um".</summary>
    public static string Legend(Packing packing)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = packing.Report.Phases.Select(p => string.Format(inv, "{0} {1:0.0} % ({2})", p.Name, 100 * p.AchievedFraction, p.ParticleCount));
        return string.Join(", ", parts) + string.Format(inv, ", pores {0:0.0} %, L = {1:0.##} um", 100 * packing.Report.Porosity, packing.Side * 1e6);
    }

    static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
