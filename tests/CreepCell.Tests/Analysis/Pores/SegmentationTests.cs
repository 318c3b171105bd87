using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

public class SegmentationTests
{
    static float[] Levels(params (float Value, int Count)[] h) => h.SelectMany(x => Enumerable.Repeat(x.Value, x.Count)).ToArray();

    [Fact]
    public void Otsu_picks_the_split_with_the_largest_between_class_variance_worked_by_hand()
    {
        // counts (1, 1, 2) at levels 0, 1, 2: split after 0 gives 1*3*(5/3)^2 = 8.33, after 1 gives 2*2*1.5^2 = 9.
        Assert.Equal(1, Otsu.Threshold(Levels((0, 1), (1, 1), (2, 2))));
        // counts (2, 1, 1): after 0 gives 2*2*1.5^2 = 9, after 1 gives 3*1*(5/3)^2 = 8.33.
        Assert.Equal(0, Otsu.Threshold(Levels((0, 2), (1, 1), (2, 1))));
    }

    [Fact]
    public void Otsu_on_two_levels_returns_the_dark_level_so_the_mask_is_exact()
    {
        var v = Levels((40, 300), (200, 700));
        Assert.Equal(40, Otsu.Threshold(v));
    }

    [Fact]
    public void Otsu_on_non_integer_data_splits_the_two_modes_exactly()
    {
        var rng = new Random(3);
        var v = Enumerable.Range(0, 4000).Select(i => (float)(i % 3 == 0 ? 0.2 + 0.1 * rng.NextDouble() : 0.7 + 0.1 * rng.NextDouble())).ToArray();
        double t = Otsu.Threshold(v);
        Assert.All(v, x => Assert.Equal(x < 0.5, x <= t));
    }

    [Fact]
    public void Otsu_refuses_a_uniform_image()
    {
        Assert.Throws<ArgumentException>(() => Otsu.Threshold(new float[] { 5, 5, 5 }));
    }

    [Fact]
    public void Gaussian_blur_keeps_mass_and_has_variance_sigma_squared()
    {
        const int n = 41;
        var p = new float[n * n];
        p[20 * n + 20] = 1000;
        var b = GaussianBlur.Apply(new GrayImage(n, n, p), 2.0);
        double sum = b.Pixels.Sum(v => (double)v);
        double varX = 0;
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++) varX += b[x, y] * (x - 20.0) * (x - 20.0);
        Assert.Equal(1000, sum, 2);
        // The kernel is cut at 3 sigma, which removes 0.27 % of the mass and about 3 % of the variance.
        Assert.InRange(varX / sum, 0.95 * 4, 4.0);
    }

    [Fact]
    public void Gaussian_blur_leaves_a_constant_image_constant_up_to_the_border()
    {
        var b = GaussianBlur.Apply(new GrayImage(9, 7, Enumerable.Repeat(77f, 63).ToArray()), 1.5);
        Assert.All(b.Pixels, v => Assert.Equal(77f, v, 3));
    }

    [Fact]
    public void Diagonal_neighbours_are_one_pore_with_8_connectivity_and_two_with_4()
    {
        var mask = new bool[] { true, false, false, true };
        Assert.Single(ConnectedComponents.Label(mask, 2, 2, 8).Regions);
        Assert.Equal(2, ConnectedComponents.Label(mask, 2, 2, 4).Count);
    }

    [Fact]
    public void Labelling_measures_area_centroid_and_border_contact_and_drops_small_regions()
    {
        var (img, areas) = PoreTestImages.Disks(60, 40, (20, 20, 6), (50, 10, 1.5), (58, 30, 4));
        var seg = Segmentation.Segment(img, new SegmentationOptions(MinPoreArea: 12));
        Assert.Equal(new[] { areas[0], areas[2] }, seg.Pores.Regions.Select(r => r.AreaPx).OrderByDescending(a => a).ToArray());
        var big = seg.Pores.Regions.Single(r => r.AreaPx == areas[0]);
        Assert.Equal(20, big.CentroidX, 12);
        Assert.Equal(20, big.CentroidY, 12);
        Assert.False(big.TouchesBorder);
        Assert.True(seg.Pores.Regions.Single(r => r.AreaPx == areas[2]).TouchesBorder);
        Assert.Equal((areas[0] + areas[2]) / 2400.0, seg.Porosity, 12);
        Assert.Equal(40, seg.Threshold);
    }

    [Fact]
    public void One_region_covering_a_large_image_is_labelled_without_recursion()
    {
        var mask = Enumerable.Repeat(true, 1500 * 1500).ToArray();
        var map = ConnectedComponents.Label(mask, 1500, 1500, 4);
        Assert.Equal(1500 * 1500, map.Regions.Single().AreaPx);
    }

    [Fact]
    public void Bright_pores_on_the_inverted_image_give_the_same_areas()
    {
        var (img, areas) = PoreTestImages.Disks(50, 50, (15, 15, 7), (35, 32, 5));
        var inverted = new GrayImage(50, 50, img.Pixels.Select(v => 255 - v).ToArray());
        foreach (var o in new[] { new SegmentationOptions(BrightPores: true), new SegmentationOptions(Threshold: 150, BrightPores: true) })
            Assert.Equal(areas, Segmentation.Segment(inverted, o).Pores.Regions.Select(r => r.AreaPx).ToArray());
    }

    [Fact]
    public void A_fixed_threshold_counts_pixels_at_or_below_it()
    {
        var img = new GrayImage(4, 1, new float[] { 10, 20, 30, 40 });
        Assert.Equal(0.5, Segmentation.Segment(img, new SegmentationOptions(Threshold: 20)).Porosity);
        Assert.Equal(0.5, Segmentation.Segment(img, new SegmentationOptions(Threshold: 30, BrightPores: true, Connectivity: 4)).Porosity);
        Assert.Equal(0.25, Segmentation.Segment(img, new SegmentationOptions(Threshold: 31, BrightPores: true)).Porosity);
    }
}
