using System.Globalization;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Checks the outlines before meshing: every body one counter-clockwise outer loop and clockwise holes, no
/// outline crossing itself or another, and bodies apart by at least a quarter of the gap. Segments are
/// bucketed in a grid of 2-pixel cells, so the check costs about one pass over the outlines.
/// </summary>
internal static class OutlineCheck
{
    const double Cell = 2;

    public static void Require(List<BodyOutline> outlines, List<int> phaseOfBody, IReadOnlyList<string> names, ImageSpec spec, int w, int h, double gapPixels)
    {
        string Name(int b) => $"{names[phaseOfBody[b]]} body {b}";
        string Where(Vec2 p) => string.Format(CultureInfo.InvariantCulture, "near pixel ({0:0}, {1:0}) of the analysed region", p.X, h - p.Y);
        foreach (var o in outlines)
        {
            if (o.Loops.Count == 0 || ArcSmoothing.Area(o.Loops[0]) <= 0 || o.Loops.Skip(1).Any(l => ArcSmoothing.Area(l) >= 0))
                throw new InputException(spec.Source, spec.Key("image"), $"{Name(o.Body)} has no single outer outline {Where(o.Loops[0][0])}");
        }
        var segments = Segments(outlines);
        var grid = new Dictionary<(int, int), List<int>>();
        for (int s = 0; s < segments.Count; s++)
        {
            var (a, b) = (segments[s].A, segments[s].B);
            for (int cx = (int)Math.Floor(Math.Min(a.X, b.X) / Cell); cx <= (int)Math.Floor(Math.Max(a.X, b.X) / Cell); cx++)
                for (int cy = (int)Math.Floor(Math.Min(a.Y, b.Y) / Cell); cy <= (int)Math.Floor(Math.Max(a.Y, b.Y) / Cell); cy++)
                    (grid.TryGetValue((cx, cy), out var l) ? l : grid[(cx, cy)] = new List<int>()).Add(s);
        }
        double minGap = 0.25 * gapPixels;
        foreach (var cell in grid.Values)
            for (int i = 0; i < cell.Count; i++)
                for (int j = i + 1; j < cell.Count; j++)
                {
                    var s = segments[cell[i]];
                    var t = segments[cell[j]];
                    bool sameBody = s.Body == t.Body;
                    if (sameBody && s.Loop == t.Loop && Adjacent(s.Index, t.Index, s.LoopLength)) continue;
                    if (Cross(s.A, s.B, t.A, t.B))
                        throw new InputException(spec.Source, spec.Key("outline_tolerance"), sameBody
                            ? $"the outline of {Name(s.Body)} crosses itself {Where(s.A)}; lower outline_tolerance or raise min_area"
                            : $"the outlines of {Name(s.Body)} and {Name(t.Body)} cross {Where(s.A)}; lower outline_tolerance or raise min_area");
                    if (!sameBody && Distance(s.A, s.B, t.A, t.B) < minGap)
                        throw new InputException(spec.Source, spec.Key("gap"), $"{Name(s.Body)} and {Name(t.Body)} are closer than a quarter of the gap {Where(s.A)}");
                }
    }

    static List<Segment> Segments(List<BodyOutline> outlines)
    {
        var list = new List<Segment>();
        foreach (var o in outlines)
            for (int l = 0; l < o.Loops.Count; l++)
            {
                var p = o.Loops[l];
                for (int k = 0; k < p.Length; k++) list.Add(new Segment(p[k], p[(k + 1) % p.Length], o.Body, l, k, p.Length));
            }
        return list;
    }

    readonly record struct Segment(Vec2 A, Vec2 B, int Body, int Loop, int Index, int LoopLength);

    static bool Adjacent(int i, int j, int n) => Math.Abs(i - j) <= 1 || Math.Abs(i - j) == n - 1;

    /// <summary>Proper or touching intersection of two segments.</summary>
    static bool Cross(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
    {
        double d1 = Vec2.Cross(b - a, c - a), d2 = Vec2.Cross(b - a, d - a);
        double d3 = Vec2.Cross(d - c, a - c), d4 = Vec2.Cross(d - c, b - c);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return Distance(a, b, c, d) == 0;
    }

    static double Distance(Vec2 a, Vec2 b, Vec2 c, Vec2 d) => Math.Min(
        Math.Min(ArcSmoothing.SegmentDistance(a, c, d), ArcSmoothing.SegmentDistance(b, c, d)),
        Math.Min(ArcSmoothing.SegmentDistance(c, a, b), ArcSmoothing.SegmentDistance(d, a, b)));

    /// <summary>Smallest interior angle of a loop whose body lies on its left, degrees.</summary>
    public static double MinAngleDegrees(Vec2[] loop)
    {
        double min = 360;
        for (int k = 0; k < loop.Length; k++)
        {
            var next = loop[(k + 1) % loop.Length] - loop[k];
            var prev = loop[(k - 1 + loop.Length) % loop.Length] - loop[k];
            double angle = Math.Atan2(Vec2.Cross(next, prev), Vec2.Dot(next, prev)) * 180 / Math.PI;
            if (angle < 0) angle += 360;
            min = Math.Min(min, angle);
        }
        return min;
    }
}
