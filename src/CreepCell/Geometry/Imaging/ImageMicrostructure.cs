namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Turns a segmented image into an RVE of bodies, one step each: phases per pixel
/// (<see cref="PhaseSegmentation"/>), islands merged (<see cref="Islands"/>), touching particles split
/// (<see cref="ParticleSplit"/>), a periodic image checked (<see cref="PeriodicCheck"/>), boundaries traced as shared arcs (<see cref="ContourGraph"/>), arcs
/// smoothed keeping every label's pixel area (<see cref="ArcSmoothing"/>), loops joined and the contact gap
/// opened (<see cref="BodyOutlines"/>), and the outlines checked (<see cref="OutlineCheck"/>). Any
/// problem is an <see cref="InputException"/> raised before meshing.
/// </summary>
internal static class ImageMicrostructure
{
    public static ImageRve Build(ImageSpec spec) => Build(spec, PhaseSegmentation.Read(spec));

    public static ImageRve Build(ImageSpec spec, PhaseMap map)
    {
        int w = map.Width, h = map.Height;
        var (clean, merges) = Islands.Clean(map, spec.MinArea);
        var (body, phaseOfBody) = ParticleSplit.Split(clean, w, h, map.VoidIndex, spec.NeckRatio, spec.MinArea);
        if (phaseOfBody.Count == 0) throw new InputException(spec.Source, spec.Key("min_area"), "no body is left after removing islands");
        if (spec.Periodic) PeriodicCheck.Require(body, w, h, phaseOfBody, map.Names, spec);
        var arcs = ContourGraph.Trace(body, w, h);
        var smoothed = arcs.Select(a => ArcSmoothing.Smooth(a, spec.Tolerance)).ToArray();
        var loops = BodyLoops.Assemble(arcs, phaseOfBody.Count);
        double px = map.PixelSize;
        var pixels = new long[phaseOfBody.Count];
        foreach (int b in body) if (b >= 0) pixels[b]++;
        double gap = spec.Gap ?? ImageSpec.DefaultGapOverRadius * pixels.Average(n => Math.Sqrt(n / Math.PI)) * px;
        var outlines = BodyOutlines.Build(arcs, smoothed.Select(s => s.Points).ToArray(), loops, 0.5 * gap / px);
        OutlineCheck.Require(outlines, phaseOfBody, map.Names, spec, w, h, gap / px);
        var bodies = outlines.Select(o => ToBody(o, map.Names[phaseOfBody[o.Body]], pixels[o.Body], body, w, h, px)).ToList();
        var report = Report(map, clean, phaseOfBody, bodies, merges, spec, smoothed.Max(s => s.Deviation), outlines) with { Gap = gap };
        return new ImageRve(w * px, h * px, bodies, report, map with { Phase = clean }, body, spec);
    }

    static ImageBody ToBody(BodyOutline o, string phase, long pixels, int[] body, int w, int h, double px)
    {
        Vec2[] Metres(Vec2[] loop) => loop.Select(p => px * p).ToArray();
        var holes = o.Loops.Skip(1).ToArray();
        var holePoints = holes.Select(hole => px * InsidePoint(hole, o.Body, body, w, h)).ToArray();
        double area = o.Loops.Sum(ArcSmoothing.Area) * px * px;
        return new ImageBody(o.Body, phase, Metres(o.Loops[0]), holes.Select(Metres).ToArray(), holePoints, pixels, area);
    }

    /// <summary>The centre of a pixel of another label inside a hole, farthest from the hole's outline.</summary>
    static Vec2 InsidePoint(Vec2[] hole, int self, int[] body, int w, int h)
    {
        double x0 = hole.Min(p => p.X), x1 = hole.Max(p => p.X), y0 = hole.Min(p => p.Y), y1 = hole.Max(p => p.Y);
        Vec2 best = hole[0];
        double far = -1;
        for (int r = Math.Max(0, (int)y0); r < Math.Min(h, (int)Math.Ceiling(y1)); r++)
            for (int i = Math.Max(0, (int)x0); i < Math.Min(w, (int)Math.Ceiling(x1)); i++)
            {
                if (body[(h - 1 - r) * w + i] == self) continue;
                var c = new Vec2(i + 0.5, r + 0.5);
                if (!CreepCell.Meshing.Polygons.Contains(hole, c)) continue;
                double d = double.PositiveInfinity;
                for (int k = 0; k < hole.Length; k++) d = Math.Min(d, ArcSmoothing.SegmentDistance(c, hole[k], hole[(k + 1) % hole.Length]));
                if (d > far) { far = d; best = c; }
            }
        return best;
    }

    static ImageReport Report(PhaseMap map, int[] clean, List<int> phaseOfBody, List<ImageBody> bodies,
        List<IslandMerge> merges, ImageSpec spec, double deviation, List<BodyOutline> outlines)
    {
        var image = map.Counts();
        var after = new long[map.Names.Count];
        foreach (int p in clean) after[p]++;
        var regions = Islands.Regions(clean, map.Width, map.Height).GroupBy(r => clean[r[0]]).ToDictionary(g => g.Key, g => g.Count());
        var phases = map.Names.Select((name, p) => new ImagePhaseReport(name, image[p], after[p], regions.GetValueOrDefault(p),
            phaseOfBody.Count(x => x == p), bodies.Where(b => b.Phase == name).Sum(b => b.Area))).ToList();
        double minAngle = outlines.SelectMany(o => o.Loops).Min(OutlineCheck.MinAngleDegrees);
        int vertices = outlines.Sum(o => o.Loops.Sum(l => l.Length));
        return new ImageReport(phases, merges, map.Thresholds, deviation, spec.Tolerance, 0, minAngle, vertices);
    }
}
