using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Median filter over a disk of radius R pixels (the offsets with dx^2 + dy^2 &lt;= R^2 + R, so radius 1 is
/// the 3 x 3 square), mirrored at the borders. It removes impulse (salt-and-pepper) noise, isolated pixels
/// far from their neighbours, while a straight edge between two flat phases passes unchanged.
/// </summary>
internal static class MedianFilter
{
    public static GrayImage Apply(GrayImage image, int radius)
    {
        if (radius < 1) return image;
        var offsets = Offsets(radius);
        int w = image.Width, h = image.Height;
        var src = image.Pixels;
        var outp = new float[src.Length];
        var window = new float[offsets.Count];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                for (int k = 0; k < offsets.Count; k++)
                {
                    var (dx, dy) = offsets[k];
                    window[k] = src[GaussianBlur.Mirror(y + dy, h) * w + GaussianBlur.Mirror(x + dx, w)];
                }
                Array.Sort(window);
                outp[y * w + x] = window[window.Length / 2];
            }
        return new GrayImage(w, h, outp, image.Source);
    }

    /// <summary>The window has an odd number of offsets (it is symmetric about the centre), so the median is one of its values.</summary>
    static List<(int Dx, int Dy)> Offsets(int radius)
    {
        var offsets = new List<(int, int)>();
        for (int dy = -radius; dy <= radius; dy++)
            for (int dx = -radius; dx <= radius; dx++)
                if (dx * dx + dy * dy <= radius * radius + radius) offsets.Add((dx, dy));
        return offsets;
    }
}
