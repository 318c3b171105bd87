using CreepCell.Sparse;
namespace CreepCell.Simulation.Transport;

/// <summary>
/// Top-to-bottom conduction through one phase of a 2D pixel map: the relative effective conductivity
/// sigma_eff / sigma0 (= D_eff / D), the tortuosity factor tau = eps / (sigma_eff / sigma0), the phase's area
/// fraction eps (every pixel of the phase, isolated ones included), the currents in through the top and out
/// through the bottom (equal at convergence), the conjugate-gradient iterations and the final relative residual.
/// </summary>
internal sealed record PixelConductionResult(double TortuosityFactor, double RelativeConductivity, double AreaFraction,
    double InletCurrent, double OutletCurrent, int Iterations, double Residual);

/// <summary>
/// Steady conduction through one phase of a 2D pixel map from the top row to the bottom row, as TauFactor
/// computes it (Cooper et al., SoftwareX 5 (2016) 203-210; the finite-volume scheme of its
/// <c>Solver</c>): a unit conductance between face-neighbouring pixels of the phase, none to the others
/// (4-connectivity: pixels that meet at a corner only do not conduct), potential 1 on the top face of the
/// image and 0 on the bottom face, each reached from the centres of the first and last rows through half a
/// pixel (conductance 2), insulated sides. The current I through the top face gives
/// sigma_eff / sigma0 = I h / w and tau = eps / (sigma_eff / sigma0). Straight columns give tau = 1 exactly;
/// a single chain of N pixels from the top row to the bottom one has the resistance N (N - 1 links and two
/// half pixels), so tau = (N / h)^2. Solved by conjugate gradients with a Jacobi preconditioner over the
/// pixels joined to the top or bottom row (the others carry no current).
/// </summary>
internal static class PixelConduction
{
    /// <param name="phase">The conducting pixels, row by row from the top (index y w + x).</param>
    /// <returns>null when no path of edge-sharing pixels of the phase joins the top row to the bottom one.</returns>
    public static PixelConductionResult? TopToBottom(bool[] phase, int w, int h, double tolerance = 1e-10, int maxIterations = 200000)
    {
        if (phase.Length != w * h) throw new ArgumentException($"expected {w} x {h} pixels, got {phase.Length}", nameof(phase));
        double eps = phase.Count(p => p) / (double)(w * h);
        var id = Unknowns(phase, w, h, out int n);
        var (nb, diagonal, b) = Assemble(phase, id, n, w, h);
        var (x, iterations, residual) = StencilCg.Solve(nb, 4, diagonal, b, tolerance, maxIterations);
        double inlet = 0, outlet = 0;
        for (int i = 0; i < w; i++)
        {
            if (id[i] >= 0) inlet += 2 * (1 - x[id[i]]);
            int j = (h - 1) * w + i;
            if (id[j] >= 0) outlet += 2 * x[id[j]];
        }
        // a path carries at least 1 / (n + 1); less is round-off: nothing reaches through
        if (!(inlet > 0.5 / (n + 1)) || !(outlet > 0.5 / (n + 1))) return null;
        double relative = inlet * h / w;
        return new PixelConductionResult(eps / relative, relative, eps, inlet, outlet, iterations, residual);
    }

    /// <summary>Each pixel split into m x m pixels of the same phase (the same staircase geometry, m times finer).</summary>
    public static bool[] Refine(bool[] phase, int w, int h, int m)
    {
        var fine = new bool[w * m * h * m];
        for (int y = 0; y < h * m; y++)
            for (int x = 0; x < w * m; x++) fine[y * w * m + x] = phase[y / m * w + x / m];
        return fine;
    }

    /// <summary>Numbers the phase pixels 4-connected to the top or the bottom row; -1 elsewhere.</summary>
    static int[] Unknowns(bool[] phase, int w, int h, out int n)
    {
        var id = new int[phase.Length];
        Array.Fill(id, -1);
        var reached = new bool[phase.Length];
        var stack = new Stack<int>();
        for (int i = 0; i < w; i++)
            foreach (int s in new[] { i, (h - 1) * w + i })
                if (phase[s] && !reached[s]) { reached[s] = true; stack.Push(s); }
        while (stack.Count > 0)
        {
            int p = stack.Pop(), x = p % w, y = p / w;
            foreach (int q in new[] { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1 })
                if (q >= 0 && phase[q] && !reached[q]) { reached[q] = true; stack.Push(q); }
        }
        n = 0;
        for (int p = 0; p < phase.Length; p++) if (reached[p]) id[p] = n++;
        return id;
    }

    /// <summary>For each unknown: its unknown face neighbours (-1 where none), its diagonal (1 per phase neighbour,
    /// 2 per boundary face it touches), and the right-hand side (2 from the top face at potential 1).</summary>
    static (int[] Neighbours, double[] Diagonal, double[] B) Assemble(bool[] phase, int[] id, int n, int w, int h)
    {
        var nb = new int[4 * n];
        Array.Fill(nb, -1);
        var diagonal = new double[n];
        var b = new double[n];
        for (int p = 0; p < phase.Length; p++)
        {
            int u = id[p];
            if (u < 0) continue;
            int x = p % w, y = p / w, k = 0;
            if (y == 0) { diagonal[u] += 2; b[u] += 2; }
            if (y == h - 1) diagonal[u] += 2;
            foreach (int q in new[] { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1 })
            {
                if (q < 0 || id[q] < 0) continue;
                diagonal[u]++;
                nb[4 * u + k++] = id[q];
            }
        }
        return (nb, diagonal, b);
    }
}
