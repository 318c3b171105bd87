using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// A body remeshed while it holds the stack plate up. Its new reference is its current shape, which reaches
/// above the RVE box by the plate's lift; the new model must keep the box, the plate where it is and the
/// contact reach and stiffness of the run, so that the step after the remeshing continues as the step on
/// the old mesh does. (A model built from the new mesh's bounding box raised the top wall by the lift: the
/// plate fell back onto its stop, the box grew and the stack load vanished.)
/// </summary>
public class RemeshUnderPlateTests
{
    const string Text = """
        temperature = "300 K"
        [mesh]
        generator = "inclusion"
        width = "1 um"
        height = "1 um"
        matrix = "SE"
        element_size = "0.25 um"
        order = 2
        [materials.SE]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.3
        swelling = 0.3
        [protocol]
        kind = "galvanostatic"
        c_rate = 1
        cycles = 1
        theta_full = 1.0
        [boundary]
        stack_pressure = "1 MPa"
        """;

    [Fact]
    public void ABodyRemeshedUnderTheLiftedPlateKeepsTheBoxThePlateAndTheContactReach()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-plate-remesh-").FullName;
        try
        {
            var def = CaseReader.Read("plate.toml", Text, dir);
            var asMeshed = MeshFactory.Build(def.Mesh);
            var model = Model.Build(def, asMeshed);
            using var problem = model.NewProblem(def.Solver);
            var stepper = new Stepper(def);
            var state = new StepState { Time = def.Protocol.StartTime, NextDt = def.Protocol.NextBreakpoint(def.Protocol.StartTime) - def.Protocol.StartTime };
            while (def.Protocol.ThetaAt(state.Time) < 1 - 1e-12) stepper.Advance(model, problem, state);
            double lift = model.Contact!.Lift(problem.U);
            // the block grows by about a tenth in height and carries the plate up with it
            Assert.InRange(lift, 0.05e-6, 0.2e-6);

            var all = Enumerable.Range(0, asMeshed.ElementCount).ToArray();
            var body = CreepCell.Meshing.BodyRemesher.Remesh(model.Mesh, problem.U, all, 0.2e-6, 0.25e-6, 28)!;
            var remeshed = new Remesher(def, asMeshed).Splice(model, problem, state, new() { (all, body) });
            Assert.NotNull(remeshed);
            var (fresh, next, _) = remeshed.Value;
            using var nextProblem = next;
            Assert.True(fresh.Particles.BoundingBox().Max.Y > asMeshed.BoundingBox().Max.Y + 0.9 * lift);
            Assert.Equal(lift, fresh.Contact!.Lift(next.U));
            Assert.Equal(1, fresh.BoxArea(next.U) / model.BoxArea(problem.U), 12);
            Assert.Equal(model.Contact.Dhat, fresh.Contact.Dhat);
            Assert.Equal(model.Contact.Kappa, fresh.Contact.Kappa);
            // the block touches the plate (the separator side of the ionic path) on both meshes
            Assert.True(CreepCell.Contact.ContactGraph.Build(model.Contact, problem.U).TouchesTop.Single());
            Assert.True(CreepCell.Contact.ContactGraph.Build(fresh.Contact, next.U).TouchesTop.Single());

            // one step of delithiation on each mesh, from the same time
            var again = new StepState { Time = state.Time, NextDt = state.NextDt, PreviousDt = state.PreviousDt, Step = state.Step };
            stepper.Advance(model, problem, state);
            stepper.Advance(fresh, next, again);
            Assert.Equal(state.Time, again.Time);
            double oldLift = model.Contact.Lift(problem.U), newLift = fresh.Contact.Lift(next.U);
            Assert.True(oldLift > 0.5 * lift, $"the plate sank from {lift:E3} to {oldLift:E3} m in one step on the old mesh");
            Assert.True(Math.Abs(newLift - oldLift) < 1e-2 * lift, $"lift after the step {newLift:E4} m on the new mesh, {oldLift:E4} m on the old one");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
