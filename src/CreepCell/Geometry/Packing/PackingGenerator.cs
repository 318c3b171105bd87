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
/// With <see cref="PackingSpec.Voids"/> the pores are cells of their own instead: the particle cells
/// are sized so that the gaps stay near the minimum gap, and the void cells take the rest.
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
        var (shrinks, cellError) = spec.Voids is null
            ? Tessellate(spec, sites, phaseOf, ProportionalTargets(side, diameters))
            : TessellateWithVoids(spec, sites, phaseOf, diameters);

        var particles = new List<Particle>();
        var offsets = new double[spec.Phases.Count];
        for (int p = 0; p < spec.Phases.Count; p++)
        {
            offsets[p] = shrinks[p].Solve();
            particles.AddRange(shrinks[p].Build(offsets[p]));
        }
        if (particles.Count == 0) throw new InputException(spec.Source, spec.Key("phases"), "no particle could be placed");
        var report = PackingMeasure.Report(spec, particles, offsets, cellError);
        return new Packing(side, particles, report, spec);
    }

    /// <summary>Cell areas proportional to d^2, filling the square.</summary>
    static double[] ProportionalTargets(double side, List<double> diameters)
    {
        double sumD2 = diameters.Sum(d => d * d);
        return diameters.Select(d => side * side * d * d / sumD2).ToArray();
    }

    /// <summary>The relaxed power diagram cut into the cells of each particle phase (void cells are left out).</summary>
    static (PhaseShrink[] Shrinks, double CellError) Tessellate(PackingSpec spec, Vec2[] sites, List<int> phaseOf, double[] targets)
    {
        var (diagram, cellError) = CellRelaxation.Run(spec.Side, sites, targets, spec.RelaxationSteps);
        double halfGap = spec.MinGap * spec.MeanDiameter / 2;
        var shrinks = new PhaseShrink[spec.Phases.Count];
        for (int p = 0; p < shrinks.Length; p++)
        {
            var members = Enumerable.Range(0, sites.Length).Where(i => phaseOf[i] == p && diagram.Cells[i].Count > 0);
            shrinks[p] = new PhaseShrink(spec, p, members.Select(i => diagram.Cells[i]).ToArray(), halfGap);
        }
        return (shrinks, cellError);
    }

    /// <summary>
    /// Tessellation with void cells. Each particle phase's cells are given the phase's target area plus
    /// what its gaps of g/2 take (first estimated for disks, then corrected from the shaped particles)
    /// and the void cells share the rest, so that after shaping the particles face one another across
    /// the minimum gap and the porosity sits in the voids.
    /// </summary>
    static (PhaseShrink[] Shrinks, double CellError) TessellateWithVoids(PackingSpec spec, Vec2[] sites, List<int> phaseOf, List<double> diameters)
    {
        const double Margin = 5e-3, Tolerance = 2e-3;
        double gap = spec.MinGap * spec.MeanDiameter;
        // a disk of diameter d loses 4 / d of its area per unit of inward offset
        var excess = spec.Phases.Select(p => 2 * gap / p.MeanDiameter).ToArray();
        (PhaseShrink[] Shrinks, double CellError) result = default;
        for (int round = 0; round < 8; round++)
        {
            result = Tessellate(spec, sites, phaseOf, VoidTargets(spec, phaseOf, diameters, excess));
            bool converged = true;
            for (int p = 0; p < excess.Length; p++)
            {
                double target = spec.Phases[p].Fraction * spec.Side * spec.Side;
                double ratio = (1 + Margin) * target / result.Shrinks[p].Area(0);
                excess[p] = (1 + excess[p]) * ratio - 1;
                converged &= Math.Abs(ratio - 1) < Tolerance;
            }
            if (converged) break;
        }
        return result;
    }

    /// <summary>Phase p's cells take f_p L^2 (1 + e_p) in proportion to d^2; the void cells (last phase index) share the rest.</summary>
    static double[] VoidTargets(PackingSpec spec, List<int> phaseOf, List<double> diameters, double[] excess)
    {
        int np = spec.Phases.Count;
        double square = spec.Side * spec.Side;
        var sumD2 = new double[np + 1];
        for (int i = 0; i < diameters.Count; i++) sumD2[phaseOf[i]] += diameters[i] * diameters[i];
        var phaseArea = new double[np + 1];
        for (int p = 0; p < np; p++) phaseArea[p] = spec.Phases[p].Fraction * square * (1 + excess[p]);
        phaseArea[np] = square - phaseArea.Take(np).Sum();
        if (phaseArea[np] <= 0)
            throw new InputException(spec.Source, spec.Key("voids"),
                $"the gaps of min_gap = {spec.MinGap:G3} x the mean diameter take all of the porosity {spec.PoreFraction:0.###}; no room is left for voids (lower min_gap or drop the voids table)");
        return diameters.Select((d, i) => phaseArea[phaseOf[i]] * d * d / sumD2[phaseOf[i]]).ToArray();
    }

    /// <summary>
    /// Draws diameters per phase until the disk area reaches f_p L^2 (keeping or dropping the last draw,
    /// whichever is closer); the voids, if any, come last with the pore fraction. Draws outside [0.3, 3] x mean or above half the side are redrawn.
    /// </summary>
    static (List<int> PhaseOf, List<double> Diameters) DrawDiameters(PackingSpec spec, SplitMix64 rng)
    {
        var phaseOf = new List<int>();
        var diameters = new List<double>();
        var drawn = spec.Phases.ToList();
        if (spec.Voids is VoidSpec v) drawn.Add(new PhaseSpec("voids", spec.PoreFraction, v.MeanDiameter, v.Cv));
        for (int p = 0; p < drawn.Count; p++)
        {
            var ph = drawn[p];
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
