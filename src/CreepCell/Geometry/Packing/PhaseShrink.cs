namespace CreepCell.Geometry.Packing;

/// <summary>
/// The cells of one phase and the search for their common relative offset s: each cell's shared edges
/// move inward by t_i = max(s sqrt(A_i), g/2), and s is chosen so that the particles' total area is
/// the phase's target. The area falls as s grows, so a bracketing root finder finds it.
/// </summary>
internal sealed class PhaseShrink
{
    const int MaxIterations = 60;

    readonly PackingSpec _spec;
    readonly PhaseSpec _phase;
    readonly LabelledPolygon[] _cells;
    readonly double[] _scale;
    readonly double _halfGap;
    readonly double _target;
    readonly ShapeOptions _options;

    public PhaseShrink(PackingSpec spec, int phaseIndex, LabelledPolygon[] cells, double halfGap)
    {
        _spec = spec;
        _phase = spec.Phases[phaseIndex];
        _cells = cells;
        _scale = cells.Select(c => Math.Sqrt(c.Area())).ToArray();
        _halfGap = halfGap;
        _target = _phase.Fraction * spec.Side * spec.Side;
        double dMean = _phase.MeanDiameter;
        // drop slivers below 2 % of a mean particle: they would only force tiny elements
        _options = new ShapeOptions(spec.Side, spec.ResolvedEdgeLength, spec.CornerRadius, 0.02 * Math.PI / 4 * dMean * dMean, halfGap);
    }

    double Offset(int i, double s) => Math.Max(s * _scale[i], _halfGap);

    /// <summary>Total particle area of the phase at relative offset s.</summary>
    public double Area(double s)
    {
        double a = 0;
        for (int i = 0; i < _cells.Length; i++)
            a += ParticleShaper.Shape(_cells[i], Offset(i, s), _options)?.Area ?? 0;
        return a;
    }

    /// <summary>The relative offset that hits the target area, or an error when even the smallest gap is too wide.</summary>
    public double Solve()
    {
        double most = Area(0);
        if (most < _target)
        {
            double reachable = most / (_spec.Side * _spec.Side);
            throw new InputException(_spec.Source, _spec.PhaseKey(_phase, "fraction"),
                $"cannot reach {_phase.Fraction:0.####}: with gaps of at least {_spec.MinGap:G3} x the mean diameter between particles, " +
                $"this phase covers at most {reachable:0.####} (lower the fractions or min_gap)");
        }
        double lo = 0, hi = 0.05, fLo = most - _target, fHi = Area(hi) - _target;
        while (fHi >= 0 && hi < 2) { lo = hi; fLo = fHi; hi *= 2; fHi = Area(hi) - _target; }
        return Illinois(lo, fLo, hi, fHi);
    }

    /// <summary>
    /// Regula falsi with the Illinois modification (Dowell and Jarratt, BIT 11, 1971): keeps the
    /// bracket of bisection but converges superlinearly on the smooth parts of the area curve.
    /// </summary>
    double Illinois(double lo, double fLo, double hi, double fHi)
    {
        double tolerance = 1e-9 * _spec.Side * _spec.Side;
        double best = lo, bestError = Math.Abs(fLo);
        int side = 0;
        for (int it = 0; it < MaxIterations && bestError > tolerance; it++)
        {
            double s = fLo == fHi ? 0.5 * (lo + hi) : (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(s > lo && s < hi)) s = 0.5 * (lo + hi);
            double f = Area(s) - _target;
            if (Math.Abs(f) < bestError) { best = s; bestError = Math.Abs(f); }
            if (f >= 0)
            {
                lo = s; fLo = f;
                if (side == 1) fHi /= 2;
                side = 1;
            }
            else
            {
                hi = s; fHi = f;
                if (side == -1) fLo /= 2;
                side = -1;
            }
        }
        return best;
    }

    /// <summary>The particles at relative offset s.</summary>
    public IEnumerable<Particle> Build(double s)
    {
        for (int i = 0; i < _cells.Length; i++)
        {
            var shaped = ParticleShaper.Shape(_cells[i], Offset(i, s), _options);
            if (shaped is null) continue;
            yield return new Particle(_phase.Name, shaped.Vertices, shaped.Area, PolygonMath.Centroid(shaped.Vertices), shaped.Sides)
            {
                EdgeArcs = shaped.EdgeArcs,
            };
        }
    }
}
