using CreepCell.Geometry;
using CreepCell.Geometry.Packing;
using CreepCell.Io.Plots;
using CreepCell.Meshing;
using SkiaSharp;

namespace CreepCell.Tests.Io;

public class FieldMapTests
{
    /// <summary>Pictures stay beside the test binaries so they can be looked at after a run.</summary>
    internal static string OutputPath(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "plot-output");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    static double[] Stretch(Mesh m, double ex, double ey)
    {
        var u = new double[2 * m.NodeCount];
        for (int i = 0; i < m.NodeCount; i++) { u[2 * i] = ex * m.Nodes[i].X; u[2 * i + 1] = ey * m.Nodes[i].Y; }
        return u;
    }

    static Vec2 Centroid(Vec2[] pos, Mesh m, int e)
    {
        var n = m.ElementNodes(e);
        return (1.0 / 3.0) * (pos[n[0]] + pos[n[1]] + pos[n[2]]);
    }

    static Vec2[] Moved(Mesh m, double[] u) =>
        Enumerable.Range(0, m.NodeCount).Select(i => m.Nodes[i] + new Vec2(u[2 * i], u[2 * i + 1])).ToArray();

    static void Near(SKColor expected, SKColor actual, int tol = 0)
    {
        Assert.InRange(actual.Red, expected.Red - tol, expected.Red + tol);
        Assert.InRange(actual.Green, expected.Green - tol, expected.Green + tol);
        Assert.InRange(actual.Blue, expected.Blue - tol, expected.Blue + tol);
    }

    [Fact]
    public void ElementPixelsHaveTheColourOfTheirValueOnTheDeformedShape()
    {
        var m = StructuredMesh.Rectangle(10e-6, 10e-6, 4, 4, ElementType.Tri3);
        var values = Enumerable.Range(0, m.ElementCount).Select(e => 1e9 * e).ToArray();
        var u = Stretch(m, 0.2, -0.1);
        string path = OutputPath("stretched-square.png");
        var layout = FieldMap.Write(path, m, u, values, "element index", "GPa", new FieldMapOptions { UnitScale = 1e-9 });
        using var bmp = SKBitmap.Decode(path);
        Assert.Equal(1000, bmp.Width);
        Assert.Equal(layout.Height, bmp.Height);
        Assert.Equal(0, layout.Scale.Min);
        Assert.Equal(values[^1], layout.Scale.Max);
        var pos = Moved(m, u);
        for (int e = 0; e < m.ElementCount; e += 5)
        {
            var px = layout.ToPixel(Centroid(pos, m, e));
            Near(layout.Scale.Color(values[e]), bmp.GetPixel((int)px.X, (int)px.Y));
        }
        // viridis ends: #440154 at the minimum, #FDE725 at the maximum
        var first = layout.ToPixel(Centroid(pos, m, 0));
        Near(new SKColor(0x44, 0x01, 0x54), bmp.GetPixel((int)first.X, (int)first.Y), 2);
        var last = layout.ToPixel(Centroid(pos, m, m.ElementCount - 1));
        Near(new SKColor(0xFD, 0xE7, 0x25), bmp.GetPixel((int)last.X, (int)last.Y), 2);
        // the deformed shape is 20 % wider than high: its right edge lies at 1.2 x 10 um
        Assert.Equal(12e-6 * layout.PixelsPerMetre, layout.PlotArea.Width, 1.0);
    }

    [Fact]
    public void ColourBarRunsFromMinimumAtTheBottomToMaximumAtTheTop()
    {
        var m = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri3);
        var values = new[] { 0.3, 0.5, 0.1, 0.9, 0.2, 0.4, 0.6, 0.7 };
        var (png, layout) = FieldMap.Render(m, new double[2 * m.NodeCount], values, "t", "-",
            new FieldMapOptions { Min = -1, Max = 2 });
        Assert.Equal(-1, layout.Scale.Min);
        Assert.Equal(2, layout.Scale.Max);
        using var bmp = SKBitmap.Decode(png);
        int x = (int)layout.ColorBar.MidX;
        Near(layout.Scale.ColorAt(1), bmp.GetPixel(x, (int)layout.ColorBar.Top + 2), 3);
        Near(layout.Scale.ColorAt(0), bmp.GetPixel(x, (int)layout.ColorBar.Bottom - 2), 3);
        Near(layout.Scale.ColorAt(0.5), bmp.GetPixel(x, (int)layout.ColorBar.MidY), 3);
    }

    [Fact]
    public void ValuesOutsideAFixedRangeTakeTheEndColours()
    {
        var scale = new ColorScale(0, 1);
        Assert.Equal(scale.ColorAt(1), scale.Color(5));
        Assert.Equal(scale.ColorAt(0), scale.Color(-5));
        Assert.Throws<ArgumentException>(() => new ColorScale(1, 1));
    }

    [Fact]
    public void ConstantFieldGetsTheMiddleColour()
    {
        var (lo, hi) = ColorScale.RangeOf(new[] { 2.0, 2.0 });
        Assert.Equal(0.5, (2.0 - lo) / (hi - lo), 12);
    }

    [Fact]
    public void NiceTicksAreRoundAndInsideTheRange()
    {
        Assert.Equal(new[] { 0, 0.05, 0.1, 0.15 }, ColorScale.NiceTicks(0, 0.17).Select(t => Math.Round(t, 12)));
        Assert.Equal(new[] { -2.0, 0, 2, 4, 6 }, ColorScale.NiceTicks(-3, 7));
    }

    [Fact]
    public void QuadraticEdgesAreDrawnCurved()
    {
        // one Tri6 whose edge 0-1 bulges downward through its mid-node
        var nodes = new[] { new Vec2(0, 0), new Vec2(1e-6, 0), new Vec2(0, 1e-6), new Vec2(0.5e-6, -0.3e-6), new Vec2(0.5e-6, 0.5e-6), new Vec2(0, 0.5e-6) };
        var m = Mesh.Uniform(nodes, ElementType.Tri6, new[] { 0, 1, 2, 3, 4, 5 }, new[] { 0 }, new[] { "solid" });
        var (png, layout) = FieldMap.Render(m, new double[12], new[] { 1.0 }, "bulge", "-",
            new FieldMapOptions { Min = 0, Max = 2, Outlines = false });
        using var bmp = SKBitmap.Decode(png);
        // the edge passes through its mid-node (0.5, -0.3) um; a straight chord would stay at y = 0
        var inside = layout.ToPixel(new Vec2(0.5e-6, -0.25e-6));
        var outside = layout.ToPixel(new Vec2(0.5e-6, -0.33e-6));
        Near(layout.Scale.Color(1.0), bmp.GetPixel((int)inside.X, (int)inside.Y), 1);
        Near(SKColors.White, bmp.GetPixel((int)outside.X, (int)outside.Y));
    }

    [Fact]
    public void NaNValuesAreRejectedAndNothingIsWritten()
    {
        var m = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri3);
        var values = new double[m.ElementCount];
        values[3] = double.NaN;
        string path = OutputPath("nan-field.png");
        File.Delete(path);
        var ex = Assert.Throws<ArgumentException>(() => FieldMap.Write(path, m, new double[2 * m.NodeCount], values, "t", "Pa"));
        Assert.Contains("element 3", ex.Message);
        Assert.False(File.Exists(path));
        var u = new double[2 * m.NodeCount];
        u[5] = double.PositiveInfinity;
        ex = Assert.Throws<ArgumentException>(() => FieldMap.Render(m, u, new double[m.ElementCount], "t", "Pa"));
        Assert.Contains("node 2", ex.Message);
        Assert.Throws<ArgumentException>(() => FieldMap.Render(m, new double[3], new double[m.ElementCount], "t", "Pa"));
        Assert.Throws<ArgumentException>(() => FieldMap.Render(m, new double[2 * m.NodeCount], new double[m.ElementCount], "t", "Pa",
            new FieldMapOptions { Min = 2, Max = 1 }));
    }

    [Fact]
    public void OutlinesFollowEveryParticleBoundary()
    {
        var packing = PackingGenerator.Generate(PackingSpec.SeMse(3) with { Side = 8e-6 });
        var r = ParticleMesh.Build(packing, new ParticleMeshOptions { RelativeSize = 0.25 });
        Assert.Equal(r.Bodies.Sum(b => b.Loop.Length), MeshOutline.Edges(r.Mesh).Count);
        // a shared-node mesh outlines its outer boundary plus the phase interfaces
        var square = StructuredMesh.Rectangle(1, 1, 2, 2, ElementType.Tri3);
        Assert.Equal(8, MeshOutline.Edges(square).Count);
    }

    [Fact]
    public void WritesAParticleFieldMap()
    {
        var packing = PackingGenerator.Generate(PackingSpec.SeMse(1));
        var r = ParticleMesh.Build(packing, new ParticleMeshOptions { RelativeSize = 0.25 });
        var m = r.Mesh;
        // each particle swells about its centroid; Se by 10 % linear, MSe by 1 %; the value grows with the distance from it
        var u = new double[2 * m.NodeCount];
        var values = new double[m.ElementCount];
        foreach (var b in r.Bodies)
        {
            var c = packing.Particles[b.Index].Centroid;
            double g = b.Phase == "Se" ? 0.10 : 0.01;
            for (int i = b.FirstNode; i < b.FirstNode + b.NodeCount; i++)
            {
                var d = m.Nodes[i] - c;
                u[2 * i] = g * d.X;
                u[2 * i + 1] = g * d.Y;
            }
            for (int e = b.FirstElement; e < b.FirstElement + b.ElementCount; e++)
                values[e] = (b.Phase == "Se" ? 0.1e9 : 0.17e9) + 0.05e9 * (Centroid(m.Nodes, m, e) - c).Length / 1e-6;
        }
        string path = OutputPath("particles-von-mises.png");
        var layout = FieldMap.Write(path, m, u, values, "von Mises stress (synthetic field), Se-60MSe", "GPa",
            new FieldMapOptions { UnitScale = 1e-9, Min = 0, Max = 0.3e9 });
        using var bmp = SKBitmap.Decode(path);
        Assert.Equal(layout.Height, bmp.Height);
        Assert.True(bmp.Height > 900);
    }
}
