namespace CreepCell.Contact;

/// <summary>
/// Keeps each quadratic boundary edge similar to its reference shape: the energy 1/2 k |r|^2 with
/// r = u_m - (u_a + u_b) / 2 - M (u_b - u_a), M = Along I + Across J (J turns by 90 degrees), which is
/// zero for any rotation, stretch and translation of the edge, so a straight edge stays straight and
/// a curved one (a Gmsh arc, an outline after remeshing) keeps its sagitta over chord. The barrier acts
/// on the chords end-middle-end; a middle node free to leave its place would bend the element's true
/// (parabolic) edge beyond its chords, where the other body's nodes do not reach it, and under creep
/// such edges were seen to grow into zig-zags at the element size and to overlap the neighbour.
/// k = 10 E_max makes the offset under a boundary force F (N/m) F / k: 0.25 nm for 25 N/m (100 MPa
/// over 0.25 um). A shape penalty, not contact: it acts whether or not anything touches.
/// </summary>
internal sealed class EdgeTies : IEnergyTerm
{
    readonly EdgeShape[] edges;
    /// <summary>Per edge, the constant Hessian of its tie (the straight ones share one).</summary>
    readonly double[][] hessians;

    public EdgeTies(ContactBodies bodies, double stiffness)
    {
        edges = bodies.QuadraticEdges;
        Stiffness = stiffness;
        var straight = TieHessian(stiffness);
        hessians = edges.Select(e => e.Straight ? straight : TieHessian(stiffness, e.Along, e.Across)).ToArray();
    }

    /// <summary>Stiffness of each tie, per unit thickness.</summary>
    public double Stiffness { get; }

    public bool Add(double[] u, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy)
    {
        double k = Stiffness;
        for (int e = 0; e < edges.Length; e++)
        {
            var edge = edges[e];
            int a = edge.A, m = edge.Mid, b = edge.B;
            double dx = u[2 * b] - u[2 * a], dy = u[2 * b + 1] - u[2 * a + 1];
            double rx = u[2 * m] - 0.5 * (u[2 * a] + u[2 * b]) - (edge.Along * dx - edge.Across * dy);
            double ry = u[2 * m + 1] - 0.5 * (u[2 * a + 1] + u[2 * b + 1]) - (edge.Along * dy + edge.Across * dx);
            energy += 0.5 * k * (rx * rx + ry * ry);
            // M^T r, which the ends carry on top of their halves of r
            double mx = edge.Along * rx + edge.Across * ry, my = edge.Along * ry - edge.Across * rx;
            force[2 * m] += k * rx;
            force[2 * m + 1] += k * ry;
            force[2 * a] -= 0.5 * k * rx - k * mx;
            force[2 * a + 1] -= 0.5 * k * ry - k * my;
            force[2 * b] -= 0.5 * k * rx + k * mx;
            force[2 * b + 1] -= 0.5 * k * ry + k * my;
            if (kind != HessianKind.None) hessians[e].CopyTo(hessian!.Add(m, a, b));
        }
        return true;
    }

    /// <summary>
    /// The constant Hessian of one tie over (middle, end, end): k C_i^T C_j with C_m = I,
    /// C_a = M - I/2, C_b = -M - I/2; for a straight edge (M = 0) k c c^T per axis, c = (1, -1/2, -1/2).
    /// </summary>
    static double[] TieHessian(double k, double along = 0, double across = 0)
    {
        var c = new double[3][,];
        c[0] = new double[,] { { 1, 0 }, { 0, 1 } };
        c[1] = new double[,] { { along - 0.5, -across }, { across, along - 0.5 } };
        c[2] = new double[,] { { -along - 0.5, across }, { -across, -along - 0.5 } };
        var h = new double[36];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int p = 0; p < 2; p++)
                    for (int q = 0; q < 2; q++)
                        h[6 * (2 * i + p) + 2 * j + q] = k * (c[i][0, p] * c[j][0, q] + c[i][1, p] * c[j][1, q]);
        return h;
    }
}
