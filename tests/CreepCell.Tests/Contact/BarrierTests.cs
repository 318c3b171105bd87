using CreepCell.Contact;
using CreepCell.Meshing;

namespace CreepCell.Tests.Contact;

public class BarrierTests
{
    const double Dhat = 0.1;

    public static TheoryData<double[]> Configurations => new()
    {
        new[] { 0.3, 0.05, 0.0, 0.0, 1.0, 0.01 },   // interior
        new[] { -0.04, 0.03, 0.0, 0.0, 1.0, 0.2 },  // beyond end a
        new[] { 1.05, 0.08, 0.1, 0.0, 1.0, 0.1 },   // beyond end b
        new[] { 0.5, -0.07, 0.0, 0.0, 0.9, -0.3 },  // interior, other side
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void GradientAndHessianMatchFiniteDifferences(double[] x)
    {
        var g = new double[6];
        var h = new double[36];
        PointSegmentBarrier.Evaluate(x, Dhat, g, h, project: false);
        double scale = g.Max(Math.Abs);
        Assert.True(scale > 0);
        const double step = 1e-6;
        for (int j = 0; j < 6; j++)
        {
            var xp = (double[])x.Clone(); xp[j] += step;
            var xm = (double[])x.Clone(); xm[j] -= step;
            var gp = new double[6];
            var gm = new double[6];
            double ep = PointSegmentBarrier.Evaluate(xp, Dhat, gp, Span<double>.Empty);
            double em = PointSegmentBarrier.Evaluate(xm, Dhat, gm, Span<double>.Empty);
            Assert.Equal((ep - em) / (2 * step), g[j], 1e-6 * scale);
            double hscale = h.Max(Math.Abs);
            for (int i = 0; i < 6; i++) Assert.Equal((gp[i] - gm[i]) / (2 * step), h[6 * i + j], 1e-5 * hscale);
        }
    }

    [Fact]
    public void DistanceCasesGiveTheGeometricDistance()
    {
        var g = new double[6];
        Assert.Equal(0.05 * 0.05, PointSegmentBarrier.SquaredDistance(new[] { 0.3, 0.05, 0, 0, 1, 0.0 }, g, Span<double>.Empty), 15);
        Assert.Equal(0.25, PointSegmentBarrier.SquaredDistance(new[] { -0.3, 0.4, 0, 0, 1, 0.0 }, g, Span<double>.Empty), 15);
        Assert.Equal(0.25, PointSegmentBarrier.SquaredDistance(new[] { 1.4, 0.3, 0, 0, 1, 0.0 }, g, Span<double>.Empty), 15);
    }

    [Fact]
    public void ScalarBarrierVanishesSmoothlyAtDhat()
    {
        var (b, b1, b2) = PointSegmentBarrier.Scalar(Dhat * (1 - 1e-6), Dhat);
        Assert.True(b >= 0 && b < 1e-15 && Math.Abs(b1) < 1e-10 && Math.Abs(b2) < 1e-4);
        Assert.Equal((0.0, 0.0, 0.0), PointSegmentBarrier.Scalar(2 * Dhat, Dhat));
        Assert.True(PointSegmentBarrier.Scalar(1e-6 * Dhat, Dhat).B > 0.1 * Dhat * Dhat);
    }

    [Fact]
    public void ProjectionMakesHessianPositiveSemiDefiniteAndKeepsPositiveOnes()
    {
        var x = new[] { 0.3, 0.05, 0.0, 0.0, 1.0, 0.01 };
        var g = new double[6];
        var raw = new double[36];
        PointSegmentBarrier.Evaluate(x, Dhat, g, raw, project: false);
        var v = new double[36];
        var lambdaRaw = new double[6];
        SmallEigen.Decompose((double[])raw.Clone(), 6, v, lambdaRaw);
        Assert.True(lambdaRaw.Min() < -1e-6 * lambdaRaw.Max(), "this configuration has an indefinite barrier Hessian");
        var projected = (double[])raw.Clone();
        SmallEigen.ProjectPositive(projected, 6);
        var lambda = new double[6];
        SmallEigen.Decompose((double[])projected.Clone(), 6, v, lambda);
        Assert.True(lambda.Min() > -1e-10 * lambda.Max());
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) Assert.Equal(projected[6 * i + j], projected[6 * j + i], 1e-9 * lambda.Max());
        // eigenvectors of positive eigenvalues are kept: v^T P v = lambda
        var spd = new double[36];
        for (int i = 0; i < 6; i++) spd[7 * i] = i + 1;
        spd[1] = spd[6] = 0.5;
        var copy = (double[])spd.Clone();
        SmallEigen.ProjectPositive(copy, 6);
        Assert.Equal(spd, copy);
    }

    [Fact]
    public void JacobiReconstructsTheMatrix()
    {
        var rng = new Random(3);
        var a = new double[36];
        for (int i = 0; i < 6; i++)
            for (int j = 0; j <= i; j++) a[6 * i + j] = a[6 * j + i] = rng.NextDouble() - 0.5;
        var v = new double[36];
        var lambda = new double[6];
        SmallEigen.Decompose((double[])a.Clone(), 6, v, lambda);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                double sum = 0;
                for (int k = 0; k < 6; k++) sum += v[6 * i + k] * lambda[k] * v[6 * j + k];
                Assert.Equal(a[6 * i + j], sum, 1e-12);
            }
    }

    [Fact]
    public void CollisionTimeOfPointCrossingAMovingSegment()
    {
        // point at y = 1 falls by 2 while the segment y = 0 rises by 0.5: they meet at t = 1 / 2.5
        var x0 = new[] { 0.5, 1.0, 0, 0, 1, 0.0 };
        var dx = new[] { 0, -2.0, 0, 0.5, 0, 0.5 };
        Assert.Equal(0.4, PointSegmentBarrier.FirstCollision(x0, dx), 12);
        // passing beside the segment is no collision
        var x1 = new[] { 1.5, 1.0, 0, 0, 1, 0.0 };
        Assert.Equal(1.0, PointSegmentBarrier.FirstCollision(x1, dx));
        // a rotating segment sweeping over a fixed point: y_b(t) = 1 - 2t reaches the point's line at the foot
        var x2 = new[] { 1.0, 0.0, 0, 0, 1, 1.0 };
        var dx2 = new[] { 0, 0.0, 0, 0, 0, -2.0 };
        Assert.Equal(0.5, PointSegmentBarrier.FirstCollision(x2, dx2), 12);
    }

    [Fact]
    public void BodiesAndOutwardBoundariesOfTwoBlocks()
    {
        var a = StructuredMesh.Rectangle(1, 1, 3, 3, ElementType.Quad8, "a");
        var b = Shift(StructuredMesh.Rectangle(2, 0.5, 4, 2, ElementType.Tri3, "b"), 0, 1.2);
        var bodies = new ContactBodies(MeshMerge.Combine(new[] { a, b }));
        Assert.Equal(2, bodies.BodyCount);
        Assert.Equal(new[] { 0, 1 }, bodies.RegionOfBody);
        Assert.Equal(2, bodies.Loops.Length);
        Assert.Equal(4 + 5 - 4 * (1.0 / 12) - 4 * 0.25, bodies.PointWeight.Sum(), 12); // corners take the shorter half
        Assert.Equal(2 * 12 + 12, bodies.SegmentCount); // Quad8 edges split in two
        Assert.Equal(new[] { 1.0, 1.0 }, bodies.BodyArea.Select(x => Math.Round(x, 12)));
        // body on the left of every segment: the loops enclose positive area
        foreach (var loop in bodies.Loops)
        {
            var mesh = MeshMerge.Combine(new[] { a, b });
            double twice = 0;
            for (int k = 0; k < loop.Length; k++)
                twice += CreepCell.Geometry.Vec2.Cross(mesh.Nodes[loop[k]], mesh.Nodes[loop[(k + 1) % loop.Length]]);
            Assert.Equal(1.0, 0.5 * twice, 12);
        }
    }

    [Fact]
    public void HashGridReturnsExactlyTheOverlappingBoxes()
    {
        var rng = new Random(5);
        var grid = new SpatialHash(0.1);
        var boxes = new List<(double, double, double, double)>();
        for (int k = 0; k < 300; k++)
        {
            double x = rng.NextDouble(), y = rng.NextDouble(), w = 0.3 * rng.NextDouble(), h = 0.05 * rng.NextDouble();
            boxes.Add((x, y, x + w, y + h));
            grid.Add(x, y, x + w, y + h);
        }
        var found = new List<int>();
        for (int q = 0; q < 50; q++)
        {
            double x = rng.NextDouble(), y = rng.NextDouble();
            grid.Query(x, y, x + 0.05, y + 0.05, found);
            var expected = Enumerable.Range(0, boxes.Count)
                .Where(i => boxes[i].Item1 <= x + 0.05 && x <= boxes[i].Item3 && boxes[i].Item2 <= y + 0.05 && y <= boxes[i].Item4).ToList();
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void HashGridPointQueriesReturnEachOverlappingBoxOnce()
    {
        // boxes over hundreds of cells: many cells share a bucket of the table, and a box can meet a
        // point's bucket through several of its cells
        var rng = new Random(7);
        var grid = new SpatialHash(0.05);
        var boxes = new List<(double, double, double, double)>();
        for (int round = 0; round < 2; round++)
        {
            grid.Reset(0.05);
            boxes.Clear();
            for (int k = 0; k < 100; k++)
            {
                double x = rng.NextDouble(), y = rng.NextDouble(), w = rng.NextDouble(), h = rng.NextDouble();
                boxes.Add((x, y, x + w, y + h));
                grid.Add(x, y, x + w, y + h);
            }
            var found = new List<int>();
            for (int q = 0; q < 200; q++)
            {
                double x = 2 * rng.NextDouble(), y = 2 * rng.NextDouble();
                grid.Query(x, y, x, y, found);
                var expected = Enumerable.Range(0, boxes.Count)
                    .Where(i => boxes[i].Item1 <= x && x <= boxes[i].Item3 && boxes[i].Item2 <= y && y <= boxes[i].Item4).ToList();
                Assert.Equal(expected, found);
            }
        }
    }

    internal static Mesh Shift(Mesh m, double dx, double dy) =>
        new(m.Nodes.Select(p => new CreepCell.Geometry.Vec2(p.X + dx, p.Y + dy)).ToArray(), m.Types, m.Offsets, m.Connectivity, m.Region, m.RegionNames, m.Boundaries);
}

public class CouplingPatternTests
{
    [Fact]
    public void WidenedPatternHoldsTheElementPatternAndTheCouplingBlocks()
    {
        var a = StructuredMesh.Rectangle(1, 1, 2, 2, ElementType.Tri3, "a");
        var mesh = MeshMerge.Combine(new[] { a, BarrierTests.Shift(a, 1.5, 0) });
        var dofs = new CreepCell.Fem.DofMap(mesh.NodeCount, new[] { (0, 0.0), (1, 0.0) });
        var fe = CreepCell.Fem.SparsityPattern.Build(mesh, dofs);
        var partners = new int[mesh.NodeCount][];
        for (int n = 0; n < mesh.NodeCount; n++) partners[n] = Array.Empty<int>();
        partners[2] = new[] { 9, 12 };
        partners[9] = new[] { 2 };
        partners[12] = new[] { 2 };
        var (wide, map) = CreepCell.Fem.SparsityPattern.WithCouplings(fe, dofs, partners);
        for (int j = 0; j < fe.Columns; j++)
        {
            for (int p = fe.ColumnPointers[j]; p < fe.ColumnPointers[j + 1]; p++)
                Assert.Equal(fe.RowIndices[p], wide.RowIndices[map[p]]);
            for (int p = wide.ColumnPointers[j] + 1; p < wide.ColumnPointers[j + 1]; p++)
                Assert.True(wide.RowIndices[p - 1] < wide.RowIndices[p]);
        }
        foreach (int m in new[] { 9, 12 })
            for (int r = 0; r < 2; r++)
                for (int c = 0; c < 2; c++)
                {
                    int row = dofs.Equation[2 * 2 + r], col = dofs.Equation[2 * m + c];
                    Assert.True(fe.IndexOf(row, col) < 0);
                    Assert.True(wide.IndexOf(row, col) >= 0 && wide.IndexOf(col, row) >= 0);
                }
        Assert.Equal(fe.NonZeros + 2 * 2 * 4, wide.NonZeros);
    }
}
