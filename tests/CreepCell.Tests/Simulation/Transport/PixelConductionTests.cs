using CreepCell.Simulation.Transport;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>The pixel finite-volume conduction (TauFactor's scheme in 2D) against its closed forms: straight
/// columns (tau = 1, isolated pixels counted in eps only), a one-pixel serpentine chain (resistance N, tau =
/// (N / h)^2), pixels that meet at a corner only (no current), and a split of every pixel (the same values).</summary>
public class PixelConductionTests
{
    static bool[] Map(string[] rows) => rows.SelectMany(r => r.Select(c => c == '#')).ToArray();

    [Fact]
    public void Straight_columns_have_tau_one_and_isolated_pixels_count_only_in_the_fraction()
    {
        // two full columns of 9 rows in a 7-pixel-wide map, and one isolated pixel
        var rows = Enumerable.Range(0, 9).Select(y => y == 4 ? "#..#..#" : "#..#...").ToArray();
        var r = PixelConduction.TopToBottom(Map(rows), 7, 9)!;
        Assert.Equal(2.0 / 7, r.RelativeConductivity, 1e-9);
        Assert.Equal(19.0 / 63, r.AreaFraction, 1e-15);
        Assert.Equal(19.0 / 18, r.TortuosityFactor, 1e-8);
        Assert.Equal(r.InletCurrent, r.OutletCurrent, 1e-9);
    }

    [Fact]
    public void A_serpentine_chain_of_N_pixels_has_the_resistance_N()
    {
        // down column 0, across row 4, down column 5, across row 8, down column 2: one pixel wide
        var rows = new[]
        {
            "#.....", "#.....", "#.....", "#.....", "######", ".....#", ".....#", ".....#", "..####", "..#...", "..#...",
        };
        var phase = Map(rows);
        int n = phase.Count(p => p), w = 6, h = rows.Length;
        var r = PixelConduction.TopToBottom(phase, w, h)!;
        Assert.Equal(1.0 / n, r.InletCurrent, 1e-9);
        Assert.Equal(1.0 / n, r.OutletCurrent, 1e-9);
        Assert.Equal((double)n * n / (h * h), r.TortuosityFactor, 1e-7);
        // split 3 x 3, the chain is a strip three pixels wide along the same path: no longer a closed form, but
        // it conducts more per unit width (the corners of the path are shorter cuts) and keeps eps
        var fine = PixelConduction.TopToBottom(PixelConduction.Refine(phase, w, h, 3), 3 * w, 3 * h)!;
        Assert.Equal(r.AreaFraction, fine.AreaFraction, 1e-15);
        Assert.True(fine.TortuosityFactor < r.TortuosityFactor);
    }

    [Fact]
    public void Pixels_that_meet_only_at_a_corner_do_not_conduct()
    {
        var diagonal = Map(new[] { "#..", ".#.", "..#" });
        Assert.Null(PixelConduction.TopToBottom(diagonal, 3, 3));
        var cut = Map(new[] { "###", "...", "###" });
        Assert.Null(PixelConduction.TopToBottom(cut, 3, 3));
    }

    [Fact]
    public void A_uniform_map_split_m_by_m_keeps_tau_one()
    {
        var full = Enumerable.Repeat(true, 12).ToArray();
        foreach (int m in new[] { 1, 2, 5 })
        {
            var r = PixelConduction.TopToBottom(PixelConduction.Refine(full, 3, 4, m), 3 * m, 4 * m)!;
            Assert.Equal(1.0, r.TortuosityFactor, 1e-8);
            Assert.Equal(1.0, r.RelativeConductivity, 1e-8);
        }
    }
}
