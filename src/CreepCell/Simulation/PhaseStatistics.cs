using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>Area-weighted statistics of one phase in the current configuration. VonMisesP99 is the von
/// Mises stress exceeded on 1 % of the phase's area: unlike the maximum, a point value that grows without
/// bound at sharp contact corners as the mesh is refined, it converges with the mesh.</summary>
public readonly record struct PhaseStats(double VonMisesMean, double VonMisesMax, double PressureMean, double Area, double CreepMean)
{
    public double VonMisesP99 { get; init; }
}

internal static class PhaseStatistics
{
    /// <summary>Share of the area above <see cref="PhaseStats.VonMisesP99"/>.</summary>
    public const double TopShare = 0.01;

    /// <summary>Per region: mean, max and 99th area percentile of von Mises (zz included), mean pressure,
    /// current area, mean equivalent creep strain.</summary>
    public static PhaseStats[] Compute(Mesh mesh, int[] pointOffsets, PointResponse[] responses, PointState[] states) =>
        Summarize(mesh, pointOffsets, responses, states).Phases;

    /// <summary><see cref="Compute"/>, and the von Mises stress exceeded on <see cref="TopShare"/> of the
    /// area of all solids together, from one pass over the points.</summary>
    public static (PhaseStats[] Phases, double SolidsP99) Summarize(Mesh mesh, int[] pointOffsets, PointResponse[] responses, PointState[] states)
    {
        int nr = mesh.RegionNames.Length;
        var vm = new double[nr]; var max = new double[nr]; var p = new double[nr]; var area = new double[nr]; var creep = new double[nr];
        var values = Enumerable.Range(0, nr).Select(_ => new List<double>()).ToArray();
        var areas = Enumerable.Range(0, nr).Select(_ => new List<double>()).ToArray();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int r = mesh.Region[e];
            for (int q = pointOffsets[e]; q < pointOffsets[e + 1]; q++)
            {
                var s = responses[q];
                double a = s.Area;
                double v = s.Cauchy.VonMises;
                vm[r] += a * v;
                max[r] = Math.Max(max[r], v);
                p[r] += a * s.Cauchy.Pressure;
                creep[r] += a * states[q].CreepStrain;
                area[r] += a;
                values[r].Add(v);
                areas[r].Add(a);
            }
        }
        var result = new PhaseStats[nr];
        for (int r = 0; r < nr; r++)
        {
            double a = area[r] > 0 ? area[r] : 1;
            result[r] = new PhaseStats(vm[r] / a, max[r], p[r] / a, area[r], creep[r] / a)
            {
                VonMisesP99 = AreaQuantile(values[r].ToArray(), areas[r].ToArray(), 1 - TopShare),
            };
        }
        double solids = AreaQuantile(values.SelectMany(v => v).ToArray(), areas.SelectMany(v => v).ToArray(), 1 - TopShare);
        return (result, solids);
    }

    /// <summary>
    /// The smallest value v such that the values above v cover at most (1 - fraction) of the total area
    /// (the area-weighted quantile); 0 for no area.
    /// </summary>
    public static double AreaQuantile(double[] values, double[] areas, double fraction)
    {
        if (values.Length == 0) return 0;
        Array.Sort(values, areas);
        double total = areas.Sum(), above = 0, allowed = (1 - fraction) * total;
        for (int i = values.Length - 1; i > 0; i--)
        {
            if (above + areas[i] > allowed) return values[i];
            above += areas[i];
        }
        return values[0];
    }
}
