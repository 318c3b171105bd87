using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The displacements a fitted jump lands with: moved along their trend in ln(cycle) as far as the state
/// stays one a step can start from. A trend that squeezes the box along x (F_xx = 1 - a ln(c/2)) reaches
/// F_xx = 0.5 at the last computed cycle and would invert every element at the landing; the landing takes
/// the largest halving of the move that keeps F_xx positive.
/// </summary>
public class CycleLandingTests
{
    [Fact]
    public void ALandingThatWouldInvertElementsMovesOnlyAsFarAsTheyStayValid()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-landing-").FullName;
        try
        {
            var def = CaseReader.Read("landing.toml", InclusionCase.Text(), dir);
            var model = Model.Build(def, MeshFactory.Build(def.Mesh));
            using var problem = model.NewProblem(def.Solver);
            var nodes = problem.Mesh.Nodes;
            double xc = nodes.Average(p => p.X);
            // F_xx = 1 - a ln(c / 2): 0.5 at cycle 7
            double a = 0.5 / Math.Log(3.5);
            double[] Squeeze(double fxxMinusOne) => Enumerable.Range(0, 2 * nodes.Length).Select(d => d % 2 == 0 ? fxxMinusOne * (nodes[d / 2].X - xc) : 0).ToArray();
            var window = Enumerable.Range(2, 6).Select(c => new CycleSnapshot { Cycle = c, U = Squeeze(-a * Math.Log(c / 2.0)) }).ToList();

            Assert.True(CycleLanding.Admissible(problem, window[^1].U));
            const int landing = 207;
            // the whole trend: F_xx = 1 - a ln(103.5) < 0
            Assert.True(1 - a * Math.Log(landing / 2.0) < 0);
            Assert.False(CycleLanding.Admissible(problem, Squeeze(-a * Math.Log(landing / 2.0))));

            var landed = CycleLanding.Displacements(problem, window, landing);
            Assert.True(CycleLanding.Admissible(problem, landed));
            // the largest share 2^-k of the move from F_xx = 0.5 that keeps F_xx > 0
            double full = -a * Math.Log(landing / 2.0) + 0.5, share = 1;
            while (!(1 - 0.5 + share * full > 0)) share /= 2;
            var expected = Squeeze(-0.5 + share * full);
            Assert.InRange(share, 0.01, 0.5);
            for (int d = 0; d < expected.Length; d++) Assert.Equal(expected[d], landed[d], 12);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
