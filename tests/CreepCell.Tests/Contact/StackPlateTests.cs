using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;

namespace CreepCell.Tests.Contact;

/// <summary>The top plate under stack pressure: it rests on its stop until the electrode pushes harder
/// than the pressure, then it lifts, and it settles back when the electrode shrinks.</summary>
public class StackPlateTests
{
    const double W = 2e-6, H = 2e-6, P = 100e6, Dhat = 1e-9;
    static readonly Material Block = new("Se", 10e9, 0.3, 0.98);

    /// <summary>
    /// Stretch l of a swelling block between rollers (x, z held) under the vertical Cauchy stress -p, with
    /// Hencky elasticity in the intermediate configuration: ee = diag(-s, ln l - s, -s), s = ln(Js) / 3,
    /// and sigma = tau / Je with Je = l / Js, so tau_yy = (K + 4G/3) ln l - 3 K s = -p l / Js.
    /// </summary>
    static double Stretch(double theta)
    {
        double k = Block.YoungsModulus / (3 * (1 - 2 * Block.PoissonRatio));
        double g = Block.YoungsModulus / (2 * (1 + Block.PoissonRatio));
        double js = 1 + Block.Swelling * theta, s = Math.Log(js) / 3, l = 1;
        for (int i = 0; i < 50; i++)
        {
            double f = (k + 4 * g / 3) * Math.Log(l) - 3 * k * s + P * l / js;
            l -= f / ((k + 4 * g / 3) / l + P / js);
        }
        return l;
    }

    [Fact]
    public void SwellingBlockLiftsThePlateByTheClosedFormStretchAndSettlesBackOnTheStop()
    {
        var (mesh, plate) = StackPlate.Attach(StructuredMesh.Rectangle(W, H, 4, 4, ElementType.Tri6, "Se"), P);
        var model = new ContactModel(mesh, new[] { Block }, new ContactSettings { Distance = Dhat }, plate);
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh, plate));
        var load = new double[dofs.DofCount];
        load[plate.Dof] = -P * W;
        var problem = new MechanicsProblem(mesh, new[] { Block }, dofs, load, true, SparseSolvers.Create("builtin", indefinite: true), model);
        int top = Enumerable.Range(0, plate.Node).First(n => Math.Abs(mesh.Nodes[n].Y - H) < 1e-12);

        // swelling pressure 3 K s = 81 MPa < p: the plate stays on its stop
        Solve(problem, 0.01);
        Assert.InRange(model.Lift(problem.U), -Dhat, 0);
        Assert.InRange(problem.U[2 * top + 1], -Dhat, Dhat);

        // 3 K s = 390 MPa > p: the block lifts the plate and carries exactly the stack pressure
        Solve(problem, 0.05);
        double expected = H * (Stretch(0.05) - 1);
        Assert.Equal(expected, problem.U[2 * top + 1], 1e-3 * expected);
        Assert.InRange(problem.U[2 * top + 1] - model.Lift(problem.U), 0, Dhat);
        // the top starts on the plate: its barrier reaches half the allowed penetration (1e-3 of the
        // radius, 1.1 nm here) and under the stack pressure the top crosses the plate by less than that
        Assert.InRange(model.WallPenetration(problem.U), 0, 0.5 * ContactModel.PenetrationLimit * model.Bodies.MeanRadius());
        Assert.Equal(P, ContactMeasure.Measure(model, problem.U, mesh.RegionNames).PlateForce / W, 1e-6 * P);
        AssertFieldsShowThePlatePressure(mesh, model, problem.U);

        // back to zero lithiation: the plate follows the block down onto its stop
        Solve(problem, 0);
        Assert.InRange(model.Lift(problem.U), -Dhat, 0);
    }

    /// <summary>The VTU point fields: the stack pressure on every top node (the middle nodes of the
    /// quadratic edges carry twice the force of the end nodes), all in contact with the plate, and no
    /// contact pressure inside the block.</summary>
    static void AssertFieldsShowThePlatePressure(Mesh mesh, ContactModel model, double[] u)
    {
        var fields = ContactMeasure.PointFields(model, u, mesh.RegionNames, mesh.NodeCount).ToDictionary(f => f.Name, f => f.Values);
        var pressure = fields["contact_pressure"];
        var gap = fields["contact_gap"];
        var top = Enumerable.Range(0, mesh.NodeCount - 1).Where(n => Math.Abs(mesh.Nodes[n].Y - H) < 1e-12).ToList();
        Assert.Equal(9, top.Count);
        foreach (int n in top)
        {
            // Cauchy pressure on the current top: the force p W over the current width W (rollers)
            Assert.True(Math.Abs(pressure[n] - P) < 0.02 * P, $"node {n} at x = {mesh.Nodes[n].X}: {pressure[n]:E4}");
            Assert.InRange(gap[n], 0, Dhat);
        }
        var inner = Enumerable.Range(0, mesh.NodeCount - 1).Where(n => model.Bodies.PointIndex[n] < 0).ToList();
        Assert.NotEmpty(inner);
        Assert.All(inner, n => Assert.Equal(0, pressure[n]));
    }

    static void Solve(MechanicsProblem problem, double theta)
    {
        var r = problem.SolveStep(new LoadState(theta, 0, 300), 1, new NewtonOptions { RelativeTolerance = 1e-10, MaxIterations = 40 });
        Assert.True(r.Converged, $"theta {theta}: {r.Failure}; residuals {string.Join(", ", r.ResidualNorms.Select(x => x.ToString("E2")))}");
        problem.Commit();
    }
}
