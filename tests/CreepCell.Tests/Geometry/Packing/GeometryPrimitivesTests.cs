using CreepCell.Geometry;
using CreepCell.Geometry.Packing;

namespace CreepCell.Tests.Geometry.Packing;

public class GeometryPrimitivesTests
{
    static readonly Vec2[] UnitSquare = { new(0, 0), new(1, 0), new(1, 1), new(0, 1) };

    [Fact]
    public void Area_and_centroid_of_an_l_shape()
    {
        // 2x2 square minus its upper-right 1x1 quarter: area 3, centroid (5/6, 5/6)
        var l = new Vec2[] { new(0, 0), new(2, 0), new(2, 1), new(1, 1), new(1, 2), new(0, 2) };
        Assert.Equal(3, PolygonMath.SignedArea(l), 1e-15);
        Assert.Equal(-3, PolygonMath.SignedArea(l.Reverse().ToArray()), 1e-15);
        var c = PolygonMath.Centroid(l);
        Assert.Equal(5.0 / 6, c.X, 1e-15);
        Assert.Equal(5.0 / 6, c.Y, 1e-15);
        Assert.Equal(90, PolygonMath.MinInteriorAngleDegrees(l), 1e-12);
    }

    [Fact]
    public void Angles_simplicity_and_containment()
    {
        var tri = new Vec2[] { new(0, 0), new(Math.Sqrt(3), 0), new(0, 1) };
        Assert.Equal(30, PolygonMath.MinInteriorAngleDegrees(tri), 1e-12);
        var bowTie = new Vec2[] { new(0, 0), new(1, 1), new(1, 0), new(0, 1) };
        Assert.False(PolygonMath.IsSimple(bowTie));
        Assert.True(PolygonMath.IsSimple(UnitSquare));
        Assert.True(PolygonMath.Contains(UnitSquare, new Vec2(0.5, 0.5)));
        Assert.False(PolygonMath.Contains(UnitSquare, new Vec2(1.5, 0.5)));
    }

    [Fact]
    public void Intersection_and_distance_of_squares()
    {
        Vec2[] Shift(double dx, double dy, double s = 1) => UnitSquare.Select(v => new Vec2(s * v.X + dx, s * v.Y + dy)).ToArray();
        Assert.True(PolygonMath.Intersect(UnitSquare, Shift(0.5, 0.5)));
        Assert.True(PolygonMath.Intersect(UnitSquare, Shift(0.25, 0.25, 0.5)));
        Assert.False(PolygonMath.Intersect(UnitSquare, Shift(2, 0)));
        Assert.Equal(1, PolygonMath.Distance(UnitSquare, Shift(2, 0)), 1e-15);
        Assert.Equal(Math.Sqrt(2), PolygonMath.Distance(UnitSquare, Shift(2, 2)), 1e-15);
        // with a cutoff: exact below it, the cutoff above it
        Assert.Equal(1, PolygonMath.Distance(UnitSquare, Shift(2, 0), 1.5), 1e-15);
        Assert.Equal(0.7, PolygonMath.Distance(UnitSquare, Shift(2, 0), 0.7));
    }

    [Fact]
    public void Clipping_keeps_edge_labels()
    {
        var sq = LabelledPolygon.Square(1);
        // keep x + y <= 1: the lower-left triangle, new edge labelled 7
        var tri = sq.Clip(new Vec2(1, 1), 1, 7);
        Assert.Equal(3, tri.Count);
        Assert.Equal(0.5, tri.Area(), 1e-15);
        Assert.Equal(new[] { Wall.Bottom, 7, Wall.Left }, tri.Labels);
    }

    [Fact]
    public void Power_diagram_bisector_moves_by_the_weight_difference()
    {
        // two sites at x = 1 and 3 in a 4 x 4 square: the edge sits at x = 2 + (w1 - w2) / (2 * 2)
        double w1 = 0.8, w2 = 0.2;
        var d = new PowerDiagram(4, new[] { new Vec2(1, 2), new Vec2(3, 2) }, new[] { w1, w2 });
        double x = 2 + (w1 - w2) / 4;
        Assert.Equal(4 * x, d.Cells[0].Area(), 1e-12);
        Assert.Equal(4 * (4 - x), d.Cells[1].Area(), 1e-12);
        Assert.Equal(4 / (2 * 2.0), d.AreaWeightDerivative(0), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Pruned_power_cells_equal_cells_clipped_by_every_site(double weightScale)
    {
        var rng = new SplitMix64(17);
        int n = 150;
        double side = 10;
        var sites = Enumerable.Range(0, n).Select(_ => new Vec2(rng.NextDouble() * side, rng.NextDouble() * side)).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => weightScale * rng.NextDouble()).ToArray();
        var d = new PowerDiagram(side, sites, w);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var full = LabelledPolygon.Square(side);
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                var nrm = sites[j] - sites[i];
                full = full.Clip(nrm, (Vec2.Dot(sites[j], sites[j]) - Vec2.Dot(sites[i], sites[i]) + w[i] - w[j]) / 2, j);
            }
            double expected = full.Count == 0 ? 0 : full.Area();
            double got = d.Cells[i].Count == 0 ? 0 : d.Cells[i].Area();
            Assert.Equal(expected, got, 1e-12);
            total += got;
        }
        Assert.Equal(side * side, total, 1e-9);
    }

    [Fact]
    public void Relaxed_cells_tile_the_square_with_the_requested_areas()
    {
        var rng = new SplitMix64(3);
        int n = 40;
        double side = 10;
        var sites = Enumerable.Range(0, n).Select(_ => new Vec2(rng.NextDouble() * side, rng.NextDouble() * side)).ToArray();
        var raw = Enumerable.Range(0, n).Select(i => 1.0 + (i % 4)).ToArray();
        var targets = raw.Select(a => a * side * side / raw.Sum()).ToArray();
        var (d, error) = CellRelaxation.Run(side, sites, targets, 10);
        Assert.True(error < 1e-9, $"area error {error}");
        Assert.Equal(side * side, d.Cells.Sum(c => c.Area()), 1e-9);
        for (int i = 0; i < n; i++) Assert.Equal(targets[i], d.Cells[i].Area(), 1e-8);
    }
}
