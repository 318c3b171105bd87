using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;
using CreepCell.Meshing;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// An image of known shapes, 320 x 240 pixels of 0.1 um: phase A a disk of radius 30 px and two disks of
/// radius 24 px whose centres are 46 px apart (a neck of half-width sqrt(24^2 - 23^2) = 6.9 px, 0.29 of
/// their radius), phase B a regular hexagon of circumradius 32 px and a square of half-diagonal 60 px
/// turned by 20 degrees (sides of 85 px). The outlines must give five bodies, keep the phase areas of the true
/// shapes within 0.5 %, and the lone shapes' perimeters within 1 % at these sizes (30 px radius, 32 px and
/// 85 px sides; the outline rounds a pixel-sharp corner, which takes about 0.6 px off each square corner).
/// </summary>
public class SyntheticImageTests
{
    const double Pixel = 0.1e-6;
    static readonly Dictionary<double, string> Labels = new() { [0] = "pore", [85] = "A", [170] = "B" };
    static readonly Vec2[] Hexagon = ImageFixtures.RegularPolygon(70, 140, 32, 6, 0.1);
    static readonly Vec2[] Square = ImageFixtures.RegularPolygon(240, 165, 60, 4, 20 * Math.PI / 180);

    static readonly Lazy<ImageRve> Rve = new(() =>
    {
        var image = ImageFixtures.Draw(320, 240, new (Func<Vec2, bool>, float)[]
        {
            (ImageFixtures.Disk(60, 55, 30), 85), (ImageFixtures.Disk(145, 50, 24), 85), (ImageFixtures.Disk(191, 50, 24), 85),
            (ImageFixtures.Convex(Hexagon), 170), (ImageFixtures.Convex(Square), 170),
        });
        var (spec, map) = ImageFixtures.InMemory(image, Labels, Pixel);
        return ImageMicrostructure.Build(spec, map);
    });

    /// <summary>Area of the union of two disks of radius r with centres d apart: two disks less their lens.</summary>
    static double TwoDisks(double r, double d) => 2 * Math.PI * r * r - (2 * r * r * Math.Acos(d / (2 * r)) - 0.5 * d * Math.Sqrt(4 * r * r - d * d));

    static double PolygonArea(Vec2[] v) => Math.Abs(ArcSmoothing.Area(v));

    static double Perimeter(Vec2[] v) => v.Select((p, k) => (v[(k + 1) % v.Length] - p).Length).Sum();

    /// <summary>The body whose outline contains the image point (x, y down), in pixels.</summary>
    static ImageBody BodyAt(double x, double y) =>
        Rve.Value.Bodies.Single(b => Polygons.Contains(b.Outer, new Vec2(x * Pixel, (240 - y) * Pixel)));

    [Fact]
    public void Touching_disks_split_and_every_shape_is_one_body()
    {
        var rve = Rve.Value;
        Assert.Equal(5, rve.Bodies.Count);
        Assert.Equal(3, rve.Bodies.Count(b => b.Phase == "A"));
        Assert.NotEqual(BodyAt(140, 50).Index, BodyAt(196, 50).Index);
        Assert.Equal(2, rve.Report.Phases.Single(p => p.Name == "A").Regions);
    }

    [Fact]
    public void Phase_areas_are_those_of_the_true_shapes_within_half_a_percent()
    {
        var report = Rve.Value.Report;
        double px2 = Pixel * Pixel;
        double a = Math.PI * 30 * 30 + TwoDisks(24, 46), b = PolygonArea(Hexagon) + PolygonArea(Square);
        Assert.InRange(report.Phases.Single(p => p.Name == "A").OutlineArea / px2 / a, 0.995, 1.005);
        Assert.InRange(report.Phases.Single(p => p.Name == "B").OutlineArea / px2 / b, 0.995, 1.005);
        foreach (var p in report.Phases.Where(p => p.Name != "pore"))
            Assert.InRange(p.OutlineArea / px2 / p.Pixels, 0.995, 1 + 1e-9);
    }

    [Fact]
    public void Perimeters_of_the_lone_shapes_are_within_one_percent()
    {
        Assert.InRange(Perimeter(BodyAt(60, 55).Outer) / Pixel / (2 * Math.PI * 30), 0.99, 1.01);
        Assert.InRange(Perimeter(BodyAt(70, 140).Outer) / Pixel / Perimeter(Hexagon), 0.99, 1.01);
        Assert.InRange(Perimeter(BodyAt(240, 165).Outer) / Pixel / Perimeter(Square), 0.99, 1.01);
    }

    [Fact]
    public void Outlines_stay_within_the_tolerance_and_the_bodies_mesh_with_their_areas()
    {
        var rve = Rve.Value;
        Assert.InRange(rve.Report.MaxDeviation, 0, 0.5);
        var mesh = ImageBodyMesh.Build(rve, new ParticleMeshOptions { RelativeSize = 0.25 });
        var areas = MeshQuality.RegionAreas(mesh);
        foreach (var p in rve.Report.Phases.Where(p => p.Name != "pore"))
            Assert.Equal(p.OutlineArea, areas[Array.IndexOf(mesh.RegionNames, p.Name)], p.OutlineArea * 1e-9);
        Assert.Equal(5, new CreepCell.Contact.ContactBodies(mesh).BodyCount);
        Assert.True(MeshQuality.MinAngleDegrees(mesh) >= 25, $"smallest angle {MeshQuality.MinAngleDegrees(mesh)}");
    }

    [Fact]
    public void Without_splitting_the_touching_disks_stay_one_body()
    {
        var image = ImageFixtures.Draw(120, 80, new (Func<Vec2, bool>, float)[] { (ImageFixtures.Disk(35, 40, 24), 85), (ImageFixtures.Disk(81, 40, 24), 85) });
        var (spec, map) = ImageFixtures.InMemory(image, new() { [0] = "pore", [85] = "A" }, Pixel, s => s with { NeckRatio = 0 });
        Assert.Single(ImageMicrostructure.Build(spec, map).Bodies);
        var (split, map2) = ImageFixtures.InMemory(image, new() { [0] = "pore", [85] = "A" }, Pixel);
        Assert.Equal(2, ImageMicrostructure.Build(split, map2).Bodies.Count);
    }
}
