namespace CreepCell.Geometry.Packing;

/// <summary>
/// Relaxes a power diagram so that its cells are regular and have prescribed areas: each step moves
/// every site to its cell's centroid (Lloyd, IEEE Trans. Inf. Theory 28, 1982) and corrects its weight
/// by a damped Newton step on the cell area, dw_i = omega (A*_i - A_i) / (dA_i/dw_i)
/// (the capacity-constrained power diagram idea of Balzer, Schloemer and Deussen, SIGGRAPH 2009).
/// </summary>
internal static class CellRelaxation
{
    const double Damping = 0.5;

    /// <summary>The relaxed diagram and the largest relative cell-area error left.</summary>
    public static (PowerDiagram Diagram, double MaxAreaError) Run(double side, Vec2[] sites, double[] targetAreas, int steps)
    {
        int n = sites.Length;
        var weights = new double[n];
        var diagram = new PowerDiagram(side, sites, weights);
        for (int step = 0; step < steps; step++)
        {
            var next = new Vec2[n];
            for (int i = 0; i < n; i++)
            {
                var cell = diagram.Cells[i];
                double area = cell.Count == 0 ? 0 : cell.Area();
                double slope = diagram.AreaWeightDerivative(i);
                // an empty cell has no slope: grow its weight by its own target scale
                weights[i] += slope > 0 ? Damping * (targetAreas[i] - area) / slope : targetAreas[i];
                next[i] = cell.Count == 0 ? sites[i] : cell.Centroid();
            }
            Normalize(weights);
            sites = next;
            diagram = new PowerDiagram(side, sites, weights);
        }
        return (diagram, MaxRelativeError(diagram, targetAreas));
    }

    /// <summary>Only weight differences matter; keeping the mean at zero keeps them well scaled.</summary>
    static void Normalize(double[] w)
    {
        if (w.Length == 0) return;
        double mean = 0;
        foreach (double x in w) mean += x;
        mean /= w.Length;
        for (int i = 0; i < w.Length; i++) w[i] -= mean;
    }

    static double MaxRelativeError(PowerDiagram d, double[] targets)
    {
        double e = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double a = d.Cells[i].Count == 0 ? 0 : d.Cells[i].Area();
            e = Math.Max(e, Math.Abs(a - targets[i]) / targets[i]);
        }
        return e;
    }
}
