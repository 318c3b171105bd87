using CreepCell.Contact;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation.Transport;
using CreepCell.Tests.Contact;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>
/// Random lattices of square blocks, meshed apart, some touching and some a little apart, of a conducting
/// and an insulating phase: the effective conductivity is positive exactly when a brute-force search over
/// the lattice (written here from the layout, not from the contact search) finds a chain of touching
/// conducting blocks from the bottom row to the top row; and it never exceeds the Wiener bound eps x sigma.
/// </summary>
public class PercolationTests
{
    const int N = 5;
    const double A = 1e-6, Dhat = 5e-9;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void ConductsExactlyWhenAChainOfTouchingConductorsCrosses(int seed)
    {
        var (conductor, up, right) = Layout(seed);
        var blocks = new List<Mesh>();
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                // a gap is made by shrinking the block from its top or right side
                double w = A - (right[i, j] || i == N - 1 ? 0 : 4 * Dhat), h = A - (up[i, j] || j == N - 1 ? 0 : 4 * Dhat);
                blocks.Add(ContactKit.Shift(StructuredMesh.Rectangle(w, h, 2, 2, ElementType.Quad4, conductor[i, j] ? "c" : "x"), i * A, j * A));
            }
        var mesh = MeshMerge.Combine(blocks);
        var m = new Material("block", 10e9, 0.3);
        var model = new ContactModel(mesh, mesh.RegionNames.Select(_ => m).ToArray(), new ContactSettings { Distance = Dhat });
        var sigma = mesh.RegionNames.Select(r => r == "c" ? 1.0 : 0).ToArray();
        var r = ElectrodeTransport.Solve(mesh, new double[2 * mesh.NodeCount], model, sigma);
        bool crosses = Crosses(conductor, up, right);
        Assert.Equal(crosses, r.EffectiveConductivity > 0);
        Assert.True(r.EffectiveConductivity <= r.ConductingFraction * 1.0 * (1 + 1e-9), $"sigma_eff {r.EffectiveConductivity} above eps {r.ConductingFraction}");
        if (crosses) Assert.True(r.Tortuosity >= 1 - 1e-9);
    }

    [Fact]
    public void TheSeedsCoverBothOutcomes()
    {
        var outcomes = Enumerable.Range(1, 12).Select(seed => Layout(seed)).Select(l => Crosses(l.Conductor, l.Up, l.Right)).ToList();
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    static (bool[,] Conductor, bool[,] Up, bool[,] Right) Layout(int seed)
    {
        var rng = new Random(seed);
        var conductor = new bool[N, N];
        // whether block (i, j) touches the block above it and the one to its right (else a gap of 4 dhat)
        var up = new bool[N, N];
        var right = new bool[N, N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                conductor[i, j] = rng.NextDouble() < 0.75;
                up[i, j] = rng.NextDouble() < 0.7;
                right[i, j] = rng.NextDouble() < 0.5;
            }
        return (conductor, up, right);
    }

    /// <summary>Depth-first search over conducting blocks joined by zero gaps (sides, or corners that meet),
    /// from row 0 to row N - 1.</summary>
    static bool Crosses(bool[,] conductor, bool[,] up, bool[,] right)
    {
        var seen = new bool[N, N];
        var stack = new Stack<(int I, int J)>();
        for (int i = 0; i < N; i++)
            if (conductor[i, 0]) { seen[i, 0] = true; stack.Push((i, 0)); }
        while (stack.Count > 0)
        {
            var (i, j) = stack.Pop();
            if (j == N - 1) return true;
            void Visit(int a, int b, bool joined)
            {
                if (a < 0 || b < 0 || a >= N || b >= N || !joined || seen[a, b] || !conductor[a, b]) return;
                seen[a, b] = true;
                stack.Push((a, b));
            }
            Visit(i, j + 1, up[i, j]);
            Visit(i, j - 1, j > 0 && up[i, j - 1]);
            Visit(i + 1, j, right[i, j]);
            Visit(i - 1, j, i > 0 && right[i - 1, j]);
            // corners meet where neither block is shrunk towards them: a point contact
            Visit(i + 1, j + 1, right[i, j] && up[i, j]);
            Visit(i - 1, j - 1, i > 0 && j > 0 && right[i - 1, j - 1] && up[i - 1, j - 1]);
            Visit(i + 1, j - 1, j > 0 && right[i, j] && i + 1 < N && up[i + 1, j - 1]);
            Visit(i - 1, j + 1, i > 0 && j + 1 < N && right[i - 1, j + 1] && up[i, j]);
        }
        return false;
    }
}
