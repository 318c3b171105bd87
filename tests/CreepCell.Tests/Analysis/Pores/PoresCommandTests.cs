using System.Globalization;
using System.Text.Json;
using CreepCell.Io.Images;
using SkiaSharp;

namespace CreepCell.Tests.Analysis.Pores;

public sealed class PoresCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("creepcell-pores-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    static int Cli(params string[] args) =>
        (int)typeof(CreepCell.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { args.Prepend("pores").ToArray() })!;

    /// <summary>Four PNG frames of two shrinking disks; returns the paths and the disks' pixel counts per frame.</summary>
    (string[] Paths, List<int[]> Areas) ShrinkingPngs()
    {
        var paths = new List<string>();
        var areas = new List<int[]>();
        for (int k = 0; k < 4; k++)
        {
            var (img, a) = PoreTestImages.Disks(100, 80, (30, 40, 15 - 2 * k), (70, 35, 9 - k));
            string path = Path.Combine(_dir, $"frame{k}.png");
            using var bmp = new SKBitmap(new SKImageInfo(img.Width, img.Height, SKColorType.Gray8, SKAlphaType.Opaque));
            bmp.Pixels = img.Pixels.Select(v => new SKColor((byte)v, (byte)v, (byte)v)).ToArray();
            using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(path, data.ToArray());
            paths.Add(path);
            areas.Add(a);
        }
        return (paths.ToArray(), areas);
    }

    static List<string[]> Csv(string path) => File.ReadAllLines(path).Select(l => l.Split(',')).ToList();

    [Fact]
    public void Pores_command_writes_tables_json_plots_and_overlays_with_physical_units()
    {
        var (paths, areas) = ShrinkingPngs();
        string outDir = Path.Combine(_dir, "out");
        int code = Cli(paths.Concat(new[] { "--out", outDir, "--frame-interval", "20 min", "--scale-bar-px", "200", "--scale-bar", "10 um" }).ToArray());
        Assert.Equal(0, code);

        var pores = Csv(Path.Combine(outDir, "pores.csv"));
        Assert.Equal("pore,frame,time_s,area_px,relative_area,area_um2,equivalent_diameter_px,equivalent_diameter_um,perimeter_px,perimeter_um,circularity,max_feret_px,max_feret_um,centroid_x_px,centroid_y_px,touches_border,status",
            string.Join(',', pores[0]));
        var big = pores.Skip(1).Where(r => r[0] == "1").ToList();
        Assert.Equal(4, big.Count);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(k * 1200.0, double.Parse(big[k][2], CultureInfo.InvariantCulture));
            Assert.Equal(areas[k][0], int.Parse(big[k][3], CultureInfo.InvariantCulture));
            Assert.Equal((double)areas[k][0] / areas[0][0], double.Parse(big[k][4], CultureInfo.InvariantCulture), 9);
            Assert.Equal(areas[k][0] * 0.0025, double.Parse(big[k][5], CultureInfo.InvariantCulture), 9);
        }
        CsvParquetTests.AssertSameAsCsv(Path.Combine(outDir, "pores.csv"));
        CsvParquetTests.AssertSameAsCsv(Path.Combine(outDir, "frames.csv"));
        var frames = Csv(Path.Combine(outDir, "frames.csv"));
        Assert.Equal(new[] { "frame", "source", "time_s", "threshold", "porosity" }, frames[0].Take(5));
        Assert.Equal((areas[3][0] + areas[3][1]) / 8000.0, double.Parse(frames[4][4], CultureInfo.InvariantCulture), 9);
        Assert.Equal(new[] { "frame", "time_s", "event", "pore", "related" }, Csv(Path.Combine(outDir, "events.csv"))[0]);
        Assert.Equal(3, Csv(Path.Combine(outDir, "pore_summary.csv")).Count);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "pores.json")));
        Assert.Equal(4, json.RootElement.GetProperty("frames").GetArrayLength());
        Assert.Equal(5e-8, json.RootElement.GetProperty("pixel_size_m").GetDouble(), 15);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(outDir, "overlays"), "frame_*.png").Length);
        using var plot = SKBitmap.Decode(Path.Combine(outDir, "relative_area.png"));
        Assert.Equal((1000, 600), (plot.Width, plot.Height));
        Assert.NotNull(SKBitmap.Decode(Path.Combine(outDir, "overlays", "frame_0003.png")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Multi_page_tiff_with_region_of_interest_reports_centroids_in_image_pixels()
    {
        var pages = new[] { 10.0, 8.0 }.Select(rad =>
            PoreTestImages.Disks(90, 70, (50, 30, rad)).Image.Pixels.Select(v => (ushort)(v * 250)).ToArray()).ToList();
        string tif = Path.Combine(_dir, "stack.tif");
        ImageDecoderTests.WriteTiff(tif, pages, 90, 70);
        string outDir = Path.Combine(_dir, "roi");
        Assert.Equal(0, Cli(tif, "--out", outDir, "--roi", "30,10,45,45", "--no-overlays", "--smooth", "0.5"));
        var rows = Csv(Path.Combine(outDir, "pores.csv"));
        Assert.Equal(3, rows.Count);
        int cx = Array.IndexOf(rows[0], "centroid_x_px");
        Assert.Equal(50, double.Parse(rows[1][cx], CultureInfo.InvariantCulture), 9);
        Assert.Equal(30, double.Parse(rows[1][cx + 1], CultureInfo.InvariantCulture), 9);
        Assert.False(Directory.Exists(Path.Combine(outDir, "overlays")));
    }

    [Theory]
    [InlineData("--roi", "90,0,20,20")]
    [InlineData("--frame-times", "0 h, 1 h")]
    [InlineData("--scale-bar", "10 um")]
    [InlineData("--connectivity", "6")]
    [InlineData("--classes", "5")]
    [InlineData("--frame-interval", "20 kg")]
    [InlineData("--compare-frames", "1,9")]
    [InlineData("--pixel-size", "-3 nm")]
    [InlineData("--denoise", "median:0")]
    [InlineData("--denoise", "median:1.5")]
    [InlineData("--denoise", "gauss:1")]
    [InlineData("--denoise", "nlm:0")]
    [InlineData("--denoise", "nlm:x")]
    public void Bad_options_exit_with_code_2_and_write_nothing(string key, string value)
    {
        var (paths, _) = ShrinkingPngs();
        string outDir = Path.Combine(_dir, "bad");
        Assert.Equal(2, Cli(paths.Concat(new[] { "--out", outDir, key, value }).ToArray()));
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--split", "--split-depth", "0")]
    [InlineData("--split", "--split-depth", "-1")]
    [InlineData("--no-overlays", "--split-depth", "3")]
    public void A_split_depth_must_be_positive_and_needs_split(string flag, string key, string value)
    {
        var (paths, _) = ShrinkingPngs();
        string outDir = Path.Combine(_dir, "bad");
        Assert.Equal(2, Cli(paths[0], "--out", outDir, flag, key, value));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Split_separates_two_overlapping_disks_into_two_pores()
    {
        var (img, _) = PoreTestImages.Disks(100, 80, (30.2, 40.1, 18), (58.2, 40.1, 18));
        string path = Path.Combine(_dir, "pair.png");
        using (var bmp = new SKBitmap(new SKImageInfo(img.Width, img.Height, SKColorType.Gray8, SKAlphaType.Opaque)))
        {
            bmp.Pixels = img.Pixels.Select(v => new SKColor((byte)v, (byte)v, (byte)v)).ToArray();
            using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(path, data.ToArray());
        }
        string whole = Path.Combine(_dir, "whole"), split = Path.Combine(_dir, "split");
        Assert.Equal(0, Cli(path, "--out", whole, "--no-overlays"));
        Assert.Equal(0, Cli(path, "--out", split, "--no-overlays", "--split"));
        int Count(string dir)
        {
            var rows = Csv(Path.Combine(dir, "frames.csv"));
            return int.Parse(rows[1][Array.IndexOf(rows[0], "pore_count")], CultureInfo.InvariantCulture);
        }
        Assert.Equal(1, Count(whole));
        Assert.Equal(2, Count(split));
    }

    [Fact]
    public void Otsu_of_the_first_frame_cannot_be_combined_with_a_fixed_threshold()
    {
        var (paths, _) = ShrinkingPngs();
        string outDir = Path.Combine(_dir, "bad");
        Assert.Equal(2, Cli(paths[0], "--out", outDir, "--threshold", "100", "--otsu-first-frame"));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Default_compared_frames_spread_over_the_sequence_after_the_first()
    {
        Assert.Equal(new[] { 0 }, CreepCell.Analysis.Pores.PorePlots.DefaultComparedFrames(1));
        Assert.Equal(new[] { 1 }, CreepCell.Analysis.Pores.PorePlots.DefaultComparedFrames(2));
        Assert.Equal(new[] { 1, 2, 3 }, CreepCell.Analysis.Pores.PorePlots.DefaultComparedFrames(4));
        Assert.Equal(new[] { 1, 3, 6, 8, 10 }, CreepCell.Analysis.Pores.PorePlots.DefaultComparedFrames(11));
    }

    [Fact]
    public void Frames_of_different_sizes_or_missing_files_are_bad_input_and_write_nothing()
    {
        var (paths, _) = ShrinkingPngs();
        string odd = Path.Combine(_dir, "odd.tif");
        ImageDecoderTests.WriteTiff(odd, new[] { new ushort[12] }, 4, 3);
        string outDir = Path.Combine(_dir, "bad");
        Assert.Equal(2, Cli(paths[0], paths[1], odd, "--out", outDir));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(2, Cli(paths[0], Path.Combine(_dir, "missing.png"), "--out", outDir));
        Assert.False(Directory.Exists(outDir));
    }
}
