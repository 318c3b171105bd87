using CreepCell.Fem;
using CreepCell.Meshing;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// The stress peaks of one phase in the current state: the largest von Mises stress and the largest
/// principal stress sigma_1 (zz included, <see cref="Weibull.LargestPrincipal"/>) over its quadrature
/// points, the elements that hold them, and the values exceeded on 1 % of the phase's current area
/// (the area-weighted 99th percentile, <see cref="PhaseStatistics.AreaQuantile"/>). A maximum is a point
/// value and depends on how finely the mesh resolves the place where it sits; the 1 % value averages over
/// a fixed share of the area.
/// </summary>
public sealed record PhasePeaks(string Phase, double VonMisesMax, double VonMisesTop1, double Sigma1Max, double Sigma1Top1,
    int VonMisesMaxElement, int Sigma1MaxElement)
{
    /// <summary>Reference positions (m) to refine around so that a new mesh resolves these peaks: the
    /// centroids of the two peak elements and, for each, the node of another particle nearest to it in
    /// the current configuration (where a contact partner presses on it). See
    /// <see cref="CreepCell.Meshing.ParticleMeshOptions.RefinePoints"/>.</summary>
    public Geometry.Vec2[] Spots { get; init; } = Array.Empty<Geometry.Vec2>();
}

internal static class PeakStresses
{
    public static PhasePeaks[] Compute(Mesh mesh, Assembler assembler, Materials.PointResponse[] responses, double[] u)
    {
        var peaks = Values(mesh, assembler, responses);
        var spots = new Spots(mesh, u);
        return peaks.Select(p => p.VonMisesMaxElement < 0 ? p
            : p with { Spots = spots.Around(p.VonMisesMaxElement).Concat(spots.Around(p.Sigma1MaxElement)).Distinct().ToArray() }).ToArray();
    }

    static PhasePeaks[] Values(Mesh mesh, Assembler assembler, Materials.PointResponse[] responses)
    {
        int nr = mesh.RegionNames.Length;
        var vm = Lists(nr); var s1 = Lists(nr); var area = Lists(nr);
        var vmAt = new int[nr]; var s1At = new int[nr];
        var vmMax = Enumerable.Repeat(double.NegativeInfinity, nr).ToArray();
        var s1Max = Enumerable.Repeat(double.NegativeInfinity, nr).ToArray();
        int[] offsets = assembler.PointOffsets;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int r = mesh.Region[e];
            for (int q = offsets[e]; q < offsets[e + 1]; q++)
            {
                var c = responses[q].Cauchy;
                double v = c.VonMises, p = Weibull.LargestPrincipal(c);
                vm[r].Add(v); s1[r].Add(p); area[r].Add(responses[q].Area);
                if (v > vmMax[r]) { vmMax[r] = v; vmAt[r] = e; }
                if (p > s1Max[r]) { s1Max[r] = p; s1At[r] = e; }
            }
        }
        return Enumerable.Range(0, nr).Select(r => vm[r].Count == 0
            ? new PhasePeaks(mesh.RegionNames[r], 0, 0, 0, 0, -1, -1)
            : new PhasePeaks(mesh.RegionNames[r], vmMax[r], Top1(vm[r], area[r]), s1Max[r], Top1(s1[r], area[r]), vmAt[r], s1At[r])).ToArray();
    }

    static double Top1(List<double> values, List<double> areas) =>
        PhaseStatistics.AreaQuantile(values.ToArray(), areas.ToArray(), 1 - PhaseStatistics.TopShare);

    /// <summary>Finds, for an element, its reference centroid and the reference position of the node of
    /// another particle nearest to it in the current configuration.</summary>
    sealed class Spots
    {
        readonly Mesh mesh;
        readonly double[] u;
        readonly int[] particleOfNode;

        public Spots(Mesh mesh, double[] u)
        {
            (this.mesh, this.u) = (mesh, u);
            var particles = Particles.Of(mesh);
            particleOfNode = Enumerable.Repeat(-1, mesh.NodeCount).ToArray();
            for (int e = 0; e < mesh.ElementCount; e++)
                foreach (int n in mesh.ElementNodes(e)) particleOfNode[n] = particles.OfElement[e];
        }

        public IEnumerable<Geometry.Vec2> Around(int e)
        {
            var nodes = mesh.ElementNodes(e).ToArray();
            int own = particleOfNode[nodes[0]];
            yield return Mean(nodes.Take(3), reference: true);
            var at = Mean(nodes.Take(3), reference: false);
            int nearest = -1;
            double best = double.PositiveInfinity;
            for (int n = 0; n < mesh.NodeCount; n++)
            {
                if (particleOfNode[n] < 0 || particleOfNode[n] == own) continue;
                double d = (Current(n) - at).Length;
                if (d < best) { best = d; nearest = n; }
            }
            if (nearest >= 0) yield return mesh.Nodes[nearest];
        }

        Geometry.Vec2 Current(int n) => mesh.Nodes[n] + new Geometry.Vec2(u[2 * n], u[2 * n + 1]);

        Geometry.Vec2 Mean(IEnumerable<int> nodes, bool reference)
        {
            var pts = nodes.Select(n => reference ? mesh.Nodes[n] : Current(n)).ToArray();
            return (1.0 / pts.Length) * pts.Aggregate(new Geometry.Vec2(0, 0), (a, b) => a + b);
        }
    }

    static List<double>[] Lists(int n) => Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
}
