using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class DeformedMinAngleTests
{
    // two regions: a right isosceles triangle (45 degrees) and a unit square (90 degrees)
    static Mesh TwoElements(bool clockwise)
    {
        var nodes = new[] { new Vec2(0, 0), new Vec2(1, 0), new Vec2(0, 1), new Vec2(2, 0), new Vec2(3, 0), new Vec2(3, 1), new Vec2(2, 1) };
        int[] tri = clockwise ? new[] { 0, 2, 1 } : new[] { 0, 1, 2 };
        int[] quad = clockwise ? new[] { 3, 6, 5, 4 } : new[] { 3, 4, 5, 6 };
        return new Mesh(nodes, new[] { ElementType.Tri3, ElementType.Quad4 }, new[] { 0, 3, 7 }, tri.Concat(quad).ToArray(),
            new[] { 0, 1 }, new[] { "T", "Q" });
    }

    static double[] Displace(Mesh m, Func<Vec2, Vec2> map) =>
        m.Nodes.SelectMany(p => { var d = map(p) - p; return new[] { d.X, d.Y }; }).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RigidRotationKeepsTheAnglesAndSimpleShearNarrowsThem(bool clockwise)
    {
        var m = TwoElements(clockwise);
        var rotated = MeshQuality.DeformedMinAngles(m, Displace(m, p => new Vec2(Math.Cos(1) * p.X - Math.Sin(1) * p.Y, Math.Sin(1) * p.X + Math.Cos(1) * p.Y)));
        Assert.Equal(45, rotated[0], 1e-9);
        Assert.Equal(90, rotated[1], 1e-9);
        // x += 2 y: the square's corner at its origin closes to atan(1/2); the triangle's corner at (0,1)
        // sees (1,0) at direction (-1,-1) and (0,0) at (-2,-1): 18.43 degrees
        var sheared = MeshQuality.DeformedMinAngles(m, Displace(m, p => new Vec2(p.X + 2 * p.Y, p.Y)));
        Assert.Equal(Math.Atan(0.5) * 180 / Math.PI, sheared[1], 1e-9);
        Assert.Equal((Math.Atan2(1, 1) - Math.Atan2(1, 2)) * 180 / Math.PI, sheared[0], 1e-9);
    }

    [Fact]
    public void AnInvertedElementReadsZero()
    {
        var m = TwoElements(false);
        var u = new double[2 * m.NodeCount];
        u[2 * 2 + 1] = -2; // node (0, 1) pulled through its opposite edge
        Assert.Equal(new[] { 0.0, 90.0 }, MeshQuality.DeformedMinAngles(m, u));
    }
}
