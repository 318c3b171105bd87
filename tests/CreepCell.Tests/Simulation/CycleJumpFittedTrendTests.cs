using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The fitted-trend jump rule on synthetic cycle series with known trends: a contact fraction that
/// saturates, 0.40 + 0.06 (1 - exp(-c / 150)), and a stress that grows with ln(cycle), each with
/// independent Gaussian scatter from cycle to cycle. Jumping through 1000 cycles as a run does
/// (full cycles, a jump, its checking cycle and two more), every prediction must land within its band
/// of the exact trend, and scatter well above the tolerance must give no jump.
/// </summary>
public class CycleJumpFittedTrendTests(ITestOutputHelper output)
{
    const double Tolerance = 0.005;
    static readonly WatchedKind[] Kinds = { WatchedKind.Fraction, WatchedKind.Stress };

    /// <summary>Exact trends: [fraction at full lithiation, stress at full lithiation, fraction at the end
    /// of charge, stress at the end of charge].</summary>
    static double[] Exact(int c) => new[]
    {
        0.40 + 0.06 * (1 - Math.Exp(-c / 150.0)), 1e8 * (1 + 0.05 * Math.Log(c)),
        0.10 + 0.02 * (1 - Math.Exp(-c / 150.0)), 2e6 * (1 + 0.5 * Math.Log(c)),
    };

    /// <summary>One cycle computed in full: the exact trend plus scatter s (points for fractions, a share of
    /// the stress at full lithiation for stresses).</summary>
    static double[] Noisy(int c, double s, Random random)
    {
        var q = Exact(c);
        for (int i = 0; i < q.Length; i++) q[i] += s * (i % 2 == 0 ? 1 : 1e8) * Gaussian(random);
        return q;
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Jumps through <paramref name="last"/> cycles; returns the cycles computed and, over all jumps,
    /// the largest |prediction - exact| / band and the largest |prediction - exact| in tolerances.</summary>
    static string Worst = "";
    static int Rejected;
    static (int Computed, int Jumps, double WorstOfBand, double WorstOfTolerance) Jump(double scatter, int seed, int last = 1000)
    {
        var random = new Random(seed);
        var cycles = new List<int>();
        var values = new List<double[]>();
        void Compute(int c)
        {
            cycles.Add(c);
            values.Add(Noisy(c, scatter, random));
            if (cycles.Count > FittedJumpRule.WindowCycles) { cycles.RemoveAt(0); values.RemoveAt(0); }
        }
        int computed = 0, jumps = 0, rejected = 0, cycle = 1;
        double worstBand = 0, worstTolerance = 0;
        while (cycle < last)
        {
            // cycle 1 ends at its own residual and is not fitted; then full cycles, at least three after a jump
            for (int k = 0; k < 3 && cycle < last; k++) { cycle++; computed++; Compute(cycle); }
            // as the run does: a checking cycle outside the band takes the jump back and halves the next
            for (int cap = Math.Min(200, last - cycle - 1); cap >= 2;)
            {
                var jump = FittedJumpRule.Choose(cycles, values, Kinds, Tolerance, cap);
                if (jump is null) break;
                int check = cycle + jump.Length + 1;
                var seen = Noisy(check, scatter, random);
                if (seen.Select((v, i) => Math.Abs(v - jump.Predicted[i]) <= jump.Band[i]).Any(ok => !ok)) { rejected++; computed++; cap = jump.Length / 2; continue; }
                var exact = Exact(check);
                for (int i = 0; i < exact.Length; i++)
                {
                    double miss = Math.Abs(jump.Predicted[i] - exact[i]);
                    if (miss / jump.Band[i] > worstBand) Worst = $"from {cycle} by {jump.Length}: q{i} predicted {jump.Predicted[i]:G6} exact {exact[i]:G6} band {jump.Band[i]:G4} window {string.Join(' ', cycles)}";
                    worstBand = Math.Max(worstBand, miss / jump.Band[i]);
                    double tol = i % 2 == 0 ? Tolerance : Tolerance * Math.Max(Math.Abs(exact[1]), Math.Abs(exact[3]));
                    worstTolerance = Math.Max(worstTolerance, miss / tol);
                }
                jumps++;
                (cycle, computed) = (check, computed + 1);
                cycles.Add(check);
                values.Add(seen);
                if (cycles.Count > FittedJumpRule.WindowCycles) { cycles.RemoveAt(0); values.RemoveAt(0); }
                break;
            }
        }
        Rejected = rejected;
        return (computed, jumps, worstBand, worstTolerance);
    }

    [Fact]
    public void AStraightLineAndAParabolaAreFittedExactly()
    {
        double[] x = { 1, 2, 3, 4, 5, 6 };
        var line = CycleTrend.Fit(x, x.Select(v => 3 - 0.5 * v).ToArray());
        Assert.Equal(-0.5, line.Slope, 12);
        Assert.Equal(3 - 0.5 * 10, line.At(10), 12);
        Assert.Equal(0, line.Scatter, 12);
        Assert.False(line.Bend.Significant);
        // y = 3 - 0.5 x + 0.1 x^2: a significant bend of exactly 0.1, and no scatter about the parabola
        var parabola = CycleTrend.Fit(x, x.Select(v => 3 - 0.5 * v + 0.1 * v * v).ToArray());
        Assert.True(parabola.Bend.Significant);
        Assert.Equal(0.1, parabola.Bend.Coefficient, 12);
        Assert.Equal(0, parabola.Noise, 9);
        Assert.True(parabola.Scatter > 0.05, $"line scatter {parabola.Scatter}");
    }

    [Theory]
    [InlineData(0.0005, 1)]
    [InlineData(0.0015, 2)]
    [InlineData(0.0025, 3)]
    public void JumpsOnANoisySaturatingTrendLandWithinTheirBandOfTheExactTrend(double scatter, int seed)
    {
        var (computed, jumps, worstBand, worstTolerance) = Jump(scatter, seed);
        output.WriteLine($"scatter {scatter}: {computed} of 1000 cycles computed, {jumps} jumps, {Rejected} taken back, worst miss {worstBand:F2} of the band, {worstTolerance:F2} tolerances");
        Assert.True(jumps >= 5, $"{jumps} jumps, {computed} cycles computed");
        Assert.True(computed < 250, $"{computed} of 1000 cycles computed, {jumps} jumps, {Rejected} rejected");
        // the prediction is of the trend: within its band of the exact trend at every check, and within
        // the tolerance plus the scatter of one cycle (what the rule allows)
        Assert.True(worstBand < 1, $"worst miss {worstBand:F2} of the band {Worst} computed {computed}, {jumps} jumps, {Rejected} rejected");
        Assert.True(worstTolerance * Tolerance < Tolerance + 2 * scatter, $"worst miss {worstTolerance:F2} tolerances at scatter {scatter}");
    }

    [Fact]
    public void ScatterAboveTheToleranceGivesNoJump()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var cycles = Enumerable.Range(20, FittedJumpRule.WindowCycles).ToArray();
            var values = cycles.Select(c => Noisy(c, 2 * Tolerance, random)).ToArray();
            Assert.Null(FittedJumpRule.Choose(cycles, values, Kinds, Tolerance, 200));
            // the same window without scatter jumps
            Assert.NotNull(FittedJumpRule.Choose(cycles, cycles.Select(Exact).ToArray(), Kinds, Tolerance, 200));
        }
    }

    [Fact]
    public void ThirdDifferencesTellScatterFromASmoothTrend()
    {
        var random = new Random(7);
        var smooth = new double[4];
        var noisy = new double[4];
        int fours = 0;
        for (int c = 2; c + 3 <= 12; c++, fours++)
        {
            FittedJumpRule.AddThirdDifferences(smooth, Exact(c), Exact(c + 1), Exact(c + 2), Exact(c + 3));
            FittedJumpRule.AddThirdDifferences(noisy, Noisy(c, Tolerance, random), Noisy(c + 1, Tolerance, random), Noisy(c + 2, Tolerance, random), Noisy(c + 3, Tolerance, random));
        }
        Assert.False(FittedJumpRule.Scatters(smooth, fours, Exact(12), Kinds, Tolerance));
        Assert.True(FittedJumpRule.Scatters(noisy, fours, Exact(12), Kinds, Tolerance));
    }
}
