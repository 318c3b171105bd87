namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Splits a voltammogram at its vertices. A vertex is the extreme potential of a run, confirmed once the
/// potential has come back from it by more than a tolerance (three median sample steps, at least 0.5 %
/// of the potential window), so that noise on a slow scan does not cut it. Segments are numbered from 1
/// and a cycle is two consecutive segments: cycle n holds segments 2n-1 and 2n, whatever the export calls
/// a cycle.
/// </summary>
internal static class Sweeps
{
    public static List<Segment> Split(Voltammogram v)
    {
        var p = v.Points;
        double min = p.Min(x => x.Potential), max = p.Max(x => x.Potential);
        if (!(max - min > 0)) throw new InputException(v.Source, null, "the potential does not change; this is not a voltammogram");
        var steps = Enumerable.Range(1, p.Count - 1).Select(k => Math.Abs(p[k].Potential - p[k - 1].Potential)).Order().ToArray();
        double tol = Math.Max(3 * steps[steps.Length / 2], 0.005 * (max - min));
        var vertices = Vertices(p, tol);
        var segments = new List<Segment>();
        for (int s = 0; s + 1 < vertices.Count; s++)
        {
            var pts = p.Skip(vertices[s]).Take(vertices[s + 1] - vertices[s] + 1).ToList();
            int dir = pts[^1].Potential >= pts[0].Potential ? 1 : -1;
            segments.Add(new Segment(segments.Count + 1, segments.Count / 2 + 1, dir, pts));
        }
        return segments;
    }

    static List<int> Vertices(IReadOnlyList<CvPoint> p, double tol)
    {
        var vertices = new List<int> { 0 };
        int dir = 0, extreme = 0;
        for (int k = 1; k < p.Count; k++)
        {
            double e = p[k].Potential;
            if (dir == 0)
            {
                if (Math.Abs(e - p[0].Potential) > tol) { dir = Math.Sign(e - p[0].Potential); extreme = k; }
                continue;
            }
            if ((e - p[extreme].Potential) * dir > 0) extreme = k;
            else if ((p[extreme].Potential - e) * dir > tol)
            {
                vertices.Add(extreme);
                dir = -dir;
                extreme = k;
                for (int j = vertices[^1] + 1; j <= k; j++)
                    if ((p[j].Potential - p[extreme].Potential) * dir > 0) extreme = j;
            }
        }
        if (vertices[^1] != p.Count - 1) vertices.Add(p.Count - 1);
        return vertices;
    }
}
