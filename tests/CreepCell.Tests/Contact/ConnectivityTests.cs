using CreepCell.Contact;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Contact;

/// <summary>Ordered-pair contact fractions, the contact graph of the bodies and the paths of electrons
/// and ions through it, against closed forms and a brute-force transitive closure.</summary>
public class ConnectivityTests
{
    const double Dhat = 0.02, Gap = 0.005;

    /// <summary>A unit block of A, Gap clear of strips of B along the bottom and the top of a 2 x 2 box.</summary>
    static (ContactModel Model, double[] U) Sandwich()
    {
        var bottom = StructuredMesh.Rectangle(2, 0.5, 8, 2, ElementType.Tri6, "B");
        var top = ContactKit.Shift(StructuredMesh.Rectangle(2, 0.5, 8, 2, ElementType.Tri6, "B"), 0, 1.5);
        var block = ContactKit.Shift(StructuredMesh.Rectangle(1, 1 - 2 * Gap, 4, 4, ElementType.Tri6, "A"), 0.5, 0.5 + Gap);
        var mesh = MeshMerge.Combine(new[] { block, bottom, top });
        var model = new ContactModel(mesh, mesh.RegionNames.Select(n => new Material(n, 10e9, 0.3)).ToArray(), new ContactSettings { Distance = Dhat });
        return (model, new double[2 * mesh.NodeCount]);
    }

    [Fact]
    public void OrderedFractionsOfTheSandwichMatchTheTributaryLengths()
    {
        var (model, u) = Sandwich();
        var m = model.Measure(u, new[] { "A", "B" });
        double Fraction(string a, string b) => m.Fractions.Single(f => f.A == a && f.B == b).Fraction;
        // the block's two horizontal faces touch B, and so do its corners with half a vertical segment each
        double sy = (1 - 2 * Gap) / 8;
        Assert.Equal((2 + 2 * sy) / (4 - 4 * Gap), Fraction("A", "B"), 12);
        Assert.Equal(0, Fraction("A", "A"));
        Assert.Equal(0, Fraction("B", "B"));
        // with no contact within A, all of A's surface in contact is contact with B
        Assert.Equal(m.SurfaceInContact.Single(s => s.Phase == "A").Fraction, Fraction("A", "B"), 12);
        Assert.Equal(4, m.Fractions.Length);
    }

    [Fact]
    public void TheSandwichGraphJoinsTheBlockToBothStripsAndTheStripsToTheirSides()
    {
        var (model, u) = Sandwich();
        var g = ContactGraph.Build(model, u);
        Assert.Equal(3, g.BodyCount);
        int block = Array.IndexOf(g.RegionOfBody, 0);
        int low = Enumerable.Range(0, 3).Single(k => g.TouchesBottom[k]), high = Enumerable.Range(0, 3).Single(k => g.TouchesTop[k]);
        Assert.NotEqual(low, high);
        Assert.Equal(1 - 2 * Gap, g.BodyArea[block], 12);
        Assert.Equal(1.0, g.BodyArea[low], 12);
        Assert.Equal(2, g.Edges.Length);
        Assert.All(g.Edges, e => Assert.True(e.A == block || e.B == block));
        // the block's face with its corners' vertical halves (1 + sy), and the strip's nine face nodes within dhat (9/8)
        double sy = (1 - 2 * Gap) / 8;
        Assert.All(g.Edges, e => Assert.Equal(0.5 * (1 + sy + 9.0 / 8), e.Length, 12));
    }

    [Theory]
    [InlineData(true, true, 1.0)]
    [InlineData(true, false, 0.0)]
    [InlineData(false, true, 0.0)]
    public void TheBlockReactsOnlyWhenBStripsCarryBothElectronsAndIons(bool electrons, bool ions, double expected)
    {
        var (model, u) = Sandwich();
        var g = ContactGraph.Build(model, u);
        bool[] active = { true, false };
        var e = Connectivity.PathToCollector(g, new[] { false, electrons }, g.TouchesBottom);
        var i = Connectivity.PathToCollector(g, new[] { false, ions }, g.TouchesTop);
        Assert.Equal(expected, Connectivity.AreaFraction(g, active, e.Zip(i, (x, y) => x && y).ToArray()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PathsAgreeWithABruteForceTransitiveClosureOnRandomGraphs(int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = rng.Next(1, 25), regions = rng.Next(1, 4);
            var region = Enumerable.Range(0, n).Select(_ => rng.Next(regions)).ToArray();
            var conducts = Enumerable.Range(0, regions).Select(_ => rng.NextDouble() < 0.6).ToArray();
            var collector = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.15).ToArray();
            var edges = new List<ContactEdge>();
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++)
                    if (rng.NextDouble() < 2.0 / n) edges.Add(new ContactEdge(a, b, 1));
            var g = new ContactGraph(region, Enumerable.Repeat(1.0, n).ToArray(), edges.ToArray(), collector, new bool[n]);
            Assert.Equal(BruteForce(n, region, conducts, collector, edges), Connectivity.PathToCollector(g, conducts, collector));
        }
    }

    /// <summary>Warshall's closure over the conducting bodies: k has a path if it is on the collector, or
    /// it or a neighbour conducts and reaches a conducting body on the collector through conducting bodies.</summary>
    static bool[] BruteForce(int n, int[] region, bool[] conducts, bool[] collector, List<ContactEdge> edges)
    {
        var reach = new bool[n, n];
        for (int k = 0; k < n; k++) reach[k, k] = true;
        foreach (var e in edges)
            if (conducts[region[e.A]] && conducts[region[e.B]]) reach[e.A, e.B] = reach[e.B, e.A] = true;
        for (int m = 0; m < n; m++)
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    reach[a, b] |= reach[a, m] && reach[m, b];
        bool Reached(int k) => conducts[region[k]] && Enumerable.Range(0, n).Any(c => collector[c] && conducts[region[c]] && reach[k, c]);
        return Enumerable.Range(0, n).Select(k => collector[k] || Reached(k)
            || edges.Any(e => (e.A == k && Reached(e.B)) || (e.B == k && Reached(e.A)))).ToArray();
    }
}
