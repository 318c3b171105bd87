using CreepCell.Fem;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation.Transport;

/// <summary>
/// Steady conduction div(sigma grad phi) = 0 on the current (deformed) configuration of a mesh, with its
/// own elements: phi = 1 on the top nodes, 0 on the bottom ones, insulated sides and pores, elements of
/// zero conductivity left out, and links that join bodies in contact. Parts of the conducting network
/// that reach neither the top nor the bottom carry no current and are left out (phi = 0 there).
/// </summary>
internal static class Conduction
{
    public static ConductionResult Solve(Mesh mesh, double[] u, double[] regionConductivity, IReadOnlyList<ConductanceLink> links,
        bool[] top, bool[] bottom, double width, double height)
    {
        var conducting = new bool[mesh.NodeCount];
        for (int e = 0; e < mesh.ElementCount; e++)
            if (regionConductivity[mesh.Region[e]] > 0) foreach (int n in mesh.ElementNodes(e)) conducting[n] = true;
        var used = links.Where(l => l.Conductance > 0 && conducting[l.Node] && conducting[l.A] && conducting[l.B]).ToList();
        var kept = Reaching(mesh, regionConductivity, used, conducting, top, bottom);
        var phi = new double[mesh.NodeCount];
        var index = new int[mesh.NodeCount];
        int free = 0;
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            index[n] = -1;
            if (!kept[n]) continue;
            if (top[n]) phi[n] = 1;
            else if (!bottom[n]) index[n] = free++;
        }
        var elements = ElementMatrices(mesh, u, regionConductivity);
        if (free > 0) SolveFree(elements, used, index, free, phi);
        double power = elements.Sum(k => Quadratic(k.Nodes, k.Matrix, phi)) + used.Sum(l => l.Conductance * Math.Pow(Jump(l, phi), 2));
        double area = elements.Sum(k => k.Area);
        double bulk = area > 0 ? elements.Sum(k => k.Area * k.Sigma) / area : 0;
        // with no path the power is zero but for round-off
        double effective = power * height / width > 1e-12 * bulk ? power * height / width : 0;
        double eps = area / (width * height);
        return new ConductionResult(effective, eps, bulk, effective > 0 ? eps * bulk / effective : 0, phi);
    }

    sealed record ElementMatrix(int[] Nodes, double[] Matrix, double Area, double Sigma);

    static double Jump(ConductanceLink l, double[] phi) => phi[l.Node] - (1 - l.T) * phi[l.A] - l.T * phi[l.B];

    static double Quadratic(int[] nodes, double[] k, double[] phi)
    {
        double s = 0;
        for (int a = 0; a < nodes.Length; a++)
            for (int b = 0; b < nodes.Length; b++) s += phi[nodes[a]] * k[a * nodes.Length + b] * phi[nodes[b]];
        return s;
    }

    /// <summary>sigma * integral of grad N_a . grad N_b over each conducting element, in the current configuration.</summary>
    static List<ElementMatrix> ElementMatrices(Mesh mesh, double[] u, double[] sigma)
    {
        var result = new List<ElementMatrix>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            double s = sigma[mesh.Region[e]];
            if (!(s > 0)) continue;
            var nodes = mesh.ElementNodes(e).ToArray();
            var re = ReferenceElement.Of(mesh.Types[e]);
            int k = nodes.Length;
            var m = new double[k * k];
            var grad = new double[2 * k];
            double area = 0;
            for (int q = 0; q < re.PointCount; q++)
            {
                double j00 = 0, j01 = 0, j10 = 0, j11 = 0;
                for (int a = 0; a < k; a++)
                {
                    double x = mesh.Nodes[nodes[a]].X + u[2 * nodes[a]], y = mesh.Nodes[nodes[a]].Y + u[2 * nodes[a] + 1];
                    double dxi = re.DN[(q * k + a) * 2], deta = re.DN[(q * k + a) * 2 + 1];
                    j00 += x * dxi; j01 += x * deta; j10 += y * dxi; j11 += y * deta;
                }
                double det = j00 * j11 - j01 * j10;
                for (int a = 0; a < k; a++)
                {
                    double dxi = re.DN[(q * k + a) * 2], deta = re.DN[(q * k + a) * 2 + 1];
                    grad[2 * a] = (j11 * dxi - j10 * deta) / det;
                    grad[2 * a + 1] = (-j01 * dxi + j00 * deta) / det;
                }
                double w = re.Weights[q] * Math.Abs(det);
                area += w;
                for (int a = 0; a < k; a++)
                    for (int b = 0; b < k; b++) m[a * k + b] += s * w * (grad[2 * a] * grad[2 * b] + grad[2 * a + 1] * grad[2 * b + 1]);
            }
            result.Add(new ElementMatrix(nodes, m, area, s));
        }
        return result;
    }

    /// <summary>Assembles the free-node block and its right-hand side (the fixed potentials moved over), and solves it.</summary>
    static void SolveFree(List<ElementMatrix> elements, List<ConductanceLink> links, int[] index, int free, double[] phi)
    {
        var triplets = new TripletBuilder(free, free);
        var rhs = new double[free];
        void Add(ReadOnlySpan<int> nodes, Func<int, int, double> k)
        {
            for (int a = 0; a < nodes.Length; a++)
            {
                int i = index[nodes[a]];
                if (i < 0) continue;
                for (int b = 0; b < nodes.Length; b++)
                {
                    int j = index[nodes[b]];
                    if (j >= 0) triplets.Add(i, j, k(a, b));
                    else rhs[i] -= k(a, b) * phi[nodes[b]];
                }
            }
        }
        foreach (var el in elements) Add(el.Nodes, (a, b) => el.Matrix[a * el.Nodes.Length + b]);
        foreach (var l in links)
        {
            double[] c = { 1, -(1 - l.T), -l.T };
            Add(new[] { l.Node, l.A, l.B }, (a, b) => l.Conductance * c[a] * c[b]);
        }
        var matrix = triplets.Build();
        using var solver = new SupernodalLdlSolver(positiveDefinite: true, threads: 1);
        solver.Analyze(matrix);
        solver.Factorize(matrix);
        var x = new double[free];
        solver.Solve(rhs, x);
        for (int n = 0; n < index.Length; n++)
            if (index[n] >= 0) phi[n] = x[index[n]];
    }

    /// <summary>Conducting nodes joined (through conducting elements and links) to a top or bottom node.</summary>
    static bool[] Reaching(Mesh mesh, double[] sigma, List<ConductanceLink> links, bool[] conducting, bool[] top, bool[] bottom)
    {
        var parent = Enumerable.Range(0, mesh.NodeCount).ToArray();
        int Find(int a)
        {
            while (parent[a] != a) a = parent[a] = parent[parent[a]];
            return a;
        }
        void Union(int a, int b) => parent[Find(a)] = Find(b);
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            if (!(sigma[mesh.Region[e]] > 0)) continue;
            var nodes = mesh.ElementNodes(e);
            for (int a = 1; a < nodes.Length; a++) Union(nodes[0], nodes[a]);
        }
        foreach (var l in links) { Union(l.Node, l.A); Union(l.Node, l.B); }
        var anchored = new bool[mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
            if (conducting[n] && (top[n] || bottom[n])) anchored[Find(n)] = true;
        return Enumerable.Range(0, mesh.NodeCount).Select(n => conducting[n] && anchored[Find(n)]).ToArray();
    }
}
