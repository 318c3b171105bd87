using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;

namespace CreepCell.Tests.Contact;

/// <summary>The RVE walls are contact partners: a particle that starts clear of a wall presses on it
/// instead of crossing it when it swells.</summary>
public class WallContactTests
{
    [Fact]
    public void SwellingBlockClearOfTheSideWallsStaysInsideTheBox()
    {
        const double um = 1e-6;
        // a strip along the bottom spans the box width; the block hangs from the top wall, 0.8 um clear of
        // the side walls, and would need 10.55 um of width at full swelling (98 %)
        var strip = StructuredMesh.Rectangle(10 * um, 1 * um, 10, 1, ElementType.Tri6, "MSe");
        var block = StructuredMesh.Mapped(8, 4, ElementType.Tri6, (s, t) => new Vec2((0.8 + 8.4 * s) * um, (2.5 + 3.5 * t) * um), "Se");
        var mesh = MeshMerge.Combine(new[] { strip, block });
        var se = new Material("Se", 10e9, 0.3, 0.98);
        var mse = new Material("MSe", 100e9, 0.25);
        var materials = mesh.RegionNames.Select(n => n == "Se" ? se : mse).ToArray();
        var (p, model) = ContactKit.Problem(mesh, materials, Boundary.Rollers(mesh), new ContactSettings { Distance = 5e-9 });
        var options = new NewtonOptions { RelativeTolerance = 1e-8, MaxIterations = 40 };
        for (int k = 1; k <= 20; k++)
        {
            var r = p.SolveStep(new LoadState(0.05 * k, 0, 300), 1, options);
            Assert.True(r.Converged, $"step {k}: {r.Failure}");
            p.Commit();
        }
        double xmin = double.MaxValue, xmax = double.MinValue;
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            if (model.Bodies.RegionOfBody[model.Bodies.BodyOfNode[n]] != Array.IndexOf(mesh.RegionNames, "Se")) continue;
            double x = mesh.Nodes[n].X + p.U[2 * n];
            xmin = Math.Min(xmin, x);
            xmax = Math.Max(xmax, x);
        }
        Assert.True(xmin > 0 && xmax < 10 * um, $"block spans [{xmin / um:F4}, {xmax / um:F4}] um, the box is [0, 10] um");
        // it does press on both walls: within the barrier distance of each
        Assert.True(xmin < 5e-9 && 10 * um - xmax < 5e-9, $"gaps to the walls {xmin:E2} and {10 * um - xmax:E2} m");
    }
    [Fact]
    public void BoundaryNextToAFlatSideOnAWallStartsFreeOfForceAndCannotCrossIt()
    {
        const double um = 1e-6;
        // a trapezoid resting on the bottom wall (rollers) whose sides lean outwards at 20 degrees from it:
        // their first nodes lie 0.125 um above that wall, inside dhat = 0.2 um
        double rise = Math.Tan(20 * Math.PI / 180);
        var body = StructuredMesh.Mapped(8, 4, ElementType.Tri6, (s, t) =>
        {
            double y = t, left = 1 - y / rise, right = 5 + y / rise;
            return new Vec2((left + s * (right - left)) * um, y * um);
        }, "Se");
        var strip = ContactKit.Shift(StructuredMesh.Rectangle(12 * um, 0.5 * um, 12, 1, ElementType.Tri6, "MSe"), -3 * um, 3 * um);
        var mesh = MeshMerge.Combine(new[] { body, strip });
        var materials = mesh.RegionNames.Select(n => new Material(n, 10e9, 0.3)).ToArray();
        var model = new ContactModel(mesh, materials, new ContactSettings { Distance = 0.2 * um, Regularization = 0 });
        var u = new double[2 * mesh.NodeCount];
        var force = new double[u.Length];
        Assert.True(model.Evaluate(u, force, HessianKind.None, out double energy));
        Assert.Equal(0, energy);
        Assert.All(force, f => Assert.Equal(0, f));
        // its barrier reaches from where it starts down to the wall: a boundary node near the bottom corner
        // pushed 0.1 um down feels the wall and stays above it; pushed 0.15 um down it would cross
        int corner = Enumerable.Range(0, mesh.NodeCount)
            .Where(n => model.Bodies.PointIndex[n] >= 0 && mesh.Nodes[n].Y > 0 && mesh.Nodes[n].Y < 0.2 * um)
            .OrderBy(n => mesh.Nodes[n].X).First();
        Assert.Equal(0.125 * um, mesh.Nodes[corner].Y, 1e-6 * um);
        u[2 * corner + 1] = -0.1 * um;
        Array.Clear(force);
        Assert.True(model.Evaluate(u, force, HessianKind.None, out energy));
        Assert.True(energy > 0 && force[2 * corner + 1] < 0, "the barrier pushes the point back up");
        Assert.Equal(0, model.WallPenetration(u));
        u[2 * corner + 1] = -0.15 * um;
        Assert.False(model.Evaluate(u, force, HessianKind.None, out _));
    }
}
