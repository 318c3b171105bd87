using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>Median filtering of salt-and-pepper noise before thresholding, against the drawn pore pixel count.</summary>
public class DenoiseTests
{
    /// <summary>A fraction p of the pixels set to 0 or 255 (half each), at random.</summary>
    static GrayImage SaltAndPepper(GrayImage img, double p, int seed)
    {
        var rng = new Random(seed);
        var px = (float[])img.Pixels.Clone();
        for (int i = 0; i < px.Length; i++)
        {
            double u = rng.NextDouble();
            if (u < p / 2) px[i] = 0;
            else if (u < p) px[i] = 255;
        }
        return new GrayImage(img.Width, img.Height, px, "noisy");
    }

    [Fact]
    public void MedianOfRadiusOneRestoresThePorosityOfTheCleanImage()
    {
        var (clean, areas) = PoreTestImages.Disks(256, 200, (60.3, 70.2, 34), (170.6, 90.4, 45), (90.1, 160.7, 25), (200.2, 175.3, 18));
        double drawn = areas.Sum() / (double)clean.Pixels.Length;
        var noisy = SaltAndPepper(clean, 0.1, 7);
        var fixedT = new SegmentationOptions(Threshold: 120);
        Assert.Equal(drawn, Segmentation.Segment(clean, fixedT).Porosity, 12);
        // Pepper in the solid reads as pore, salt in the pores as solid: porosity moves by p/2 (1 - 2 P).
        double raw = Segmentation.Segment(noisy, fixedT).Porosity;
        Assert.Equal(drawn + 0.05 * (1 - 2 * drawn), raw, 0.005);
        Assert.True(Math.Abs(raw / drawn - 1) > 0.05);
        double median = Segmentation.Segment(noisy, fixedT with { MedianRadius = 1 }).Porosity;
        Assert.Equal(drawn, median, drawn * 0.005);
        // Otsu on the filtered image lands between the phases and agrees.
        Assert.Equal(drawn, Segmentation.Segment(noisy, new SegmentationOptions(MedianRadius: 1)).Porosity, drawn * 0.005);
    }

    [Fact]
    public void NonLocalMeansRestoresThePorosityUnderGaussianNoise()
    {
        var (clean, areas) = PoreTestImages.Disks(160, 120, (45.3, 50.2, 28), (115.6, 70.4, 30), (30.1, 100.7, 12));
        double drawn = areas.Sum() / (double)clean.Pixels.Length;
        // Noise of 50 gray levels against a half gap of 80 at the midpoint threshold: a fraction
        // q = P(z > 1.6) = 5.48 % of each phase is misread, moving the porosity by q (1 - 2 P).
        var noisy = PoreTestImages.AddNoise(clean, 50, 3);
        var fixedT = new SegmentationOptions(Threshold: 120);
        double raw = Segmentation.Segment(noisy, fixedT).Porosity;
        Assert.Equal(drawn + 0.0548 * (1 - 2 * drawn), raw, 0.004);
        Assert.True(Math.Abs(raw / drawn - 1) > 0.05);
        double nlm = Segmentation.Segment(noisy, fixedT with { NlmStrength = 50 }).Porosity;
        Assert.Equal(drawn, nlm, drawn * 0.005);
    }

    [Fact]
    public void MedianKeepsAStraightEdgeAndRemovesAnIsolatedPixel()
    {
        var px = new float[20 * 10];
        for (int y = 0; y < 10; y++) for (int x = 0; x < 20; x++) px[y * 20 + x] = x < 8 ? 40 : 200;
        px[5 * 20 + 15] = 0;
        var filtered = MedianFilter.Apply(new GrayImage(20, 10, px), 2);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 20; x++) Assert.Equal(x < 8 ? 40f : 200f, filtered[x, y]);
    }
}
