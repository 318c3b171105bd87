namespace CreepCell.Geometry.Packing;

/// <summary>
/// Generates a dense random packing of polygonal particles in a square RVE.
/// <list type="number">
/// <item>Particle diameters are drawn per phase from a truncated log-normal until the phase's disk
/// area reaches its target; sites are placed uniformly at random (<see cref="SplitMix64"/>).</item>
/// <item>A power diagram of the sites is relaxed (Lloyd steps plus weight corrections) so that each
/// cell's area is proportional to its particle's d^2 and the cells tile the square.</item>
/// <item>Each cell becomes a particle (<see cref="ParticleShaper"/>): its shared edges move inward by
/// t_i = max(s_p sqrt(A_i), g/2), corners are filleted, the boundary is resampled. The gaps left
/// between cells are the pores.</item>
/// <item>Per phase, the relative offset s_p is found by bisection so that the phase's total particle
/// area equals its target fraction of L^2.</item>
/// </list>
/// Tessellation-based packings of this kind reach any particle fraction below one without overlaps,
/// unlike random sequential addition of disks, which jams near 55 % in 2D (Feder, J. Theor. Biol. 87, 1980).
/// </summary>
public static class PackingGenerator
{
    const double MinDiameterFactor = 0.3, MaxDiameterFactor = 3.0;

    /// <summary>Builds the packing, or throws <see cref="InputException"/> for unusable targets.</summary>
    public static Packing Generate(PackingSpec spec)
    {
        PackingValidation.Check(spec);
        var rng = new SplitMix64(spec.Seed);
        var (phaseOf, diameters) = DrawDiameters(spec, rng);
        int n = diameters.Count;
        double side = spec.Side;
        var sites = new Vec2[n];
        for (int i = 0; i < n; i++) sites[i] = new Vec2(rng.NextDouble() * side, rng.NextDouble() * side);
        double sumD2 = diameters.Sum(d => d * d);
        var targets = diameters.Select(d => side * side * d * d / sumD2).ToArray();
        var (diagram, cellError) = CellRelaxation.Run(side, sites, targets, spec.RelaxationSteps);

        double halfGap = spec.MinGap * spec.MeanDiameter / 2;
        var particles = new List<Particle>();
        var offsets = new double[spec.Phases.Count];
        for (int p = 0; p < spec.Phases.Count; p++)
        {
            var members = Enumerable.Range(0, n).Where(i => phaseOf[i] == p && diagram.Cells[i].Count > 0).ToArray();
            var phase = new PhaseShrink(spec, p, members.Select(i => diagram.Cells[i]).ToArray(), halfGap);
            offsets[p] = phase.Solve();
            particles.AddRange(phase.Build(offsets[p]));
        }
        if (particles.Count == 0) throw new InputException(spec.Source, spec.Key("phases"), "no particle could be placed");
        var report = PackingMeasure.Report(spec, particles, offsets, cellError);
        return new Packing(side, particles, report, spec);
    }

    /// <summary>
    /// Draws diameters per phase until the disk area reaches f_p L^2 (keeping or dropping the last draw,
    /// whichever is closer). Draws outside [0.3, 3] x mean or above half the side are redrawn.
    /// </summary>
    static (List<int> PhaseOf, List<double> Diameters) DrawDiameters(PackingSpec spec, SplitMix64 rng)
    {
        var phaseOf = new List<int>();
        var diameters = new List<double>();
        for (int p = 0; p < spec.Phases.Count; p++)
        {
            var ph = spec.Phases[p];
            double target = ph.Fraction * spec.Side * spec.Side, area = 0;
            int first = diameters.Count;
            while (area < target)
            {
                double d = DrawOne(ph, spec.Side, rng);
                double a = Math.PI / 4 * d * d;
                if (area + a > target && target - area < area + a - target && diameters.Count > first) break;
                diameters.Add(d);
                phaseOf.Add(p);
                area += a;
            }
        }
        return (phaseOf, diameters);
    }

    static double DrawOne(PhaseSpec ph, double side, SplitMix64 rng)
    {
        while (true)
        {
            double d = rng.NextLogNormal(ph.MeanDiameter, ph.Cv);
            if (d >= MinDiameterFactor * ph.MeanDiameter && d <= MaxDiameterFactor * ph.MeanDiameter && d < side / 2) return d;
        }
    }
}
