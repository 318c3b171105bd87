using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// Per-pore shape descriptors against closed forms (a digitised disk and square), and multi-level Otsu on a
/// three-phase picture of the TauFactor electrode slice.
/// </summary>
public class PoreShapeTests
{
    static PoreRegion Single(GrayImage image)
    {
        var seg = Segmentation.Segment(image, new SegmentationOptions(Threshold: 100));
        return Assert.Single(seg.Pores.Regions);
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(30.0)]
    [InlineData(45.5)]
    public void DiskDescriptorsApproachTheClosedFormsWithinThePixelError(double r)
    {
        var (image, areas) = PoreTestImages.Disks(128, 128, (63.3, 64.6, r));
        var p = Single(image);
        Assert.Equal(areas[0], p.AreaPx);
        // Gauss circle problem: the pixel count differs from pi r^2 by O(r), here under 2 %.
        Assert.Equal(Math.PI * r * r, p.AreaPx, Math.PI * r * r * 0.02);
        Assert.Equal(2 * r, p.EquivalentDiameterPx, 2 * r * 0.01);
        Assert.Equal(2 * Math.PI * r, p.PerimeterPx, 2 * Math.PI * r * 0.015);
        Assert.InRange(p.Circularity, 0.97, 1.03);
        // The pixel outline reaches up to half a pixel diagonal beyond the circle on each side.
        Assert.InRange(p.MaxFeretPx, 2 * r, 2 * r + Math.Sqrt(2));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    public void SquareDescriptorsMatchTheClosedForms(int side)
    {
        var image = PoreTestImages.WithBar(new GrayImage(100, 100, Enumerable.Repeat(PoreTestImages.Solid, 10000).ToArray(), "square"), 20, 30, 20 + side, 30 + side);
        var p = Single(image);
        Assert.Equal(side * side, p.AreaPx);
        // The pixel outline is 4 L long; smoothing rounds the four corners, which shortens it by a few pixels.
        Assert.InRange(p.PerimeterPx, 4.0 * side - 4, 4.0 * side);
        Assert.InRange(p.Circularity, Math.PI / 4, Math.PI / 4 * Math.Pow(4.0 * side / (4.0 * side - 4), 2));
        Assert.Equal(side * Math.Sqrt(2), p.MaxFeretPx, 1e-9);
    }

    [Fact]
    public void ElongatedBarHasFeretAlongItsDiagonalAndLowCircularity()
    {
        var image = PoreTestImages.WithBar(new GrayImage(100, 40, Enumerable.Repeat(PoreTestImages.Solid, 4000).ToArray(), "bar"), 10, 10, 70, 14);
        var p = Single(image);
        Assert.Equal(Math.Sqrt(60 * 60 + 4 * 4), p.MaxFeretPx, 1e-9);
        Assert.InRange(p.Circularity, 0.15, 0.25);
    }

    /// <summary>
    /// The electrode slice drawn with three gray levels (pore 40, binder 110, NMC 180), blurred and noisy:
    /// each voxel 2 x 2 pixels, blurred (1 pixel) and noisy (8 levels). Two-class Otsu puts the threshold between
    /// binder and NMC, so binder counts as pore; three classes find the pore fraction and the phase fractions.
    /// </summary>
    [Fact]
    public void ThreeClassOtsuSeparatesPoresFromBinderInAThreePhaseSlice()
    {
        var slice = PoreTestImages.ElectrodeSlices(100)[0];
        double pore = slice.Pixels.Count(v => v == 0) / (double)slice.Pixels.Length;
        double nmc = slice.Pixels.Count(v => v == 85) / (double)slice.Pixels.Length;
        double binder = slice.Pixels.Count(v => v == 170) / (double)slice.Pixels.Length;
        // Each voxel drawn as 2 x 2 pixels (an image finer than the smallest pores), as in ElectrodeSliceTests.
        int w = 2 * slice.Width, h = 2 * slice.Height;
        var levels = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) { float v = slice[x / 2, y / 2]; levels[y * w + x] = v == 0 ? 40f : v == 85 ? 180f : 110f; }
        var picture = PoreTestImages.AddNoise(GaussianBlur.Apply(new GrayImage(w, h, levels, "three-phase"), 1.0), 8, seed: 5);
        var two = Segmentation.Segment(picture, new SegmentationOptions(SmoothSigma: 0.7, MinPoreArea: 4));
        Assert.True(two.Porosity > pore + 0.5 * binder, $"two-class porosity {two.Porosity:F3} against pores {pore:F3} and binder {binder:F3}");
        var three = Segmentation.Segment(picture, new SegmentationOptions(SmoothSigma: 0.7, MinPoreArea: 4, Classes: 3));
        // The threshold lands where the midpoint between the pore and binder levels would put it (73 against 75);
        // what is lost against the voxel count are pore pixels the blur lifts into the binder class at pore-NMC edges.
        double midpoint = Segmentation.Segment(picture, new SegmentationOptions(Threshold: 75, SmoothSigma: 0.7, MinPoreArea: 4)).Porosity;
        Assert.Equal(midpoint, three.Porosity, 0.01);
        Assert.Equal(pore, three.Porosity, 0.02);
        Assert.Equal(3, three.ClassFractions!.Length);
        Assert.Equal(pore, three.ClassFractions[0], 0.03);
        Assert.Equal(binder, three.ClassFractions[1], 0.03);
        Assert.Equal(nmc, three.ClassFractions[2], 0.03);
    }
}
