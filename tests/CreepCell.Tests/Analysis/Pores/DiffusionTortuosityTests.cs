using CreepCell.Analysis.Pores;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// Diffusion tortuosity factor against closed forms: straight channels (tau = eps over the channels' share), a
/// single serpentine chain of N voxels (tau = N (N - 1) / (d (d - 1))), and flux conservation.
/// </summary>
public class DiffusionTortuosityTests
{
    [Fact]
    public void StraightChannelsGiveTheRatioOfAllPoresToTheConductingOnes()
    {
        var (slices, cyl, sph, _) = PoreStackTests.Stack();
        var r = PoreStack.Analyze(slices, new SegmentationOptions(Classes: 3), diffusion: true);
        var df = r.Diffusion!;
        // Every channel voxel column is a chain of unit conductances: F (d - 1) / (w h) = cylinder fraction.
        double total = slices.Count * (double)slices[0].Pixels.Length;
        Assert.Equal(cyl / total, df.RelativeDiffusivity, 1e-8);
        Assert.Equal((cyl + sph) / (double)cyl, df.TortuosityFactor, 1e-7);
        Assert.Equal(df.InletFlux, df.OutletFlux, 1e-8 * df.InletFlux);
    }

    /// <summary>
    /// A serpentine chain in the x-z plane: up x = 1 from z = 0 to 3, across z = 3 to x = 6, up x = 6 to z = 6,
    /// back along z = 6 to x = 1, and so on, ending with a climb to the last slice. Runs two voxels apart never touch.
    /// </summary>
    [Fact]
    public void ASerpentineChainHasTheSeriesClosedForm()
    {
        const int w = 8, h = 3, d = 17;
        var phase = new bool[w * h * d];
        void Set(int x, int z) => phase[(z * h + 1) * w + x] = true;
        int cx = 1;
        for (int z = 0; z < d; z++)
        {
            Set(cx, z);
            if (z % 3 == 0 && z > 0 && z < d - 2)
            {
                int to = cx == 1 ? 6 : 1;
                for (int x = Math.Min(cx, to); x <= Math.Max(cx, to); x++) Set(x, z);
                cx = to;
            }
        }
        int n = phase.Count(p => p);
        var t = DiffusionTortuosity.AlongZ(phase, n / (double)phase.Length, w, h, d);
        Assert.NotNull(t);
        Assert.Equal(n * (n - 1.0) / (d * (d - 1.0)), t!.TortuosityFactor, 1e-6 * t.TortuosityFactor);
        Assert.Equal(1.0 / (n - 1), t.InletFlux, 1e-9);
        Assert.Equal(t.InletFlux, t.OutletFlux, 1e-9);
    }

    [Fact]
    public void APhaseThatDoesNotReachThroughHasNoTortuosity()
    {
        const int w = 4, h = 4, d = 6;
        var phase = Enumerable.Range(0, w * h * d).Select(i => i / (w * h) != 3).ToArray();
        Assert.Null(DiffusionTortuosity.AlongZ(phase, 0.8, w, h, d));
    }
}
