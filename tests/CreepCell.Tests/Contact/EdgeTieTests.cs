using System.Globalization;
using System.Text;
using CreepCell.Contact;
using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;

namespace CreepCell.Tests.Contact;

/// <summary>
/// The ties that keep quadratic boundary edges similar to their reference shape (the contact acts on
/// their chords): their energy against its derivatives, on straight and curved edges; no energy under
/// rotation, stretch and translation; two creeping layers whose interface stays flat over cycles.
/// </summary>
public class EdgeTieTests
{
    static readonly Material Solid = new("a", 10e9, 0.3);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TieForcesAndHessianAreTheDerivativesOfTheTieEnergy(bool curved)
    {
        var block = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri6, "a");
        if (curved) block = Bent(block);
        var mesh = MeshMerge.Combine(new[] { block, ContactKit.Shift(block, 3e-6, 0) });
        var model = new ContactModel(mesh, new[] { Solid }, new ContactSettings { Distance = 1e-9 });
        Assert.Equal(2 * 4 * 2, model.Bodies.QuadraticEdges.Length);
        Assert.Equal(curved ? 0 : 16, model.Bodies.QuadraticEdges.Count(e => e.Straight));
        var rng = new Random(3);
        var u = Enumerable.Range(0, 2 * mesh.NodeCount).Select(_ => 1e-8 * (rng.NextDouble() - 0.5)).ToArray();
        var v = Enumerable.Range(0, 2 * mesh.NodeCount).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var f = new double[u.Length];
        Assert.True(model.Evaluate(u, f, HessianKind.Projected, out double energy));
        Assert.True(energy > 0);
        // Hessian-vector product from the recorded terms and springs (read before the next evaluation resets them)
        var hv = new double[u.Length];
        for (int n = 0; n < mesh.NodeCount; n++)
            for (int a = 0; a < 2; a++) hv[2 * n + a] += model.NodeSpring[n] * v[2 * n + a];
        for (int k = 0; k < model.Hessian.Count; k++)
        {
            var (p, a, b) = model.Hessian.Nodes(k);
            int[] nodes = { p, a, b };
            var values = model.Hessian.Values(k);
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 6; j++)
                    hv[2 * nodes[i / 2] + i % 2] += values[6 * i + j] * v[2 * nodes[j / 2] + j % 2];
        }
        double h = 1e-10;
        double Energy(double s)
        {
            var w = u.Select((x, i) => x + s * v[i]).ToArray();
            model.Evaluate(w, new double[w.Length], HessianKind.None, out double e);
            return e;
        }
        double slope = f.Select((x, i) => x * v[i]).Sum();
        Assert.Equal((Energy(h) - Energy(-h)) / (2 * h), slope, 1e-6 * Math.Abs(slope));

        // against differences of the forces
        var fPlus = new double[u.Length];
        var fMinus = new double[u.Length];
        model.Evaluate(u.Select((x, i) => x + h * v[i]).ToArray(), fPlus, HessianKind.None, out _);
        model.Evaluate(u.Select((x, i) => x - h * v[i]).ToArray(), fMinus, HessianKind.None, out _);
        double scale = hv.Max(Math.Abs);
        for (int i = 0; i < u.Length; i++) Assert.Equal((fPlus[i] - fMinus[i]) / (2 * h), hv[i], 1e-6 * scale);
    }

    /// <summary>
    /// A rotation by 30 degrees with a stretch by 1.3 and a shift leaves every curved edge similar to
    /// itself: no tie energy or force. A shear changes the edges' shape and is resisted; a straight edge
    /// stays straight under any affine map, so a shear of a straight-edged block costs nothing.
    /// </summary>
    [Fact]
    public void TiesResistOnlyChangesOfTheEdgeShape()
    {
        var curved = Bent(StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri6, "a"));
        var straight = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri6, "a");
        double c = 1.3 * Math.Cos(Math.PI / 6), s = 1.3 * Math.Sin(Math.PI / 6);
        var similar = Displacement(curved, p => new Vec2(c * p.X - s * p.Y + 2e-7, s * p.X + c * p.Y - 1e-7));
        Vec2 Shear(Vec2 p) => new(p.X + 0.3 * p.Y, p.Y);
        double k = 10 * Solid.YoungsModulus, scale = 0.5 * k * 1e-12;
        var (similarEnergy, similarForce) = TieEnergy(curved, similar);
        Assert.True(similarEnergy < 1e-20 * scale, $"energy {similarEnergy:E3}");
        Assert.True(similarForce < 1e-10 * k * 1e-6, $"force {similarForce:E3}");
        Assert.True(TieEnergy(curved, Displacement(curved, Shear)).Energy > 1e-6 * scale);
        Assert.True(TieEnergy(straight, Displacement(straight, Shear)).Energy < 1e-20 * scale);
    }

    static (double Energy, double Force) TieEnergy(Mesh mesh, double[] u)
    {
        var model = new ContactModel(mesh, new[] { Solid }, new ContactSettings { Distance = 1e-9 });
        var force = new double[u.Length];
        double energy = 0;
        model.Ties.Add(u, force, null, HessianKind.None, ref energy);
        return (energy, force.Max(Math.Abs));
    }

    static double[] Displacement(Mesh mesh, Func<Vec2, Vec2> map) =>
        mesh.Nodes.SelectMany(p => { var q = map(p) - p; return new[] { q.X, q.Y }; }).ToArray();

    /// <summary>The block under a smooth nonlinear map, so its quadratic edges become parabolas.</summary>
    static Mesh Bent(Mesh m) =>
        new(m.Nodes.Select(p => new Vec2(p.X + 0.2e6 * p.Y * p.Y, p.Y + 0.15e6 * p.X * p.X)).ToArray(),
            m.Types, m.Offsets, m.Connectivity, m.Region, m.RegionNames, m.Boundaries);

    /// <summary>
    /// Two creeping Se layers with non-matching Tri6 meshes, stacked in a roller box under the stack
    /// plate and cycled. The swelling presses them together over their whole width, so at full
    /// lithiation both faces of the interface are in contact everywhere (contact ratio 1) and the solids
    /// never overlap (porosity at least 0). Without the ties the interface grew into an element-size
    /// zig-zag: contact ratio 0.74, 0.69, 0.64 in cycles 1 to 3, and a negative porosity by cycle 3.
    /// </summary>
    [Fact]
    public void CreepingLayersKeepAFlatInterfaceInContactOverCycles()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-layers-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "layers.msh"), LayersMesh(8, 7, 4));
            var def = CaseReader.Read("layers.toml", LayersCase, dir);
            new CaseRunner(def, Path.Combine(dir, "out")).Run();
            var lines = File.ReadAllLines(Path.Combine(dir, "out", "cycles.csv"));
            var header = lines[0].Split(',').ToList();
            var rows = lines.Skip(1).Select(l => l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
            Assert.Equal(3, rows.Count);
            int ratio = header.IndexOf("full_contact_ratio_Se_Se"), porosity = header.IndexOf("full_porosity");
            foreach (var row in rows)
            {
                Assert.Equal(1.0, row[ratio], 1e-12);
                Assert.InRange(row[porosity], 0, 0.01);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    const string LayersCase = """
        temperature = "70 degC"
        [materials.Se]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.33
        swelling = 0.98
        [materials.Se.creep]
        n = 6.5
        sigma_ref = "100 MPa"
        A = "6.6e-4 1/s"
        [mesh]
        file = "layers.msh"
        unit = "1 um"
        [protocol]
        kind = "galvanostatic"
        c_rate = 0.1
        cycles = 3
        theta_full = 0.768
        theta_end_first = 0.22
        theta_end = 0.22
        [boundary]
        kind = "symmetric"
        stack_pressure = "100 MPa"
        [contact]
        distance = "20 nm"
        [solver]
        tolerance = 1e-4
        max_creep_increment = 1e-2
        """;

    /// <summary>Gmsh 2.2 text: two 2 x 0.975 layers 0.05 apart, Tri6 in a grid of nx by ny cells with
    /// alternating diagonals, nxLow and nxHigh cells across.</summary>
    static string LayersMesh(int nxLow, int nxHigh, int ny)
    {
        var nodes = new List<(double X, double Y)>();
        var elements = new List<int[]>();
        const double w = 2, gap = 0.05, h = (2 - gap) / 2;
        Layer(nodes, elements, 0, h, nxLow, ny, w);
        Layer(nodes, elements, h + gap, h, nxHigh, ny, w);
        var sb = new StringBuilder("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$PhysicalNames\n1\n2 1 \"Se\"\n$EndPhysicalNames\n");
        sb.Append(CultureInfo.InvariantCulture, $"$Nodes\n{nodes.Count}\n");
        for (int i = 0; i < nodes.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"{i + 1} {nodes[i].X:R} {nodes[i].Y:R} 0\n");
        sb.Append(CultureInfo.InvariantCulture, $"$EndNodes\n$Elements\n{elements.Count}\n");
        for (int e = 0; e < elements.Count; e++) sb.Append(CultureInfo.InvariantCulture, $"{e + 1} 9 2 1 1 {string.Join(' ', elements[e])}\n");
        return sb.Append("$EndElements\n").ToString();
    }

    static void Layer(List<(double X, double Y)> nodes, List<int[]> elements, double y0, double h, int nx, int ny, double w)
    {
        int first = nodes.Count, columns = 2 * nx + 1;
        for (int j = 0; j <= 2 * ny; j++)
            for (int i = 0; i < columns; i++) nodes.Add((w * i / (2 * nx), y0 + h * j / (2 * ny)));
        int N(int i, int j) => first + j * columns + i + 1;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int a = N(2 * i, 2 * j), b = N(2 * i + 2, 2 * j), c = N(2 * i + 2, 2 * j + 2), d = N(2 * i, 2 * j + 2);
                int ab = N(2 * i + 1, 2 * j), bc = N(2 * i + 2, 2 * j + 1), cd = N(2 * i + 1, 2 * j + 2), da = N(2 * i, 2 * j + 1), m = N(2 * i + 1, 2 * j + 1);
                if ((i + j) % 2 == 0)
                {
                    elements.Add(new[] { a, b, c, ab, bc, m });
                    elements.Add(new[] { a, c, d, m, cd, da });
                }
                else
                {
                    elements.Add(new[] { a, b, d, ab, m, da });
                    elements.Add(new[] { b, c, d, bc, cd, m });
                }
            }
    }
}
