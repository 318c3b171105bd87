using CreepCell.Analysis.Pores;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>Watershed splitting of touching pores against the closed-form areas of overlapping disks.</summary>
public class WatershedTests
{
    static readonly SegmentationOptions Split = new(Threshold: 100, SplitDepth: 2);

    /// <summary>Area of the disk of radius r on the near side of a chord at distance a from its centre.</summary>
    static double DiskMinusCap(double r, double a) => Math.PI * r * r - (r * r * Math.Acos(a / r) - a * Math.Sqrt(r * r - a * a));

    [Fact]
    public void TwoEqualOverlappingDisksSplitAlongTheChord()
    {
        const double r = 25, d = 36;
        var (image, _) = PoreTestImages.Disks(140, 120, (50.3, 60.4, r), (50.3 + d, 60.4, r));
        var whole = Assert.Single(Segmentation.Segment(image, new SegmentationOptions(Threshold: 100)).Pores.Regions);
        var parts = Segmentation.Segment(image, Split).Pores.Regions;
        Assert.Equal(2, parts.Count);
        Assert.Equal(whole.AreaPx, parts.Sum(p => p.AreaPx));
        double half = DiskMinusCap(r, d / 2);
        // Pixel error: the digitised circle (Gauss circle problem) and the pixels on the 35 px chord.
        foreach (var p in parts) Assert.Equal(half, p.AreaPx, half * 0.01);
    }

    [Fact]
    public void UnequalDisksSplitAlongTheChord()
    {
        const double r1 = 30, r2 = 20, d = 40, cx = 50.3, cy = 60.4;
        var (image, _) = PoreTestImages.Disks(140, 120, (cx, cy, r1), (cx + d, cy, r2));
        var parts = Segmentation.Segment(image, Split).Pores.Regions.OrderByDescending(p => p.AreaPx).ToList();
        Assert.Equal(2, parts.Count);
        double a1 = (d * d + r1 * r1 - r2 * r2) / (2 * d);
        double big = DiskMinusCap(r1, a1), small = DiskMinusCap(r2, d - a1);
        // Near the chord the nearest solid pixel is one of the two intersection points, so the distance map
        // falls away from both of them and its divide is their joining line, the chord, as for equal disks.
        Assert.Equal(big, parts[0].AreaPx, big * 0.01);
        Assert.Equal(small, parts[1].AreaPx, small * 0.01);
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(30.0)]
    public void ASingleDiskIsNotSplit(double r)
    {
        var (image, areas) = PoreTestImages.Disks(100, 100, (49.7, 50.2, r));
        var pore = Assert.Single(Segmentation.Segment(image, Split).Pores.Regions);
        Assert.Equal(areas[0], pore.AreaPx);
    }

    [Fact]
    public void ThreeTouchingDisksInARowGiveThreePores()
    {
        // A row, not a triangle: three disks around a triangle leave one distance maximum in its middle.
        const double r = 15, gap = 26;
        var (image, _) = PoreTestImages.Disks(110, 100, (25.4, 50.3, r), (25.4 + gap, 50.3, r), (25.4 + 2 * gap, 50.3, r));
        Assert.Single(Segmentation.Segment(image, new SegmentationOptions(Threshold: 100)).Pores.Regions);
        var parts = Segmentation.Segment(image, Split).Pores.Regions.OrderBy(p => p.CentroidX).ToList();
        Assert.Equal(3, parts.Count);
        // The chords are gap / 2 = 13 px from the centres: the end disks lose one cap, the middle one two.
        double end = DiskMinusCap(r, gap / 2), middle = end - (Math.PI * r * r - DiskMinusCap(r, gap / 2));
        Assert.Equal(end, parts[0].AreaPx, end * 0.02);
        Assert.Equal(middle, parts[1].AreaPx, middle * 0.02);
        Assert.Equal(end, parts[2].AreaPx, end * 0.02);
    }

    [Fact]
    public void ANeckShallowerThanTheDepthKeepsOnePore()
    {
        // Saddle 24.0 px against maxima of 25: a dynamic of 1 px stays below the depth of 2 px.
        var (image, _) = PoreTestImages.Disks(140, 120, (50.3, 60.4, 25), (64.3, 60.4, 25));
        Assert.Single(Segmentation.Segment(image, Split).Pores.Regions);
    }
}
