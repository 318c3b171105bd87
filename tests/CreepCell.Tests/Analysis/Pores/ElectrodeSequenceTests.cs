using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// A synthetic creep sequence built from a slice of the TauFactor electrode volume: at every frame the
/// solid grows into the pores by one pixel (erosion of the pore phase with the 4-neighbour cross), as solid
/// creeping into the pore space would. Erosion can shrink, split and close pores but never join or create
/// them, which gives the tracker exact invariants to meet on a real, tangled pore network.
/// </summary>
public class ElectrodeSequenceTests
{
    internal static List<GrayImage> ErodedSequence(GrayImage slice, int frames)
    {
        var seq = new List<GrayImage> { slice };
        for (int k = 1; k < frames; k++) seq.Add(ErodePores(seq[^1]));
        return seq;
    }

    static GrayImage ErodePores(GrayImage img)
    {
        int w = img.Width, h = img.Height;
        var p = (float[])img.Pixels.Clone();
        bool Pore(int x, int y) => x < 0 || y < 0 || x >= w || y >= h || img[x, y] == 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (img[x, y] == 0 && !(Pore(x - 1, y) && Pore(x + 1, y) && Pore(x, y - 1) && Pore(x, y + 1))) p[y * w + x] = 85;
        return new GrayImage(w, h, p, img.Source);
    }

    [Fact]
    public void Tracking_an_eroding_pore_network_conserves_area_and_never_merges_or_creates_pores()
    {
        var frames = ErodedSequence(PoreTestImages.ElectrodeSlices(0).Single(), 6);
        var r = PoreSequence.Analyze(frames, new PoreSequenceOptions(new SegmentationOptions(Threshold: 42)));
        for (int k = 0; k < frames.Count; k++)
        {
            Assert.Equal(PoreTestImages.ZeroFraction(frames[k]), r.Frames[k].Porosity, 12);
            long tracked = r.Pores.SelectMany(p => p.Observations).Where(o => o.Frame == k).Sum(o => (long)o.Region.AreaPx);
            Assert.Equal(r.Frames[k].PorePixels, tracked);
        }
        Assert.True(r.Frames[5].Porosity < 0.8 * r.Frames[0].Porosity);
        Assert.DoesNotContain(r.Events, e => e.Kind is PoreEventKind.Merge or PoreEventKind.Appear);
        Assert.Contains(r.Events, e => e.Kind == PoreEventKind.Split);
        Assert.Contains(r.Events, e => e.Kind == PoreEventKind.Close);
        foreach (var p in r.Pores)
        {
            for (int i = 1; i < p.Observations.Count; i++)
                Assert.True(p.Observations[i].Region.AreaPx <= p.Observations[i - 1].Region.AreaPx, $"pore {p.Id} grew");
            Assert.NotEqual(PoreFate.MergedInto, p.Fate);
            Assert.True(p.Origin is PoreOrigin.Initial or PoreOrigin.SplitFrom);
        }
    }

    [Fact]
    public void Otsu_of_the_first_frame_is_applied_to_every_frame_when_asked()
    {
        var frames = ErodedSequence(PoreTestImages.ElectrodeSlices(0).Single(), 3);
        frames[2] = new GrayImage(256, 256, frames[2].Pixels.Select(v => v + 30).ToArray());
        var perFrame = PoreSequence.Analyze(frames, new PoreSequenceOptions(new SegmentationOptions()));
        var shared = PoreSequence.Analyze(frames, new PoreSequenceOptions(new SegmentationOptions(), OtsuFromFirstFrame: true));
        Assert.Equal(30, perFrame.Frames[2].Threshold);
        Assert.Equal(PoreTestImages.ZeroFraction(frames[1]), perFrame.Frames[1].Porosity, 12);
        Assert.All(shared.Frames, f => Assert.Equal(0, f.Threshold));
        Assert.Equal(0, shared.Frames[2].Porosity);
    }
}
