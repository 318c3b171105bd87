using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// Pixel coarsening. The area rule gives every phase a number of blocks within one block of its pixel
/// count over the block area (largest-remainder quotas), so the phase fractions of page 128 of the
/// TauFactor electrode (pore, NMC and a binder network one to three pixels thick) are kept to within
/// n^2 pixels at 2x, 4x and 8x, where the majority vote loses a quarter or more of the binder. On a line of
/// binder one pixel thick, the majority vote keeps no block of it and the area rule keeps half of the
/// line's blocks, joined.
/// </summary>
public class CoarseningTests
{
    static PhaseMap Electrode(int n, CoarsenRule rule) => PhaseSegmentation.Read(new ImageSpec(ImageFixtures.Electrode, 128,
        ImageFixtures.ElectrodePixel, null, ImageFixtures.ElectrodeLabels, null, null, Coarsen: n, Source: "electrode.toml", CoarsenRule: rule));

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void The_area_rule_keeps_every_phase_of_the_electrode_slice_within_one_block(int n)
    {
        var fine = Electrode(1, CoarsenRule.Area).Counts();
        var coarse = Electrode(n, CoarsenRule.Area);
        Assert.Equal(256 / n, coarse.Width);
        var counts = coarse.Counts();
        for (int p = 0; p < fine.Length; p++) Assert.InRange(Math.Abs(counts[p] * n * n - fine[p]), 0, n * n - 1);
    }

    [Fact]
    public void The_majority_vote_loses_a_quarter_or_more_of_the_binder()
    {
        int binder = Electrode(1, CoarsenRule.Majority).Names.ToList().IndexOf("CBD");
        long fine = Electrode(1, CoarsenRule.Majority).Counts()[binder];
        foreach (int n in new[] { 2, 4 })
            Assert.True(Electrode(n, CoarsenRule.Majority).Counts()[binder] * n * n < 0.75 * fine);
    }

    [Fact]
    public void A_binder_line_one_pixel_thick_keeps_half_its_blocks_joined_under_the_area_rule()
    {
        // 8 x 8 pixels of pore with binder on row 3: every block of block row 1 holds 2 binder and 2 pore pixels
        var image = ImageFixtures.Draw(8, 8, new (Func<Vec2, bool>, float)[] { (q => q.Y > 3 && q.Y < 4, 170) });
        var labels = new Dictionary<double, string> { [0] = "pore", [170] = "CBD" };
        var (spec, map) = ImageFixtures.InMemory(image, labels, 1e-6);
        var majority = PhaseCoarsening.Coarsen(map, 2, CoarsenRule.Majority);
        var area = PhaseCoarsening.Coarsen(map, 2, CoarsenRule.Area);
        int cbd = map.Names.ToList().IndexOf("CBD");
        Assert.Equal(0, majority.Counts()[cbd]);
        Assert.Equal(2, area.Counts()[cbd]);
        var blocks = Enumerable.Range(0, 16).Where(b => area.Phase[b] == cbd).ToArray();
        Assert.Equal(new[] { 5, 6 }, blocks); // the middle two of block row 1, side by side
        Assert.Equal(2e-6, area.PixelSize, 15);
    }
}
