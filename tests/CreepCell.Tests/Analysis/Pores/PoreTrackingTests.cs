using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

public class PoreTrackingTests
{
    static PoreSequenceResult Run(IEnumerable<GrayImage> frames, int maxShift = 0, bool excludeEdge = false) =>
        PoreSequence.Analyze(frames, new PoreSequenceOptions(new SegmentationOptions(), MaxShift: maxShift, ExcludeEdgePores: excludeEdge));

    static PoreTrack Near(PoreSequenceResult r, double x, double y) =>
        r.Pores.Single(p => Math.Abs(p.Observations[0].Region.CentroidX - x) < 2 && Math.Abs(p.Observations[0].Region.CentroidY - y) < 2);

    [Fact]
    public void Shrinking_disks_keep_their_numbers_and_report_exact_relative_areas()
    {
        var centres = new[] { (30.0, 30.0, 18.0), (85.0, 40.0, 14.0), (50.0, 90.0, 10.0) };
        var frames = new List<GrayImage>();
        var areas = new List<int[]>();
        for (int k = 0; k < 6; k++)
        {
            double f = 1 - 0.1 * k;
            var (img, a) = PoreTestImages.Disks(120, 120, centres.Select(c => (c.Item1, c.Item2, c.Item3 * f)).ToArray());
            frames.Add(img);
            areas.Add(a);
        }
        var r = Run(frames);
        Assert.Equal(3, r.Pores.Count);
        Assert.Empty(r.Events);
        for (int d = 0; d < 3; d++)
        {
            var t = Near(r, centres[d].Item1, centres[d].Item2);
            Assert.Equal(6, t.Observations.Count);
            for (int k = 0; k < 6; k++)
            {
                Assert.Equal(areas[k][d], t.Observations[k].Region.AreaPx);
                Assert.Equal((double)areas[k][d] / areas[0][d], t.RelativeArea(t.Observations[k]), 12);
            }
        }
        // The largest disk follows the closed form (r/r0)^2 to within pixelation.
        var big = Near(r, 30, 30);
        Assert.Equal(0.25, big.RelativeArea(big.Observations[5]), 0.015);
        for (int k = 0; k < 6; k++) Assert.Equal(areas[k].Sum() / 14400.0, r.Frames[k].Porosity, 12);
    }

    [Fact]
    public void A_pore_that_closes_reports_a_close_event_and_zero_area_afterwards()
    {
        var frames = new[] { 6.0, 4.0, 2.0, 0.0, 0.0 }.Select(rad => PoreTestImages.Disks(40, 40, (20.5, 20.5, rad), (8, 8, 3)).Image).ToList();
        var r = Run(frames);
        var closing = Near(r, 20.5, 20.5);
        Assert.Equal(PoreFate.Closed, closing.Fate);
        Assert.Equal(3, closing.EndFrame);
        Assert.Contains(new PoreEvent(3, PoreEventKind.Close, closing.Id, Array.Empty<int>()), r.Events, new EventComparer());
        var rows = PoreTables.Pores(r).Split('\n').Where(l => l.StartsWith($"{closing.Id},")).ToList();
        Assert.Equal(5, rows.Count);
        Assert.EndsWith(",closed", rows[4]);
        Assert.Equal("0", rows[4].Split(',')[3]);
    }

    [Fact]
    public void A_pore_that_splits_keeps_its_number_on_the_larger_part_and_the_other_part_is_new()
    {
        var (joined, _) = PoreTestImages.Disks(100, 80, (30, 40, 10), (65, 40, 7));
        var f0 = PoreTestImages.WithBar(joined, 30, 38, 65, 43);
        var (f1, a1) = PoreTestImages.Disks(100, 80, (30, 40, 9), (65, 40, 6));
        var r = Run(new[] { f0, f1 });
        Assert.Equal(2, r.Pores.Count);
        var parent = r.Pores[0];
        var child = r.Pores[1];
        Assert.Equal(a1[0], parent.Observations[1].Region.AreaPx);
        Assert.Equal(PoreOrigin.SplitFrom, child.Origin);
        Assert.Equal(new[] { parent.Id }, child.Parents);
        Assert.Equal(1, child.FirstFrame);
        var split = Assert.Single(r.Events);
        Assert.Equal(PoreEventKind.Split, split.Kind);
        Assert.Equal(parent.Id, split.Pore);
        Assert.Equal(new[] { parent.Id, child.Id }, split.Related);
        Assert.Equal((double)a1[0] / parent.InitialAreaPx, parent.RelativeArea(parent.Observations[1]), 12);
    }

    [Fact]
    public void Pores_that_merge_continue_as_the_one_with_the_larger_overlap()
    {
        var (f0, a0) = PoreTestImages.Disks(100, 80, (30, 40, 9), (56, 40, 7));
        var (f1, _) = PoreTestImages.Disks(100, 80, (30, 40, 13), (56, 40, 12));
        var r = Run(new[] { f0, f1 });
        var a = Near(r, 30, 40);
        var b = Near(r, 56, 40);
        Assert.Equal(2, r.Pores.Count);
        Assert.Equal(PoreFate.MergedInto, b.Fate);
        Assert.Equal(a.Id, b.MergedInto);
        Assert.Equal(1, b.EndFrame);
        Assert.Equal(PoreFate.Present, a.Fate);
        var merge = Assert.Single(r.Events);
        Assert.Equal((PoreEventKind.Merge, a.Id), (merge.Kind, merge.Pore));
        Assert.Equal(new[] { a.Id, b.Id }, merge.Related);
        Assert.True(a.RelativeArea(a.Observations[1]) > (a0[0] + a0[1]) / (double)a0[0]);
    }

    [Fact]
    public void A_new_pore_appears_with_its_own_first_frame()
    {
        var f0 = PoreTestImages.Disks(60, 60, (20, 20, 6)).Image;
        var f1 = PoreTestImages.Disks(60, 60, (20, 20, 6), (45, 45, 5)).Image;
        var r = Run(new[] { f0, f1, f1 });
        var born = Near(r, 45, 45);
        Assert.Equal((PoreOrigin.Appeared, 1), (born.Origin, born.FirstFrame));
        Assert.Equal(1.0, born.RelativeArea(born.Observations[1]));
        Assert.Equal(new PoreEvent(1, PoreEventKind.Appear, born.Id, Array.Empty<int>()), Assert.Single(r.Events), new EventComparer());
    }

    static (GrayImage, GrayImage) Drifted(int dx, int dy)
    {
        var disks = new[] { (25.0, 30.0, 5.0), (70.0, 25.0, 4.0), (45.0, 70.0, 6.0), (85.0, 80.0, 3.0) };
        var a = PoreTestImages.Disks(110, 110, disks).Image;
        var b = PoreTestImages.Disks(110, 110, disks.Select(d => (d.Item1 + dx, d.Item2 + dy, d.Item3 - 0.5)).ToArray()).Image;
        return (a, b);
    }

    [Fact]
    public void Drift_between_frames_is_found_exactly_and_tracking_survives_it()
    {
        var (a, b) = Drifted(11, -7);
        var o = new SegmentationOptions();
        Assert.Equal((11, -7), Drift.Estimate(Segmentation.Segment(a, o).Pores, Segmentation.Segment(b, o).Pores, 15));
        var registered = Run(new[] { a, b }, maxShift: 15);
        Assert.Empty(registered.Events);
        Assert.Equal((11, -7), (registered.Frames[1].ShiftX, registered.Frames[1].ShiftY));
        var unregistered = Run(new[] { a, b });
        Assert.Equal(4, unregistered.Events.Count(e => e.Kind == PoreEventKind.Close));
        Assert.Equal(4, unregistered.Events.Count(e => e.Kind == PoreEventKind.Appear));
    }

    [Fact]
    public void Large_drift_in_a_large_frame_is_found_exactly_through_the_coarse_search()
    {
        var rng = new Random(7);
        var disks = Enumerable.Range(0, 40).Select(_ => (40 + 320 * rng.NextDouble(), 40 + 220 * rng.NextDouble(), 3 + 8 * rng.NextDouble())).ToArray();
        var o = new SegmentationOptions();
        var a = Segmentation.Segment(PoreTestImages.Disks(400, 300, disks).Image, o).Pores;
        var b = Segmentation.Segment(PoreTestImages.Disks(400, 300, disks.Select(d => (d.Item1 - 23, d.Item2 + 14, d.Item3 * 0.9)).ToArray()).Image, o).Pores;
        Assert.Equal((-23, 14), Drift.Estimate(a, b, 30));
    }

    [Fact]
    public void Pores_cut_by_the_border_are_not_tracked_but_count_in_the_porosity()
    {
        var (img, areas) = PoreTestImages.Disks(50, 50, (25, 25, 6), (0, 10, 5));
        var r = Run(new[] { img, img }, excludeEdge: true);
        Assert.Equal(areas[0], Assert.Single(r.Pores).InitialAreaPx);
        Assert.Equal(areas.Sum() / 2500.0, r.Frames[1].Porosity, 12);
    }

    sealed class EventComparer : IEqualityComparer<PoreEvent>
    {
        public bool Equals(PoreEvent? x, PoreEvent? y) =>
            x!.Frame == y!.Frame && x.Kind == y.Kind && x.Pore == y.Pore && x.Related.SequenceEqual(y.Related);
        public int GetHashCode(PoreEvent e) => HashCode.Combine(e.Frame, e.Kind, e.Pore);
    }
}
