using CreepCell.Geometry;
using CreepCell.Geometry.Packing;

namespace CreepCell.Tests.Geometry.Packing;

public class ParticleShaperTests
{
    const double H = 0.05;

    const double WallGap = 0.01;

    static ShapeOptions Options(double corner) => new(10, H, corner, 1e-6, WallGap);

    /// <summary>Area lost by one fillet of radius r over a turn theta drawn with n chords, against the sharp corner.</summary>
    static double FilletLoss(double r, double theta, int n) =>
        r * r * Math.Tan(theta / 2) - r * r * theta / 2 + r * r / 2 * (theta - n * Math.Sin(theta / n));

    static int Pieces(double r, double theta) => Math.Max(1, (int)Math.Round(r * theta / H));

    [Fact]
    public void Interior_square_cell_shrinks_by_the_offset_and_loses_four_fillets()
    {
        var cell = new LabelledPolygon(
            new List<Vec2> { new(2, 2), new(5, 2), new(5, 5), new(2, 5) },
            new List<int> { 0, 1, 2, 3 });
        double t = 0.1, corner = 0.2;
        var p = ParticleShaper.Shape(cell, t, Options(corner))!;
        double s = 3 - 2 * t;
        double r = corner * Math.Sqrt(4 * s * s / Math.PI);
        double expected = s * s - 4 * FilletLoss(r, Math.PI / 2, Pieces(r, Math.PI / 2));
        Assert.Equal(expected, p.Area, 1e-12);
        Assert.Equal(RveSide.None, p.Sides);
        var (min, max) = PolygonMath.Bounds(p.Vertices);
        Assert.Equal(2 + t, min.X, 1e-12);
        Assert.Equal(5 - t, max.Y, 1e-12);
    }

    [Fact]
    public void Corner_cell_keeps_its_walls_and_the_sharp_rve_corner()
    {
        // left and bottom edges on the walls, right and top shared with neighbours
        var cell = new LabelledPolygon(
            new List<Vec2> { new(0, 0), new(3, 0), new(3, 3), new(0, 3) },
            new List<int> { Wall.Bottom, 0, 1, Wall.Left });
        double t = 0.1, corner = 0.2;
        var p = ParticleShaper.Shape(cell, t, Options(corner))!;
        double s = 3 - t;
        double r = corner * Math.Sqrt(4 * s * s / Math.PI);
        Assert.True(r <= 0.25 * s, "the fillets must not be capped for this closed form");
        double expected = s * s - 3 * FilletLoss(r, Math.PI / 2, Pieces(r, Math.PI / 2));
        Assert.Equal(expected, p.Area, 1e-12);
        Assert.Equal(RveSide.Left | RveSide.Bottom, p.Sides);
        Assert.Contains(new Vec2(0, 0), p.Vertices);
        // the flats: straight runs on x = 0 and y = 0 of length s - r each
        Assert.Equal(s - r, p.Vertices.Where(v => v.X == 0).Max(v => v.Y), 1e-12);
        Assert.Equal(s - r, p.Vertices.Where(v => v.Y == 0).Max(v => v.X), 1e-12);
    }

    [Fact]
    public void A_wall_flat_shorter_than_two_edge_lengths_is_pulled_off_the_wall()
    {
        var cell = new LabelledPolygon(
            new List<Vec2> { new(0, 4.95), new(3, 3), new(3, 7), new(0, 5.05) },
            new List<int> { 0, 1, 2, Wall.Left });
        Assert.True(cell.Area() > 0);
        double t = 0.08;
        var p = ParticleShaper.Shape(cell, t, Options(0.2))!;
        Assert.Equal(RveSide.None, p.Sides);
        Assert.True(p.Vertices.Min(v => v.X) >= WallGap - 1e-12);
    }

    [Fact]
    public void Edges_stay_within_bounds_and_angles_at_or_above_ninety_degrees()
    {
        var cell = new LabelledPolygon(
            new List<Vec2> { new(1, 1), new(4, 1.2), new(4.05, 1.25), new(3, 4), new(1.5, 3.5) },
            new List<int> { 0, 1, 2, 3, 4 });
        var p = ParticleShaper.Shape(cell, 0.05, Options(0.2))!;
        Assert.True(PolygonMath.IsSimple(p.Vertices));
        Assert.True(PolygonMath.MinEdgeLength(p.Vertices) >= 0.3 * H);
        Assert.True(PolygonMath.MaxEdgeLength(p.Vertices) <= 1.5 * H);
        Assert.True(PolygonMath.MinInteriorAngleDegrees(p.Vertices) >= 90 - 1e-9);
        // the offset core is inside the cell, so every vertex is too
        Assert.All(p.Vertices, v => Assert.True(PolygonMath.Contains(cell.Points, v)));
    }

    [Fact]
    public void A_cell_smaller_than_the_offset_vanishes()
    {
        var cell = new LabelledPolygon(
            new List<Vec2> { new(2, 2), new(2.1, 2), new(2.1, 2.1), new(2, 2.1) },
            new List<int> { 0, 1, 2, 3 });
        Assert.Null(ParticleShaper.Shape(cell, 0.06, Options(0.2)));
    }
}
