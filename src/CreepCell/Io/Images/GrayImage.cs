namespace CreepCell.Io.Images;

/// <summary>
/// A single-channel image: intensities in the file's own scale (0..255 for 8 bit, 0..65535 for 16 bit,
/// raw values for floating-point TIFF), stored row by row, x to the right and y down.
/// </summary>
public sealed class GrayImage
{
    public int Width { get; }
    public int Height { get; }
    public float[] Pixels { get; }

    /// <summary>Where the image came from, e.g. "frames.tif page 3"; used in messages and tables.</summary>
    public string Source { get; }

    public GrayImage(int width, int height, float[] pixels, string source = "")
    {
        if (width <= 0 || height <= 0) throw new ArgumentException("image size must be positive");
        if (pixels.Length != width * height) throw new ArgumentException("pixel count does not match the size");
        Width = width;
        Height = height;
        Pixels = pixels;
        Source = source;
    }

    public float this[int x, int y] => Pixels[y * Width + x];

    /// <summary>The rectangle (x, y, width, height) copied out; the rectangle must lie inside the image.</summary>
    public GrayImage Crop(PixelRect r)
    {
        if (r.X < 0 || r.Y < 0 || r.Width <= 0 || r.Height <= 0 || r.X + r.Width > Width || r.Y + r.Height > Height)
            throw new ArgumentOutOfRangeException(nameof(r), $"region {r} is not inside a {Width}x{Height} image");
        var p = new float[r.Width * r.Height];
        for (int y = 0; y < r.Height; y++)
            Array.Copy(Pixels, (r.Y + y) * Width + r.X, p, y * r.Width, r.Width);
        return new GrayImage(r.Width, r.Height, p, Source);
    }
}
