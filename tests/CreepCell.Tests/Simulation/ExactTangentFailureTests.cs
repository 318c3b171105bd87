using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The kind of contact Hessian is chosen at the top of each Newton iteration for the next evaluation, while
/// the iteration's direction comes from the tangent of the last one. After a residual jump the flag said
/// projected while the direction had come from the exact Hessian; when that direction climbed the potential
/// (an indefinite exact tangent, two pressed boundaries about to slide past each other) the failure was
/// taken for that of a projected tangent and the step was cut back instead of taking one projected
/// iteration. The FeS control (stiff elastic particles, 100 % volume change, under the stack plate) met
/// this six times in its first lithiation to 0.6, which took 61 steps and 9 cut-backs; it then took 53
/// steps and 6 cut-backs, none of them for a line search that found no decrease. With steps that double
/// after every solve under 15 iterations it takes 32 steps and 8 cut-backs, every one at the iteration
/// limit (the saddles of pressed vertex pairs, docs/performance.md).
/// </summary>
public class ExactTangentFailureTests
{
    [Fact]
    public void AFailedExactStepIsFollowedByAProjectedIterationNotByACutBack()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-exact-tangent-").FullName;
        try
        {
            var def = CaseReader.Read("fes-60mse", BuiltInCases.Text("fes-60mse"), dir);
            var model = Model.Build(def, MeshFactory.Build(def.Mesh));
            using var problem = model.NewProblem(def.Solver);
            var cutBacks = new List<string>();
            var stepper = new Stepper(def) { CutBackLog = cutBacks.Add };
            var state = new StepState { Time = def.Protocol.StartTime, NextDt = def.Protocol.NextBreakpoint(def.Protocol.StartTime) - def.Protocol.StartTime };
            while (def.Protocol.ThetaAt(state.Time) < 0.6 - 1e-12) stepper.Advance(model, problem, state);

            Assert.All(cutBacks, c => Assert.Contains("iteration limit reached", c));
            Assert.InRange(cutBacks.Count, 1, 10);
            Assert.InRange(state.Step, 20, 57);
            Assert.False(model.SolidsOverlap(problem));
            // the swollen FeS has lifted the stack plate by about a micrometre
            Assert.InRange(model.Contact!.Lift(problem.U), 0.5e-6, 2e-6);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
