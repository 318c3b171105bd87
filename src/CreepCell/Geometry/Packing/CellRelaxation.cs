namespace CreepCell.Geometry.Packing;

/// <summary>
/// Relaxes a power diagram so that its cells are regular and have prescribed areas. Each step moves
/// every site to its cell's centroid (Lloyd, IEEE Trans. Inf. Theory 28, 1982) and takes a Newton step
/// on the weights for the cell areas; a few final steps adjust only the weights. The area Jacobian
/// dA_i/dw_j is a graph Laplacian with coefficients l_ij / (2 d_ij) (a weight shift dw moves the shared
/// edge by dw / (2 d_ij)), as in capacity-constrained power diagrams (Balzer, Schloemer and Deussen,
/// SIGGRAPH 2009; de Goes et al., "Blue noise through optimal transport", SIGGRAPH Asia 2012).
/// </summary>
internal static class CellRelaxation
{
    const int FinalWeightSteps = 8;

    /// <summary>The relaxed diagram and the largest relative cell-area error left.</summary>
    public static (PowerDiagram Diagram, double MaxAreaError) Run(double side, Vec2[] sites, double[] targetAreas, int steps)
    {
        int n = sites.Length;
        // start from the weights of disks of the target areas: w = r^2
        var weights = targetAreas.Select(a => a / Math.PI).ToArray();
        var diagram = NonEmpty(side, sites, weights);
        for (int step = 0; step < steps + FinalWeightSteps; step++)
        {
            (diagram, weights) = NewtonWeights(side, sites, weights, diagram, targetAreas);
            if (step >= steps) continue;
            var next = new Vec2[n];
            for (int i = 0; i < n; i++) next[i] = diagram.Cells[i].Count == 0 ? sites[i] : diagram.Cells[i].Centroid();
            sites = next;
            diagram = NonEmpty(side, sites, weights);
        }
        return (diagram, MaxRelativeError(diagram, targetAreas));
    }

    /// <summary>One Newton step on the weights, halved until the squared area error decreases with no cell emptied.</summary>
    static (PowerDiagram, double[]) NewtonWeights(double side, Vec2[] sites, double[] w, PowerDiagram d, double[] targets)
    {
        int n = w.Length;
        var residual = new double[n];
        for (int i = 0; i < n; i++) residual[i] = targets[i] - Area(d, i);
        var delta = AreaJacobian.Solve(d, sites, residual);
        double before = SquaredError(d, targets);
        for (double alpha = 1; alpha > 1e-3; alpha /= 2)
        {
            var trial = new double[n];
            for (int i = 0; i < n; i++) trial[i] = w[i] + alpha * delta[i];
            var td = new PowerDiagram(side, sites, trial);
            if (td.Cells.All(c => c.Count > 0) && SquaredError(td, targets) < before) return (td, trial);
        }
        return (d, w);
    }

    /// <summary>
    /// Halves all weights until no cell is empty; with all weights zero it is the Voronoi diagram of
    /// distinct sites, which has no empty cell, so this ends.
    /// </summary>
    static PowerDiagram NonEmpty(double side, Vec2[] sites, double[] w)
    {
        for (int halvings = 0; ; halvings++)
        {
            var d = new PowerDiagram(side, sites, w);
            if (d.Cells.All(c => c.Count > 0) || halvings > 60) return d;
            for (int i = 0; i < w.Length; i++) w[i] = halvings == 60 ? 0 : w[i] / 2;
        }
    }

    /// <summary>Sum of squared relative area errors: a smooth measure that still sees every cell.</summary>
    static double SquaredError(PowerDiagram d, double[] targets)
    {
        double e = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double r = (Area(d, i) - targets[i]) / targets[i];
            e += r * r;
        }
        return e;
    }

    static double Area(PowerDiagram d, int i) => d.Cells[i].Count == 0 ? 0 : d.Cells[i].Area();

    static double MaxRelativeError(PowerDiagram d, double[] targets)
    {
        double e = 0;
        for (int i = 0; i < targets.Length; i++) e = Math.Max(e, Math.Abs(Area(d, i) - targets[i]) / targets[i]);
        return e;
    }
}

/// <summary>
/// Solves J dw = r for the power-diagram area Jacobian J (a weighted graph Laplacian, symmetric and
/// positive semi-definite with the constants as null space) by Jacobi-preconditioned conjugate
/// gradients on a zero-mean right-hand side, to a relative residual of 1e-10 (Newton needs no more).
/// Empty cells get a unit diagonal so they still move.
/// </summary>
internal static class AreaJacobian
{
    public static double[] Solve(PowerDiagram d, Vec2[] sites, double[] r)
    {
        int n = r.Length;
        var links = Links(d, sites);
        // Jacobi preconditioner: cell sizes can differ by orders of magnitude
        var diag = links.Select(l => l.Count == 0 ? 1.0 : l.Sum(e => e.C)).ToArray();
        var b = (double[])r.Clone();
        RemoveMean(b);
        var x = new double[n];
        var res = (double[])b.Clone();
        var z = new double[n];
        for (int i = 0; i < n; i++) z[i] = res[i] / diag[i];
        var p = (double[])z.Clone();
        double rz = Dot(res, z), stop = 1e-20 * Dot(b, b);
        for (int it = 0; it < 2 * n + 50 && Dot(res, res) > stop; it++)
        {
            var q = Apply(links, p);
            double pq = Dot(p, q);
            if (!(pq > 0)) break;
            double a = rz / pq;
            for (int i = 0; i < n; i++) { x[i] += a * p[i]; res[i] -= a * q[i]; }
            for (int i = 0; i < n; i++) z[i] = res[i] / diag[i];
            double rzNew = Dot(res, z);
            for (int i = 0; i < n; i++) p[i] = z[i] + rzNew / rz * p[i];
            rz = rzNew;
        }
        // only weight differences matter; a zero mean keeps the weights from drifting over many steps
        RemoveMean(x);
        return x;
    }

    /// <summary>Per cell the (neighbour, l_ij / (2 d_ij)) pairs, symmetrized by averaging both sides.</summary>
    static List<(int J, double C)>[] Links(PowerDiagram d, Vec2[] sites)
    {
        int n = sites.Length;
        var map = new Dictionary<(int, int), double>();
        for (int i = 0; i < n; i++)
        {
            var cell = d.Cells[i];
            for (int k = 0; k < cell.Count; k++)
            {
                int j = cell.Labels[k];
                if (j < 0 || j >= n) continue;
                double dist = (sites[j] - sites[i]).Length;
                if (dist == 0) continue;
                var key = i < j ? (i, j) : (j, i);
                map[key] = map.GetValueOrDefault(key) + cell.EdgeLength(k) / (4 * dist);
            }
        }
        var links = new List<(int, double)>[n];
        for (int i = 0; i < n; i++) links[i] = new List<(int, double)>();
        foreach (var ((i, j), c) in map.OrderBy(e => e.Key))
        {
            links[i].Add((j, c));
            links[j].Add((i, c));
        }
        return links;
    }

    static double[] Apply(List<(int J, double C)>[] links, double[] x)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (links[i].Count == 0) { y[i] = x[i]; continue; }
            foreach (var (j, c) in links[i]) y[i] += c * (x[i] - x[j]);
        }
        return y;
    }

    static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    static void RemoveMean(double[] v)
    {
        double m = v.Average();
        for (int i = 0; i < v.Length; i++) v[i] -= m;
    }
}
