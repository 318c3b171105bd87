using SkiaSharp;

namespace CreepCell.Io.Images;

/// <summary>
/// Reads image files into grayscale frames: TIFF (8, 16 and 32-bit, gray or RGB, every page of a
/// multi-page file) through BitMiracle.LibTiff.NET, PNG, JPEG, BMP and WebP through SkiaSharp.
/// Colour pixels become luma (ITU-R BT.601 weights 0.299, 0.587, 0.114).
/// </summary>
internal static class ImageDecoder
{
    static readonly string[] TiffExtensions = { ".tif", ".tiff" };

    /// <summary>Every frame of the file, in page order; a non-TIFF file holds one frame.</summary>
    public static IEnumerable<GrayImage> ReadFrames(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        if (IsTiff(path)) return TiffDecoder.ReadPages(path);
        return new[] { ReadSkia(path) };
    }

    /// <summary>The frames of several files, in the order given, each file's pages in order.</summary>
    public static IEnumerable<GrayImage> ReadFrames(IEnumerable<string> paths) => paths.SelectMany(ReadFrames);

    /// <summary>Number of frames in the files (pages of TIFF files), without decoding pixels.</summary>
    public static int CountFrames(IEnumerable<string> paths) => paths.Sum(p =>
    {
        if (!File.Exists(p)) throw new InputException(p, null, "file not found");
        return IsTiff(p) ? TiffDecoder.CountPages(p) : 1;
    });

    static bool IsTiff(string path)
    {
        if (TiffExtensions.Contains(Path.GetExtension(path).ToLowerInvariant())) return true;
        Span<byte> head = stackalloc byte[4];
        using var fs = File.OpenRead(path);
        if (fs.Read(head) < 4) return false;
        return (head[0] == (byte)'I' && head[1] == (byte)'I' && head[2] == 42) ||
               (head[0] == (byte)'M' && head[1] == (byte)'M' && head[3] == 42);
    }

    static GrayImage ReadSkia(string path)
    {
        using var decoded = SKBitmap.Decode(path)
            ?? throw new InputException(path, null, "not a readable image (expected PNG, JPEG, BMP, WebP or TIFF)");
        if (decoded.ColorType == SKColorType.Gray8) return FromGray8(decoded, path);
        using var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!decoded.CopyTo(rgba, SKColorType.Rgba8888))
            throw new InputException(path, null, $"cannot convert pixel format {decoded.ColorType} to gray");
        var bytes = rgba.GetPixelSpan();
        var p = new float[decoded.Width * decoded.Height];
        int stride = rgba.RowBytes;
        for (int y = 0; y < decoded.Height; y++)
            for (int x = 0; x < decoded.Width; x++)
            {
                int o = y * stride + 4 * x;
                p[y * decoded.Width + x] = Luma(bytes[o], bytes[o + 1], bytes[o + 2]);
            }
        return new GrayImage(decoded.Width, decoded.Height, p, Path.GetFileName(path));
    }

    static GrayImage FromGray8(SKBitmap bmp, string path)
    {
        var bytes = bmp.GetPixelSpan();
        var p = new float[bmp.Width * bmp.Height];
        for (int y = 0; y < bmp.Height; y++)
            for (int x = 0; x < bmp.Width; x++)
                p[y * bmp.Width + x] = bytes[y * bmp.RowBytes + x];
        return new GrayImage(bmp.Width, bmp.Height, p, Path.GetFileName(path));
    }

    /// <summary>BT.601 luma: perceived brightness of an RGB pixel, in the input's own scale.</summary>
    internal static float Luma(double r, double g, double b) => (float)(0.299 * r + 0.587 * g + 0.114 * b);
}
