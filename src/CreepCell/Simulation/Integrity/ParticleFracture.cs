using CreepCell.Materials;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// One particle's fracture indicators in the current configuration: its Weibull failure probability
/// (0 for a phase without Weibull parameters), its largest principal stress, and the largest principal
/// stress of its surface elements (where an edge flaw would sit).
/// </summary>
internal readonly record struct ParticleFracture(int Region, double FailureProbability, double LargestPrincipal, double SurfacePrincipal);

internal static class FractureEvaluation
{
    /// <summary>
    /// P_f = 1 - exp(-sum over the particle's quadrature points of (sigma_1+ / sigma_0)^m dA / A_0), dA
    /// the current area each point stands for (the element's quadrature weight times its current Jacobian).
    /// </summary>
    public static ParticleFracture[] Evaluate(Particles particles, int[] pointOffsets, PointResponse[] responses, WeibullParameters?[] byRegion)
    {
        int n = particles.Count;
        var risk = new double[n];
        var largest = new double[n];
        var surface = new double[n];
        Array.Fill(largest, double.NegativeInfinity);
        Array.Fill(surface, double.NegativeInfinity);
        for (int e = 0; e < particles.OfElement.Length; e++)
        {
            int k = particles.OfElement[e];
            var weibull = byRegion[particles.Region[k]];
            for (int q = pointOffsets[e]; q < pointOffsets[e + 1]; q++)
            {
                double s1 = Weibull.LargestPrincipal(responses[q].Cauchy);
                if (weibull is not null) risk[k] += weibull.Risk(s1, responses[q].Area);
                largest[k] = Math.Max(largest[k], s1);
                if (particles.AtSurface[e]) surface[k] = Math.Max(surface[k], s1);
            }
        }
        var result = new ParticleFracture[n];
        for (int k = 0; k < n; k++)
        {
            // a particle without surface elements (none in practice) takes its largest stress
            double atSurface = double.IsNegativeInfinity(surface[k]) ? largest[k] : surface[k];
            result[k] = new ParticleFracture(particles.Region[k], Weibull.FailureProbability(risk[k]), largest[k], atSurface);
        }
        return result;
    }

    /// <summary>Per element, the failure probability of its particle (a VTU cell field).</summary>
    public static double[] PerElement(Particles particles, ParticleFracture[] fracture) =>
        particles.OfElement.Select(k => fracture[k].FailureProbability).ToArray();
}
