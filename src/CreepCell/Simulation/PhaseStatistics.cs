using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>Area-weighted statistics of one phase in the current configuration.</summary>
public readonly record struct PhaseStats(double VonMisesMean, double VonMisesMax, double PressureMean, double Area, double CreepMean);

public static class PhaseStatistics
{
    /// <summary>Per region: mean and max von Mises (zz included), mean pressure, current area, mean equivalent creep strain.</summary>
    public static PhaseStats[] Compute(Mesh mesh, int[] pointOffsets, PointResponse[] responses, PointState[] states)
    {
        int nr = mesh.RegionNames.Length;
        var vm = new double[nr]; var max = new double[nr]; var p = new double[nr]; var area = new double[nr]; var creep = new double[nr];
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
            }
        }
        var result = new PhaseStats[nr];
        for (int r = 0; r < nr; r++)
        {
            double a = area[r] > 0 ? area[r] : 1;
            result[r] = new PhaseStats(vm[r] / a, max[r], p[r] / a, area[r], creep[r] / a);
        }
        return result;
    }
}
