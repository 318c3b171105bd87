using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// The segmented NMC cathode volume of TauFactor (tldr-group/taufactor, docs/notebooks/electrode.tiff, MIT):
/// 256 slices of 256 x 256 uint8 pixels, pore 0, NMC 85, binder 170. Its pore fraction per slice is the
/// exact count of 0-valued pixels.
/// </summary>
public class ElectrodeSliceTests
{
    static readonly int[] Pages = { 0, 100, 200 };

    [Fact]
    public void The_volume_decodes_as_256_pages_of_three_phases()
    {
        string path = PoreTestImages.ElectrodeTiff;
        Assert.Equal(256, ImageDecoder.CountFrames(new[] { path }));
        var first = ImageDecoder.ReadFrames(path).First();
        Assert.Equal((256, 256), (first.Width, first.Height));
        Assert.Equal(new float[] { 0, 85, 170 }, first.Pixels.Distinct().OrderBy(v => v).ToArray());
        Assert.Equal("electrode.tiff page 1", first.Source);
    }

    [Fact]
    public void Segmented_porosity_of_clean_slices_equals_the_fraction_of_pore_pixels()
    {
        foreach (var slice in PoreTestImages.ElectrodeSlices(Pages))
        {
            double exact = PoreTestImages.ZeroFraction(slice);
            Assert.InRange(exact, 0.40, 0.50);
            Assert.Equal(exact, Segmentation.Segment(slice, new SegmentationOptions(Threshold: 42)).Porosity, 12);
            var otsu = Segmentation.Segment(slice, new SegmentationOptions());
            Assert.Equal(0, otsu.Threshold);
            Assert.Equal(exact, otsu.Porosity, 12);
        }
    }

    /// <summary>
    /// An SEM-like picture of a slice: pores dark (40), both solids bright (160), each voxel drawn as 2 x 2
    /// pixels (an image finer than the smallest pores), a Gaussian blur of 1 pixel (beam spot) and Gaussian
    /// noise of 15 gray levels. Otsu with light smoothing must still find the porosity within 1 percentage point.
    /// </summary>
    [Fact]
    public void Porosity_of_a_blurred_noisy_slice_is_within_one_percentage_point()
    {
        foreach (var (slice, i) in PoreTestImages.ElectrodeSlices(Pages).Select((s, i) => (s, i)))
        {
            double exact = PoreTestImages.ZeroFraction(slice);
            var picture = PoreTestImages.AddNoise(GaussianBlur.Apply(SemLike(slice, 2), 1.0), 15, seed: i + 1);
            var seg = Segmentation.Segment(picture, new SegmentationOptions(SmoothSigma: 0.7, MinPoreArea: 4));
            Assert.InRange(seg.Porosity - exact, -0.01, 0.01);
        }
    }

    static GrayImage SemLike(GrayImage slice, int factor)
    {
        int w = slice.Width * factor, h = slice.Height * factor;
        var p = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) p[y * w + x] = slice[x / factor, y / factor] == 0 ? 40 : 160;
        return new GrayImage(w, h, p, slice.Source);
    }
}
