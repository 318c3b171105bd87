using BitMiracle.LibTiff.Classic;
using CreepCell.Io.Images;
using SkiaSharp;

namespace CreepCell.Tests.Analysis.Pores;

public sealed class ImageDecoderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("creepcell-images-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Writes pages of 16-bit (or 8-bit) gray pixels as a multi-page TIFF.</summary>
    internal static void WriteTiff(string path, IReadOnlyList<ushort[]> pages, int w, int h, int bits = 16, Photometric photometric = Photometric.MINISBLACK)
    {
        using var tif = Tiff.Open(path, "w");
        foreach (var page in pages)
        {
            tif.SetField(TiffTag.IMAGEWIDTH, w);
            tif.SetField(TiffTag.IMAGELENGTH, h);
            tif.SetField(TiffTag.BITSPERSAMPLE, bits);
            tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tif.SetField(TiffTag.PHOTOMETRIC, photometric);
            tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tif.SetField(TiffTag.ROWSPERSTRIP, 4);
            tif.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
            var row = new byte[w * bits / 8];
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                    if (bits == 16) BitConverter.TryWriteBytes(row.AsSpan(2 * x), page[y * w + x]);
                    else row[x] = (byte)page[y * w + x];
                tif.WriteScanline(row, y);
            }
            tif.WriteDirectory();
        }
    }

    [Fact]
    public void Sixteen_bit_multi_page_tiff_round_trips_exactly()
    {
        const int w = 37, h = 11;
        var pages = Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, w * h).Select(i => (ushort)((i * 977 + k * 20011) % 65536)).ToArray()).ToList();
        string path = Path.Combine(_dir, "stack.tif");
        WriteTiff(path, pages, w, h);
        var frames = ImageDecoder.ReadFrames(path).ToList();
        Assert.Equal(3, frames.Count);
        for (int k = 0; k < 3; k++) Assert.Equal(pages[k].Select(v => (float)v), frames[k].Pixels);
        Assert.Equal("stack.tif page 2", frames[1].Source);
    }

    [Fact]
    public void Min_is_white_tiff_is_inverted_so_dark_stays_dark()
    {
        string path = Path.Combine(_dir, "white.tif");
        WriteTiff(path, new[] { new ushort[] { 0, 10, 255, 100 } }, 2, 2, bits: 8, photometric: Photometric.MINISWHITE);
        Assert.Equal(new float[] { 255, 245, 0, 155 }, ImageDecoder.ReadFrames(path).Single().Pixels);
    }

    [Fact]
    public void Png_gray_and_colour_decode_to_gray_levels()
    {
        string gray = Path.Combine(_dir, "gray.png"), colour = Path.Combine(_dir, "colour.png");
        using (var bmp = new SKBitmap(new SKImageInfo(3, 2, SKColorType.Gray8, SKAlphaType.Opaque)))
        {
            bmp.Pixels = new[] { 0, 50, 100, 150, 200, 250 }.Select(v => new SKColor((byte)v, (byte)v, (byte)v)).ToArray();
            Save(bmp, gray);
        }
        using (var bmp = new SKBitmap(new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Opaque)))
        {
            bmp.Pixels = new[] { new SKColor(255, 0, 0), new SKColor(0, 0, 255) };
            Save(bmp, colour);
        }
        Assert.Equal(new float[] { 0, 50, 100, 150, 200, 250 }, ImageDecoder.ReadFrames(gray).Single().Pixels);
        var c = ImageDecoder.ReadFrames(colour).Single().Pixels;
        Assert.Equal(0.299 * 255, c[0], 3);
        Assert.Equal(0.114 * 255, c[1], 3);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_bad_input_naming_the_file()
    {
        string path = Path.Combine(_dir, "notes.png");
        File.WriteAllText(path, "not an image");
        var e = Assert.Throws<InputException>(() => ImageDecoder.ReadFrames(path).ToList());
        Assert.Contains("notes.png", e.Message);
        string tif = Path.Combine(_dir, "broken.tif");
        File.WriteAllBytes(tif, new byte[] { (byte)'I', (byte)'I', 42, 0, 1, 2 });
        Assert.Throws<InputException>(() => ImageDecoder.ReadFrames(tif).ToList());
    }

    [Fact]
    public void Tiled_tiff_with_partial_edge_tiles_decodes_every_pixel()
    {
        const int w = 40, h = 21, tile = 16;
        string path = Path.Combine(_dir, "tiled.tif");
        using (var tif = Tiff.Open(path, "w"))
        {
            tif.SetField(TiffTag.IMAGEWIDTH, w);
            tif.SetField(TiffTag.IMAGELENGTH, h);
            tif.SetField(TiffTag.BITSPERSAMPLE, 8);
            tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tif.SetField(TiffTag.TILEWIDTH, tile);
            tif.SetField(TiffTag.TILELENGTH, tile);
            for (int ty = 0; ty < h; ty += tile)
                for (int tx = 0; tx < w; tx += tile)
                {
                    var buf = new byte[tile * tile];
                    for (int y = 0; y < tile; y++)
                        for (int x = 0; x < tile; x++) buf[y * tile + x] = (byte)((tx + x) * 3 + (ty + y) * 7);
                    tif.WriteTile(buf, tx, ty, 0, 0);
                }
            tif.WriteDirectory();
        }
        var img = ImageDecoder.ReadFrames(path).Single();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) Assert.Equal((byte)(x * 3 + y * 7), img[x, y]);
    }

    [Fact]
    public void Float_and_rgb_tiff_pages_decode_to_values_and_luma()
    {
        string path = Path.Combine(_dir, "mixed.tif");
        using (var tif = Tiff.Open(path, "w"))
        {
            WritePage(tif, 32, 1, SampleFormat.IEEEFP, Photometric.MINISBLACK,
                new[] { 0.25f, -1.5f, 1e3f }.SelectMany(BitConverter.GetBytes).ToArray());
            WritePage(tif, 8, 3, SampleFormat.UINT, Photometric.RGB, new byte[] { 255, 0, 0, 0, 255, 0, 0, 0, 255 });
        }
        var pages = ImageDecoder.ReadFrames(path).ToList();
        Assert.Equal(new[] { 0.25f, -1.5f, 1e3f }, pages[0].Pixels);
        Assert.Equal(0.299 * 255, pages[1].Pixels[0], 3);
        Assert.Equal(0.587 * 255, pages[1].Pixels[1], 3);
        Assert.Equal(0.114 * 255, pages[1].Pixels[2], 3);
    }

    static void WritePage(Tiff tif, int bits, int spp, SampleFormat format, Photometric photometric, byte[] row)
    {
        tif.SetField(TiffTag.IMAGEWIDTH, 3);
        tif.SetField(TiffTag.IMAGELENGTH, 1);
        tif.SetField(TiffTag.BITSPERSAMPLE, bits);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, spp);
        tif.SetField(TiffTag.SAMPLEFORMAT, format);
        tif.SetField(TiffTag.PHOTOMETRIC, photometric);
        tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tif.WriteScanline(row, 0);
        tif.WriteDirectory();
    }

    static void Save(SKBitmap bmp, string path)
    {
        using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
