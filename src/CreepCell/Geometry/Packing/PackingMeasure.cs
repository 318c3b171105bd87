namespace CreepCell.Geometry.Packing;

/// <summary>Measures a finished packing: fractions per phase, gaps, angles, edge lengths.</summary>
internal static class PackingMeasure
{
    public static PackingReport Report(PackingSpec spec, List<Particle> particles, double[] offsets, double cellError)
    {
        double rveArea = spec.Side * spec.Side;
        var phases = new List<PhaseReport>();
        for (int p = 0; p < spec.Phases.Count; p++)
        {
            var ph = spec.Phases[p];
            var mine = particles.Where(q => q.Phase == ph.Name).ToList();
            var d = mine.Select(q => q.EquivalentDiameter).ToList();
            double mean = d.Count > 0 ? d.Average() : 0;
            double sd = d.Count > 1 ? Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Count - 1)) : 0;
            phases.Add(new PhaseReport(ph.Name, ph.Fraction, mine.Sum(q => q.Area) / rveArea, mine.Count,
                mean, mean > 0 ? sd / mean : 0, offsets[p]));
        }
        double gap = MinGap(particles, spec.Side);
        return new PackingReport(
            phases,
            spec.PoreFraction,
            1 - phases.Sum(p => p.AchievedFraction),
            particles.Count,
            gap,
            gap / spec.MeanDiameter,
            particles.Min(q => PolygonMath.MinInteriorAngleDegrees(q.Vertices)),
            particles.Min(q => PolygonMath.MinEdgeLength(q.Vertices)),
            particles.Max(q => PolygonMath.MaxEdgeLength(q.Vertices)),
            particles.Sum(q => q.Vertices.Length),
            cellError);
    }

    /// <summary>
    /// Smallest boundary distance between two particles, by a sweep over bounding boxes sorted by
    /// their left edge: once a box starts further right than the best gap so far, no later one can
    /// beat it. The exact O(n m) distance is computed only for boxes closer than the best gap.
    /// With a single particle there is no gap; the RVE side is reported.
    /// </summary>
    public static double MinGap(IReadOnlyList<Particle> particles, double side)
    {
        var boxes = particles.Select(q => PolygonMath.Bounds(q.Vertices)).ToArray();
        var order = Enumerable.Range(0, boxes.Length).OrderBy(i => boxes[i].Min.X).ThenBy(i => i).ToArray();
        double best = side;
        for (int a = 0; a < order.Length; a++)
        {
            int i = order[a];
            for (int b = a + 1; b < order.Length; b++)
            {
                int j = order[b];
                if (boxes[j].Min.X - boxes[i].Max.X >= best) break;
                if (BoxDistance(boxes[i], boxes[j]) < best)
                    best = PolygonMath.Distance(particles[i].Vertices, particles[j].Vertices, best);
            }
        }
        return best;
    }

    static double BoxDistance((Vec2 Min, Vec2 Max) a, (Vec2 Min, Vec2 Max) b)
    {
        double dx = Math.Max(0, Math.Max(a.Min.X - b.Max.X, b.Min.X - a.Max.X));
        double dy = Math.Max(0, Math.Max(a.Min.Y - b.Max.Y, b.Min.Y - a.Max.Y));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
