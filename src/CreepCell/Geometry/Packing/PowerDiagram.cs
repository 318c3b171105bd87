namespace CreepCell.Geometry.Packing;

/// <summary>
/// Power (Laguerre) diagram of weighted sites clipped to the RVE square: cell i is
/// { x : |x - p_i|^2 - w_i &lt;= |x - p_j|^2 - w_j for all j } (Aurenhammer, SIAM J. Comput. 16, 1987).
/// Each cell is the square clipped by the half-planes of nearby sites; a bucket grid and a bound on the
/// cell's reach stop the search early, so building all cells costs about O(N) clips.
/// </summary>
internal sealed class PowerDiagram
{
    readonly double _side;
    readonly Vec2[] _sites;
    readonly double[] _weights;
    readonly int _grid;
    readonly List<int>[] _buckets;

    public LabelledPolygon[] Cells { get; }

    public PowerDiagram(double side, Vec2[] sites, double[] weights)
    {
        _side = side;
        _sites = sites;
        _weights = weights;
        _grid = Math.Max(1, (int)Math.Sqrt(sites.Length / 2.0));
        _buckets = new List<int>[_grid * _grid];
        for (int b = 0; b < _buckets.Length; b++) _buckets[b] = new List<int>();
        for (int i = 0; i < sites.Length; i++) _buckets[Bucket(sites[i])].Add(i);
        Cells = new LabelledPolygon[sites.Length];
        double wMax = weights.Length == 0 ? 0 : weights.Max();
        for (int i = 0; i < sites.Length; i++) Cells[i] = BuildCell(i, wMax);
    }

    int Coord(double v) => Math.Clamp((int)(v / _side * _grid), 0, _grid - 1);

    int Bucket(Vec2 p) => Coord(p.Y) * _grid + Coord(p.X);

    LabelledPolygon BuildCell(int i, double wMax)
    {
        var cell = LabelledPolygon.Square(_side);
        Vec2 p = _sites[i];
        int bx = Coord(p.X), by = Coord(p.Y);
        double h = _side / _grid;
        for (int ring = 0; ring < _grid; ring++)
        {
            if (cell.Count == 0) break;
            if (ring >= 2 && CannotReach(cell, i, (ring - 1) * h, wMax)) break;
            for (int gy = by - ring; gy <= by + ring; gy++)
                for (int gx = bx - ring; gx <= bx + ring; gx++)
                {
                    if (Math.Max(Math.Abs(gx - bx), Math.Abs(gy - by)) != ring) continue;
                    if (gx < 0 || gy < 0 || gx >= _grid || gy >= _grid) continue;
                    foreach (int j in _buckets[gy * _grid + gx])
                        if (j != i) cell = ClipBy(cell, i, j);
                }
        }
        return cell;
    }

    /// <summary>Half-plane of site i against site j: 2 x.(p_j - p_i) &lt;= |p_j|^2 - |p_i|^2 + w_i - w_j.</summary>
    LabelledPolygon ClipBy(LabelledPolygon cell, int i, int j)
    {
        Vec2 pi = _sites[i], pj = _sites[j];
        Vec2 n = pj - pi;
        if (n.X == 0 && n.Y == 0) return i < j ? cell : new LabelledPolygon(new(), new());
        double c = (Vec2.Dot(pj, pj) - Vec2.Dot(pi, pi) + _weights[i] - _weights[j]) / 2;
        return cell.Clip(n, c, j);
    }

    /// <summary>
    /// True when no site at distance &gt;= dMin can cut the cell: for a vertex x at distance &lt;= R from
    /// p_i, |x - p_j| &gt;= dMin - R, so the power of p_j stays above that of p_i when
    /// (dMin - R)^2 - wMax &gt;= R^2 - w_i.
    /// </summary>
    bool CannotReach(LabelledPolygon cell, int i, double dMin, double wMax)
    {
        double r = 0;
        foreach (var x in cell.Points) r = Math.Max(r, (x - _sites[i]).Length);
        if (dMin <= r) return false;
        return (dMin - r) * (dMin - r) - wMax >= r * r - _weights[i];
    }

    /// <summary>
    /// Sum over the neighbours of l_ij / (2 d_ij): the derivative of the cell area with respect to its
    /// own weight (a shift dw moves the bisector by dw / (2 d_ij)).
    /// </summary>
    public double AreaWeightDerivative(int i)
    {
        var cell = Cells[i];
        double s = 0;
        for (int k = 0; k < cell.Count; k++)
        {
            int j = cell.Labels[k];
            if (j < 0) continue;
            double d = (_sites[j] - _sites[i]).Length;
            if (d > 0) s += cell.EdgeLength(k) / (2 * d);
        }
        return s;
    }
}
