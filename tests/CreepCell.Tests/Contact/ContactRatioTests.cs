using CreepCell.Contact;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Tests.Contact;

/// <summary>The RVE sides are symmetry planes in the contact ratio: faces cut by them are not particle
/// surface, and a surface pressed on a side touches its own mirror image.</summary>
public class ContactRatioTests
{
    const double Dhat = 0.02, Gap = 0.005;

    static ContactModel Model(params Mesh[] bodies)
    {
        var mesh = MeshMerge.Combine(bodies);
        return new ContactModel(mesh, mesh.RegionNames.Select(n => new Material(n, 10e9, 0.3)).ToArray(), new ContactSettings { Distance = Dhat });
    }

    static double Ratio(ContactModel model, double[] u, string a, string b) =>
        model.Measure(u, model.Bodies.RegionOfBody.Distinct().Order().Select(r => ((char)('A' + r)).ToString()).ToArray())
            .Ratios.Single(r => r.A == a && r.B == b).Ratio;

    [Fact]
    public void FacesOnTheSidesAreNotSurface()
    {
        // two halves of the box, 5e-3 apart: each has one face that is not on a side, and it touches the other
        var left = StructuredMesh.Rectangle(1, 1, 4, 4, ElementType.Tri6, "A");
        var right = ContactKit.Shift(StructuredMesh.Rectangle(1 - Gap, 1, 4, 4, ElementType.Tri6, "A"), 1 + Gap, 0);
        var model = Model(left, right);
        var u = new double[2 * model.Bodies.BodyOfNode.Length];
        Assert.Equal(1, Ratio(model, u, "A", "A"), 12);
        Assert.Equal(1, model.Measure(u, new[] { "A" }).SurfaceInContact.Single().Fraction, 12);
    }

    [Fact]
    public void ASurfacePressedOnASideTouchesItsMirrorImage()
    {
        // strips of B along the bottom and the top of a 2 x 2 box; a unit block of A between them,
        // Gap clear of both strips and 0.5 clear of the side walls
        var bottom = StructuredMesh.Rectangle(2, 0.5, 8, 2, ElementType.Tri6, "B");
        var top = ContactKit.Shift(StructuredMesh.Rectangle(2, 0.5, 8, 2, ElementType.Tri6, "B"), 0, 1.5);
        var block = ContactKit.Shift(StructuredMesh.Rectangle(1, 1 - 2 * Gap, 4, 4, ElementType.Tri6, "A"), 0.5, 0.5 + Gap);
        var model = Model(block, bottom, top);
        var u = new double[2 * model.Bodies.BodyOfNode.Length];
        Assert.Equal(0, Ratio(model, u, "A", "A"));
        // slide the block to dhat / 2 from the left wall: its left face (a quarter of its perimeter, the
        // two corners sharing their other half-segments) now touches its mirror image
        for (int n = 0; n < model.Bodies.BodyOfNode.Length; n++)
            if (model.Bodies.RegionOfBody[model.Bodies.BodyOfNode[n]] == 0) u[2 * n] = -(0.5 - Dhat / 2);
        double sx = 1.0 / 8, sy = (1 - 2 * Gap) / 8;
        Assert.Equal((8 * sy + sx) / (4 - 4 * Gap), Ratio(model, u, "A", "A"), 12);
        // its surface in contact with anything: all but the inner nodes of its right face, which face a pore
        var surface = model.Measure(u, new[] { "A", "B" }).SurfaceInContact;
        Assert.Equal(1 - 7 * sy / (4 - 4 * Gap), surface.Single(p => p.Phase == "A").Fraction, 12);
    }
}
