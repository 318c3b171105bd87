using BitMiracle.LibTiff.Classic;

namespace CreepCell.Io.Images;

/// <summary>
/// Multi-page TIFF reading with BitMiracle.LibTiff.NET (a managed port of libtiff): strips or tiles,
/// 8/16/32-bit unsigned or 32-bit float samples, gray (min-is-black or min-is-white) or RGB, chunky layout.
/// </summary>
static class TiffDecoder
{
    sealed class ErrorCollector : TiffErrorHandler
    {
        public string? LastError;
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
            LastError = string.Format(format, args);
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) =>
            LastError = string.Format(format, args);
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
    }

    static readonly ErrorCollector Errors = new();
    static readonly object HandlerLock = new();

    public static IEnumerable<GrayImage> ReadPages(string path)
    {
        lock (HandlerLock) Tiff.SetErrorHandler(Errors);
        using var tif = Tiff.Open(path, "r")
            ?? throw new InputException(path, null, "not a readable TIFF file" + Detail());
        int page = 0;
        do
        {
            yield return ReadPage(tif, path, page);
            page++;
        } while (tif.ReadDirectory());
    }

    public static int CountPages(string path)
    {
        lock (HandlerLock) Tiff.SetErrorHandler(Errors);
        using var tif = Tiff.Open(path, "r") ?? throw new InputException(path, null, "not a readable TIFF file" + Detail());
        return tif.NumberOfDirectories();
    }

    static string Detail() => Errors.LastError is { } e ? $" ({e})" : "";

    static GrayImage ReadPage(Tiff tif, string path, int page)
    {
        var layout = PageLayout.Of(tif, path, page);
        var pixels = new float[layout.Width * layout.Height];
        if (tif.IsTiled()) ReadTiles(tif, layout, pixels, path, page);
        else ReadStrips(tif, layout, pixels, path, page);
        if (layout.MinIsWhite) Invert(pixels, layout);
        string source = $"{Path.GetFileName(path)} page {page + 1}";
        return new GrayImage(layout.Width, layout.Height, pixels, source);
    }

    static void ReadStrips(Tiff tif, PageLayout l, float[] pixels, string path, int page)
    {
        var row = new byte[tif.ScanlineSize()];
        for (int y = 0; y < l.Height; y++)
        {
            if (!tif.ReadScanline(row, y))
                throw new InputException(path, $"page {page + 1}, row {y}", "cannot decode the row" + Detail());
            for (int x = 0; x < l.Width; x++) pixels[y * l.Width + x] = l.Gray(row, x);
        }
    }

    static void ReadTiles(Tiff tif, PageLayout l, float[] pixels, string path, int page)
    {
        int tw = tif.GetField(TiffTag.TILEWIDTH)[0].ToInt();
        int th = tif.GetField(TiffTag.TILELENGTH)[0].ToInt();
        var tile = new byte[tif.TileSize()];
        int tileRowBytes = tif.TileRowSize();
        var line = new byte[tileRowBytes];
        for (int ty = 0; ty < l.Height; ty += th)
            for (int tx = 0; tx < l.Width; tx += tw)
            {
                if (tif.ReadTile(tile, 0, tx, ty, 0, 0) < 0)
                    throw new InputException(path, $"page {page + 1}, tile at ({tx}, {ty})", "cannot decode the tile" + Detail());
                for (int y = 0; y < th && ty + y < l.Height; y++)
                {
                    Array.Copy(tile, y * tileRowBytes, line, 0, tileRowBytes);
                    for (int x = 0; x < tw && tx + x < l.Width; x++) pixels[(ty + y) * l.Width + tx + x] = l.Gray(line, x);
                }
            }
    }

    static void Invert(float[] pixels, PageLayout l)
    {
        float full = l.Bits == 32 && l.IsFloat ? pixels.Max() + pixels.Min() : (float)((1L << l.Bits) - 1);
        for (int i = 0; i < pixels.Length; i++) pixels[i] = full - pixels[i];
    }

    /// <summary>Size and sample format of one page, and how to turn its bytes into a gray value.</summary>
    sealed record PageLayout(int Width, int Height, int Bits, int SamplesPerPixel, bool IsFloat, bool MinIsWhite)
    {
        public static PageLayout Of(Tiff tif, string path, int page)
        {
            string where = $"page {page + 1}";
            int w = Field(tif, TiffTag.IMAGEWIDTH, 0), h = Field(tif, TiffTag.IMAGELENGTH, 0);
            int bits = Field(tif, TiffTag.BITSPERSAMPLE, 1), spp = Field(tif, TiffTag.SAMPLESPERPIXEL, 1);
            var format = (SampleFormat)Field(tif, TiffTag.SAMPLEFORMAT, (int)SampleFormat.UINT);
            var photo = (Photometric)Field(tif, TiffTag.PHOTOMETRIC, (int)Photometric.MINISBLACK);
            var planar = (PlanarConfig)Field(tif, TiffTag.PLANARCONFIG, (int)PlanarConfig.CONTIG);
            if (w <= 0 || h <= 0) throw new InputException(path, where, "image width and height must be positive");
            if (bits != 8 && bits != 16 && bits != 32)
                throw new InputException(path, where, $"expected 8, 16 or 32 bits per sample, got {bits}");
            bool isFloat = format == SampleFormat.IEEEFP;
            if (isFloat && bits != 32) throw new InputException(path, where, $"expected 32-bit floating point samples, got {bits}-bit");
            if (format != SampleFormat.UINT && !isFloat)
                throw new InputException(path, where, $"expected unsigned integer or float samples, got {format}");
            if (photo is not (Photometric.MINISBLACK or Photometric.MINISWHITE or Photometric.RGB))
                throw new InputException(path, where, $"expected a gray or RGB image, got photometric {photo}");
            if (spp > 1 && planar != PlanarConfig.CONTIG)
                throw new InputException(path, where, "expected interleaved (chunky) samples, got separate planes");
            return new PageLayout(w, h, bits, spp, isFloat, photo == Photometric.MINISWHITE);
        }

        static int Field(Tiff tif, TiffTag tag, int fallback)
        {
            var v = tif.GetField(tag) ?? tif.GetFieldDefaulted(tag);
            return v is null ? fallback : v[0].ToInt();
        }

        public float Gray(byte[] row, int x)
        {
            int first = x * SamplesPerPixel;
            if (SamplesPerPixel < 3) return Sample(row, first);
            return ImageDecoder.Luma(Sample(row, first), Sample(row, first + 1), Sample(row, first + 2));
        }

        float Sample(byte[] row, int index) => Bits switch
        {
            8 => row[index],
            16 => BitConverter.ToUInt16(row, 2 * index),
            _ => IsFloat ? BitConverter.ToSingle(row, 4 * index) : BitConverter.ToUInt32(row, 4 * index),
        };
    }
}
