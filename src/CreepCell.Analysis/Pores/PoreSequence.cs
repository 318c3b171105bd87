using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>What was measured in one frame of the sequence.</summary>
/// <param name="Index">0-based frame number.</param>
/// <param name="Source">File (and page) the frame came from.</param>
/// <param name="TimeS">Time of the frame in seconds, when frame times were given.</param>
/// <param name="ShiftX">Drift of this frame against the previous one, in pixels (0 without registration).</param>
public sealed record FrameRecord(int Index, string Source, double? TimeS, double Threshold, double Porosity,
    int PoreCount, long PorePixels, int ShiftX, int ShiftY)
{
    /// <summary>Area fraction of each gray-level class with multi-level Otsu (darkest first), else null.</summary>
    public double[]? ClassFractions { get; init; }
}

/// <summary>One frame as the analysis saw it, handed to a caller that draws or stores it while the sequence streams.</summary>
/// <param name="Image">The analysed region of the frame.</param>
/// <param name="TrackOfLabel">Pore number of each label of <see cref="SegmentedFrame.Pores"/> (0: cut by the border and excluded).</param>
internal sealed record FrameView(FrameRecord Record, GrayImage Image, SegmentedFrame Segmented, int[] TrackOfLabel);

/// <summary>
/// Pore segmentation and tracking over an in-situ SEM image sequence of one region (the paper's Fig. 3c-d):
/// crop to the region of interest, segment each frame, correct drift, track pores by overlap, and record
/// the porosity per frame and each pore's area relative to the frame where it was first seen.
/// Frames stream through one at a time, so long sequences of large images fit in memory.
/// </summary>
internal static class PoreSequence
{
    public static PoreSequenceResult Analyze(IEnumerable<GrayImage> frames, PoreSequenceOptions options, Action<FrameView>? onFrame = null)
    {
        options.Segmentation.Validate();
        var tracker = new PoreTracker();
        var records = new List<FrameRecord>();
        LabelMap? previous = null;
        (int W, int H)? size = null;
        foreach (var frame in frames)
        {
            size ??= (frame.Width, frame.Height);
            var image = Region(frame, options.Region, size.Value, records.Count);
            double? shared = options.OtsuFromFirstFrame && records.Count > 0 ? records[0].Threshold : null;
            var seg = Segment(image, options.Segmentation, shared);
            var (dx, dy) = previous is null ? (0, 0) : Drift.Estimate(previous, seg.Pores, options.MaxShift);
            var trackOf = tracker.Add(seg.Pores, dx, dy);
            var record = new FrameRecord(records.Count, frame.Source, TimeOf(options, records.Count), seg.Threshold,
                seg.Porosity, seg.Pores.Count, seg.PorePixels, dx, dy) { ClassFractions = seg.ClassFractions };
            records.Add(record);
            onFrame?.Invoke(new FrameView(record, image, seg, Shown(trackOf, seg.Pores, options.ExcludeEdgePores)));
            previous = seg.Pores;
        }
        if (records.Count == 0) throw new InputException("input", null, "no frames to analyse");
        if (options.FrameTimes is { } times && times.Count != records.Count)
            throw new InputException("frame times", null, $"expected one time per frame ({records.Count} frames), got {times.Count}");
        var r0 = options.Region;
        var (pores, events) = Reported(tracker, options.ExcludeEdgePores);
        return new PoreSequenceResult(options, r0?.Width ?? size!.Value.W, r0?.Height ?? size!.Value.H, records, pores, events);
    }

    /// <summary>With edge exclusion, a pore that touches the region's border in any frame is tracked (so its
    /// pieces keep their history) but left out of the reported pores and of their events.</summary>
    static (IReadOnlyList<PoreTrack>, IReadOnlyList<PoreEvent>) Reported(PoreTracker tracker, bool excludeEdge)
    {
        if (!excludeEdge) return (tracker.Tracks, tracker.Events);
        var kept = tracker.Tracks.Where(t => !t.Observations.Any(o => o.Region.TouchesBorder)).ToList();
        var ids = kept.Select(t => t.Id).ToHashSet();
        return (kept, tracker.Events.Where(e => ids.Contains(e.Pore)).ToList());
    }

    static int[] Shown(int[] trackOf, LabelMap pores, bool excludeEdge) =>
        excludeEdge ? trackOf.Select((t, label) => label > 0 && pores.Regions[label - 1].TouchesBorder ? 0 : t).ToArray() : trackOf;

    static GrayImage Region(GrayImage frame, PixelRect? region, (int W, int H) size, int index)
    {
        if (frame.Width != size.W || frame.Height != size.H)
            throw new InputException(frame.Source, $"frame {index}", $"image is {frame.Width}x{frame.Height} pixels, expected {size.W}x{size.H} like the first frame");
        if (region is not { } r) return frame;
        if (r.X < 0 || r.Y < 0 || r.Width < 1 || r.Height < 1 || r.X + r.Width > frame.Width || r.Y + r.Height > frame.Height)
            throw new InputException(frame.Source, "region of interest", $"region {r} (x,y,width,height) must lie inside the {frame.Width}x{frame.Height} image");
        return frame.Crop(r);
    }

    static SegmentedFrame Segment(GrayImage image, SegmentationOptions options, double? otsuThreshold)
    {
        try
        {
            return Segmentation.Segment(image, options, otsuThreshold);
        }
        catch (ArgumentException e)
        {
            throw new InputException(image.Source, null, e.Message + (options.Threshold is null ? "; give a fixed threshold" : ""));
        }
    }

    static double? TimeOf(PoreSequenceOptions options, int index) =>
        options.FrameTimes is { } t && index < t.Count ? t[index] : null;
}
