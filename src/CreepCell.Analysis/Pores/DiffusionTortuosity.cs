using CreepCell.Sparse;
namespace CreepCell.Analysis.Pores;

/// <summary>
/// Diffusion through a phase along z: the tortuosity factor tau = eps D / D_eff, the relative effective
/// diffusivity D_eff / D, the phase's volume fraction eps, the fluxes in and out (equal at convergence), and
/// the conjugate-gradient iterations and final relative residual.
/// </summary>
public sealed record DiffusionTortuosityResult(double TortuosityFactor, double RelativeDiffusivity, double VolumeFraction,
    double InletFlux, double OutletFlux, int Iterations, double Residual);

/// <summary>
/// Steady diffusion in a voxel phase along z (the flux-based tortuosity factor of TauFactor and PoreSpy):
/// concentration 1 on the phase's voxels of the first slice, 0 on those of the last, no flux through the solid
/// and the side walls, a unit conductance between face-neighbouring phase voxels (finite volumes). The
/// discrete Laplace equation is solved by conjugate gradients with a Jacobi preconditioner; the flux F through
/// the first slice gives D_eff / D = F (d - 1) / (w h) (the Dirichlet values sit at the centres of the first
/// and last slices, d - 1 voxels apart) and tau = eps / (D_eff / D). Straight channels give tau = 1 (with
/// eps counting only them); a single chain of N voxels gives tau = N (N - 1) / (d (d - 1)), about the square
/// of its geometric tortuosity.
/// </summary>
internal static class DiffusionTortuosity
{
    /// <param name="conducting">The voxels that carry the flux (the clusters that span the volume).</param>
    /// <param name="volumeFraction">eps: the phase's volume fraction, isolated parts included (TauFactor's convention).</param>
    public static DiffusionTortuosityResult? AlongZ(bool[] conducting, double volumeFraction, int w, int h, int d, double tolerance = 1e-10, int maxIterations = 100000)
    {
        if (d < 2) return null;
        int plane = w * h;
        var id = new int[conducting.Length];
        Array.Fill(id, -1);
        int n = 0;
        for (int i = plane; i < (d - 1) * plane; i++) if (conducting[i]) id[i] = n++;
        var (neighbours, degree, b) = Assemble(conducting, id, n, w, h, d);
        // a voxel without phase neighbours is its own row, x = 0
        var (x, iterations, residual) = StencilCg.Solve(neighbours, 6, degree.Select(v => Math.Max(v, 1)).ToArray(), b, tolerance, maxIterations);
        double Value(int voxel) => voxel < plane ? 1 : voxel >= (d - 1) * plane ? 0 : x[id[voxel]];
        double inlet = 0, outlet = 0;
        for (int i = 0; i < plane; i++)
        {
            if (conducting[i] && conducting[i + plane]) inlet += 1 - Value(i + plane);
            int j = (d - 1) * plane + i;
            if (conducting[j] && conducting[j - plane]) outlet += Value(j - plane);
        }
        // A connected path is at most n + 1 unit resistances long, so a flux below half of 1/(n + 1) is round-off:
        // nothing reaches through.
        if (!(inlet > 0.5 / (n + 1)) || !(outlet > 0.5 / (n + 1))) return null;
        double relative = inlet * (d - 1) / plane;
        return new DiffusionTortuosityResult(volumeFraction / relative, relative, volumeFraction, inlet, outlet, iterations, residual);
    }

    /// <summary>For each unknown: its unknown face neighbours (-1 where none), its number of phase neighbours, and the
    /// right-hand side from neighbours in the first slice (concentration 1).</summary>
    static (int[] Neighbours, double[] Degree, double[] B) Assemble(bool[] phase, int[] id, int n, int w, int h, int d)
    {
        int plane = w * h;
        var nb = new int[6 * n];
        Array.Fill(nb, -1);
        var degree = new double[n];
        var b = new double[n];
        for (int p = plane; p < (d - 1) * plane; p++)
        {
            int u = id[p];
            if (u < 0) continue;
            int x = p % w, y = p / w % h, k = 0;
            foreach (int q in new[] { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1, p - plane, p + plane })
            {
                if (q < 0 || !phase[q]) continue;
                degree[u]++;
                if (q < plane) b[u] += 1;
                else if (id[q] >= 0) nb[6 * u + k++] = id[q];
            }
        }
        return (nb, degree, b);
    }
}
