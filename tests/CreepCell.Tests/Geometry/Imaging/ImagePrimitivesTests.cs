using CreepCell.Analysis.Pores;
using CreepCell.Geometry.Imaging;

namespace CreepCell.Tests.Geometry.Imaging;

public class ImagePrimitivesTests
{
    [Fact]
    public void Distance_transform_equals_brute_force_on_a_random_mask()
    {
        var random = new Random(7);
        int w = 37, h = 23;
        var bg = Enumerable.Range(0, w * h).Select(_ => random.NextDouble() < 0.08).ToArray();
        var d = DistanceTransform.Euclidean(bg, w, h);
        for (int i = 0; i < bg.Length; i++)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < bg.Length; j++)
                if (bg[j]) best = Math.Min(best, Math.Sqrt(Math.Pow(i % w - j % w, 2) + Math.Pow(i / w - j / w, 2)));
            Assert.Equal(best, d[i], 12);
        }
    }

    [Fact]
    public void Two_class_multi_otsu_is_otsu()
    {
        var random = new Random(3);
        var v = Enumerable.Range(0, 5000).Select(i => (float)Math.Round(i % 3 == 0 ? 60 + 15 * random.NextDouble() : 150 + 40 * random.NextDouble())).ToArray();
        Assert.Equal(Otsu.Threshold(v), MultiOtsu.Thresholds(v, 2).Single());
    }

    [Fact]
    public void Three_levels_split_at_the_gaps()
    {
        // three equal spikes: any split inside a gap has the same variance, so the lowest levels are chosen
        var v = Enumerable.Range(0, 3000).Select(i => (float)(100 * (i % 3))).ToArray();
        Assert.Equal(new double[] { 0, 100 }, MultiOtsu.Thresholds(v, 3));
        var noisy = Enumerable.Range(0, 3000).Select(i => (float)(100 * (i % 3) + i % 7)).ToArray();
        var t = MultiOtsu.Thresholds(noisy, 3);
        Assert.InRange(t[0], 6, 99);
        Assert.InRange(t[1], 106, 199);
    }
}
