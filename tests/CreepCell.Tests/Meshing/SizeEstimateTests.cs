using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

/// <summary>The size estimated before meshing against the mesh that is then made.</summary>
public class SizeEstimateTests
{
    public static TheoryData<double, double, double, double?, bool> Meshes() => new()
    {
        { 30, 20, 1, null, false },   // uniform, linear
        { 12, 10, 0.5, null, true },  // uniform, quadratic
        { 20, 20, 1, 0.1, false },    // graded from 0.1 at two inclusions to 1
        { 20, 20, 2, 0.25, true },
    };

    [Theory]
    [MemberData(nameof(Meshes))]
    public void EstimateIsWithinTenPercentOfTheMesh(double width, double height, double size, double? fine, bool quadratic)
    {
        var inclusions = fine is null ? new List<Inclusion>()
            : [Inclusion.Circle(new Vec2(10, 10), 3, "a"), Inclusion.Circle(new Vec2(4, 4), 1, "b")];
        var sizes = new InclusionSizes(size, fine) { SecondOrder = quadratic };
        var estimate = SizeEstimate.ForInclusionMesh(width, height, inclusions, sizes);
        var mesh = InclusionMesh.Generate(width, height, inclusions, "m", sizes);
        Assert.InRange(estimate.Elements / mesh.ElementCount, 0.9, 1.1);
        Assert.InRange(estimate.Nodes / mesh.NodeCount, 0.9, 1.1);
        Assert.Equal(2 * estimate.Nodes, estimate.Unknowns);
    }

    [Fact]
    public void GradingZeroMeansTheFineSizeEverywhere()
    {
        var sizes = new InclusionSizes(1, 0.1, 0);
        var estimate = SizeEstimate.ForInclusionMesh(10, 10, [Inclusion.Circle(new Vec2(5, 5), 2, "a")], sizes);
        Assert.Equal(SizeEstimate.TrianglesPerSquare * 100 / 0.01, estimate.Elements, 6);
    }
}
