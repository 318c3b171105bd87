namespace CreepCell.Analysis.Pores;

/// <summary>
/// Frame-to-frame pore tracking by pixel overlap. A pore of the new frame keeps the number of a pore of the
/// previous frame when each is the other's largest overlap (mutual best match); every other pore of the new
/// frame gets a new number and is reported as appearing (no overlap), split from its one overlapping pore,
/// or merged from several. A previous pore without any overlap has closed; one that overlaps only pores
/// that kept another number has merged into that pore. Overlap matching suits slow deformation, where a
/// pore moves by much less than its own size between frames (after drift correction).
/// </summary>
internal sealed class PoreTracker
{
    readonly List<PoreTrack> _tracks = new();
    readonly List<PoreEvent> _events = new();
    LabelMap? _previous;
    int[] _previousTrack = Array.Empty<int>();
    int _frame = -1;

    public IReadOnlyList<PoreTrack> Tracks => _tracks;
    public IReadOnlyList<PoreEvent> Events => _events;

    /// <summary>
    /// Tracks the pores of the next frame. The previous frame's labels are compared with this frame's shifted by (shiftX, shiftY),
    /// the drift of this frame against the previous one. Returns the track number of each label (index 0 unused).
    /// </summary>
    public int[] Add(LabelMap current, int shiftX = 0, int shiftY = 0)
    {
        _frame++;
        var trackOf = new int[current.Count + 1];
        if (_previous is null)
        {
            foreach (var r in current.Regions)
                trackOf[r.Label] = Start(r, PoreOrigin.Initial, Array.Empty<int>()).Id;
        }
        else
        {
            var overlaps = Overlaps(_previous, _previousTrack, current, shiftX, shiftY);
            Match(current, overlaps, trackOf);
        }
        _previous = current;
        _previousTrack = trackOf;
        return trackOf;
    }

    /// <summary>Pixel counts shared by (previous track, current label), keyed by the pair.</summary>
    static Dictionary<(int Track, int Label), int> Overlaps(LabelMap prev, int[] prevTrack, LabelMap cur, int sx, int sy)
    {
        var counts = new Dictionary<(int, int), int>();
        for (int y = Math.Max(0, sy); y < Math.Min(cur.Height, prev.Height + sy); y++)
            for (int x = Math.Max(0, sx); x < Math.Min(cur.Width, prev.Width + sx); x++)
            {
                int c = cur.Labels[y * cur.Width + x];
                if (c == 0) continue;
                int p = prevTrack[prev.Labels[(y - sy) * prev.Width + (x - sx)]];
                if (p == 0) continue;
                counts[(p, c)] = counts.GetValueOrDefault((p, c)) + 1;
            }
        return counts;
    }

    void Match(LabelMap current, Dictionary<(int Track, int Label), int> overlaps, int[] trackOf)
    {
        var children = overlaps.GroupBy(o => o.Key.Track).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Value).ThenBy(o => o.Key.Label).ToList());
        var parents = overlaps.GroupBy(o => o.Key.Label).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Value).ThenBy(o => o.Key.Track).ToList());
        foreach (var r in current.Regions)
        {
            if (!parents.TryGetValue(r.Label, out var ps)) { Appear(r, trackOf); continue; }
            int best = ps[0].Key.Track;
            if (children[best][0].Key.Label == r.Label) { Continue(best, r, trackOf); continue; }
            var from = ps.Select(p => p.Key.Track).OrderBy(t => t).ToArray();
            trackOf[r.Label] = Start(r, from.Length == 1 ? PoreOrigin.SplitFrom : PoreOrigin.MergedFrom, from).Id;
        }
        RecordEnds(children, trackOf);
        RecordSplitsAndMerges(children, parents, trackOf);
    }

    void Appear(PoreRegion r, int[] trackOf)
    {
        var t = Start(r, PoreOrigin.Appeared, Array.Empty<int>());
        trackOf[r.Label] = t.Id;
        _events.Add(new PoreEvent(_frame, PoreEventKind.Appear, t.Id, Array.Empty<int>()));
    }

    void Continue(int track, PoreRegion r, int[] trackOf)
    {
        _tracks[track - 1].Add(new PoreObservation(_frame, r));
        trackOf[r.Label] = track;
    }

    void RecordEnds(Dictionary<int, List<KeyValuePair<(int Track, int Label), int>>> children, int[] trackOf)
    {
        foreach (int id in _previousTrack.Where(t => t != 0))
        {
            var t = _tracks[id - 1];
            if (t.LastFrameSeen == _frame) continue;
            t.EndFrame = _frame;
            if (!children.TryGetValue(id, out var cs))
            {
                t.Fate = PoreFate.Closed;
                _events.Add(new PoreEvent(_frame, PoreEventKind.Close, id, Array.Empty<int>()));
            }
            else
            {
                t.Fate = PoreFate.MergedInto;
                t.MergedInto = trackOf[cs[0].Key.Label];
            }
        }
    }

    void RecordSplitsAndMerges(Dictionary<int, List<KeyValuePair<(int Track, int Label), int>>> children,
        Dictionary<int, List<KeyValuePair<(int Track, int Label), int>>> parents, int[] trackOf)
    {
        foreach (var (track, cs) in children.OrderBy(c => c.Key).Where(c => c.Value.Count > 1))
            _events.Add(new PoreEvent(_frame, PoreEventKind.Split, track, cs.Select(c => trackOf[c.Key.Label]).OrderBy(t => t).ToArray()));
        foreach (var (label, ps) in parents.OrderBy(p => trackOf[p.Key]).Where(p => p.Value.Count > 1))
            _events.Add(new PoreEvent(_frame, PoreEventKind.Merge, trackOf[label], ps.Select(p => p.Key.Track).OrderBy(t => t).ToArray()));
    }

    PoreTrack Start(PoreRegion r, PoreOrigin origin, IReadOnlyList<int> parents)
    {
        var t = new PoreTrack(_tracks.Count + 1, _frame, origin, parents);
        t.Add(new PoreObservation(_frame, r));
        _tracks.Add(t);
        return t;
    }
}
