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
        foreach (var p in parts) Assert.Equal(half, p.AreaPx, half * 0.015);
    }

    [Fact]
    public void UnequalDisksSplitNearTheChordAndOnTheEqualDistanceCurve()
    {
        const double r1 = 30, r2 = 20, d = 40, cx = 45.2, cy = 50.6;
        var (image, _) = PoreTestImages.Disks(120, 100, (cx, cy, r1), (cx + d, cy, r2));
        var parts = Segmentation.Segment(image, Split).Pores.Regions.OrderByDescending(p => p.AreaPx).ToList();
        Assert.Equal(2, parts.Count);
        double a1 = (d * d + r1 * r1 - r2 * r2) / (2 * d);
        double big = DiskMinusCap(r1, a1), small = DiskMinusCap(r2, d - a1);
        // The divide of the distance map is the hyperbola r1 - |p - c1| = r2 - |p - c2| through the two
        // intersection points; it bulges 1.5 px past the chord on the axis, moving about 2 % of the small part.
        Assert.Equal(big, parts[0].AreaPx, big * 0.025);
        Assert.Equal(small, parts[1].AreaPx, small * 0.035);
        // Pixel count of each side of that curve, from the geometry alone.
        int nearer1 = 0, nearer2 = 0;
        for (int y = 0; y < 100; y++)
            for (int x = 0; x < 120; x++)
            {
                double e1 = r1 - Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                double e2 = r2 - Math.Sqrt((x - cx - d) * (x - cx - d) + (y - cy) * (y - cy));
                if (e1 < 0 && e2 < 0) continue;
                if (e1 >= e2) nearer1++; else nearer2++;
            }
        Assert.Equal(nearer1, parts[0].AreaPx, nearer1 * 0.015);
        Assert.Equal(nearer2, parts[1].AreaPx, nearer2 * 0.025);
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
        Assert.Equal(middle, parts[1].AreaPx, middle * 0.03);
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
