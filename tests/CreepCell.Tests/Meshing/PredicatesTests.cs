using CreepCell.Geometry;
using CreepCell.Meshing;
using CreepCell.Meshing.Triangulation;

namespace CreepCell.Tests.Meshing;

public class PredicatesTests
{
    // Shewchuk's example: points a few ulps off the line y = x, where plain floating point gives wrong signs.
    [Fact]
    public void OrientationIsExactNearACollinearLine()
    {
        var q = new Vec2(12, 12);
        var r = new Vec2(24, 24);
        for (int k = 1; k <= 256; k++)
        {
            double d = k * Math.Pow(2, -53);
            Assert.True(Predicates.Orient(new Vec2(0.5 + d, 0.5), q, r) < 0);
            Assert.True(Predicates.Orient(new Vec2(0.5, 0.5 + d), q, r) > 0);
            Assert.Equal(0.0, Predicates.Orient(new Vec2(0.5 + d, 0.5 + d), q, r));
        }
    }

    [Fact]
    public void InCircleIsExactForCocircularPointsFarFromTheOrigin()
    {
        const double o = 1024;
        Vec2 a = new(o + 1, o), b = new(o, o + 1), c = new(o - 1, o);
        double ulp = Math.Pow(2, -42); // spacing of doubles near 1024
        Assert.Equal(0.0, Predicates.InCircle(a, b, c, new Vec2(o, o - 1)));
        Assert.True(Predicates.InCircle(a, b, c, new Vec2(o, o - 1 + ulp)) > 0);
        Assert.True(Predicates.InCircle(a, b, c, new Vec2(o, o - 1 - ulp)) < 0);
    }
}

public class EllipseTests
{
    [Fact]
    public void EqualArcParametersGiveEqualChordsAndThePerimeter()
    {
        var e = new Ellipse(new Vec2(1, 2), 3, 1, 0.4);
        var t = e.EqualArcParameters(200);
        var chords = Enumerable.Range(0, t.Length).Select(k => (e.Point(t[(k + 1) % t.Length]) - e.Point(t[k])).Length).ToArray();
        Assert.True(chords.Max() / chords.Min() < 1.01);
        // perimeter of the a = 3, b = 1 ellipse: 13.3648932 (sum of 200000 chords); Ramanujan's formula
        // is within 5e-7 of it; the inscribed 200-gon is shorter by about 1e-4 relative
        Assert.Equal(13.3648932, e.Perimeter(), 6);
        Assert.InRange(e.Perimeter() - chords.Sum(), 0, 2e-3);
    }
}
