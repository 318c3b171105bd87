using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The equilibrium a jump's landing is settled into. The bonded creeping inclusion has one equilibrium
/// for given creep states, so the continuation in shares of the state change (taken when a direct solve
/// fails) must end where the direct solve does, and both must be far from the displacements they start at.
/// </summary>
public class LandingEquilibriumTests
{
    [Fact]
    public void TheContinuationInSharesEndsAtTheEquilibriumOfTheDirectSolve()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-settle-").FullName;
        try
        {
            var def = CaseReader.Read("settle.toml", InclusionCase.Text(), dir);
            var model = Model.Build(def, MeshFactory.Build(def.Mesh));
            var stepper = new Stepper(def);
            using var run = model.NewProblem(def.Solver);
            var state = new StepState { Time = def.Protocol.StartTime, NextDt = def.Protocol.NextBreakpoint(def.Protocol.StartTime) - def.Protocol.StartTime };
            for (int i = 0; i < 3; i++) stepper.Advance(model, run, state);
            var earlier = (PointState[])run.States.Clone();
            for (int i = 0; i < 3; i++) stepper.Advance(model, run, state);
            var fromU = (double[])run.U.Clone();
            var fromStates = (PointState[])run.States.Clone();
            Assert.Contains(fromStates, s => s.CreepStrain > 1e-3);
            // a landing 20 times the creep of the last three steps further on
            var landed = CycleStateExtrapolation.Between(earlier, fromStates, 21);

            using var direct = model.NewProblem(def.Solver);
            direct.Restore(fromU, landed, 0);
            Assert.Equal(1, stepper.Settle(model, direct, state.Time, fromU, fromStates));

            using var shares = model.NewProblem(def.Solver);
            shares.Restore(fromU, landed, 0);
            var load = new LoadState(def.Protocol.ThetaAt(state.Time), 0, def.Temperature);
            Assert.InRange(stepper.SettleInShares(model, shares, load, fromU, fromStates), 2, 20);

            double moved = direct.U.Zip(fromU, (a, b) => Math.Abs(a - b)).Max();
            double apart = direct.U.Zip(shares.U, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(apart < 1e-4 * moved, $"continuation {apart:E3} m from the direct equilibrium; the landing moved {moved:E3} m");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void StatesBetweenTwoCyclesRunFromOneToTheOtherAtTheirVolume()
    {
        var from = new PointState(new(1, 1, 0, 1), 0.01);
        var to = new PointState(new(1.21, 1 / 1.21, 0, 1), 0.05);
        Assert.Equal(from, CycleStateExtrapolation.Between(new[] { from }, new[] { to }, 0)[0]);
        var end = CycleStateExtrapolation.Between(new[] { from }, new[] { to }, 1)[0];
        Assert.Equal(1.21, end.CreepInverse.Xx, 12);
        Assert.Equal(0.05, end.CreepStrain, 12);
        var half = CycleStateExtrapolation.Between(new[] { from }, new[] { to }, 0.5)[0];
        // the midpoint of Cc^-1 scaled back to unit determinant
        double xx = 1.105, yy = (1 + 1 / 1.21) / 2, scale = Math.Cbrt(1 / (xx * yy));
        Assert.Equal(scale * xx, half.CreepInverse.Xx, 12);
        Assert.Equal(scale * yy, half.CreepInverse.Yy, 12);
        Assert.Equal(scale, half.CreepInverse.Zz, 12);
        Assert.Equal(0.03, half.CreepStrain, 12);
    }
}
