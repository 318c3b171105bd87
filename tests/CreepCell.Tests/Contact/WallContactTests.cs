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
}
