using CreepCell.Geometry;
using CreepCell.Geometry.Packing;
using PackingResult = CreepCell.Geometry.Packing.Packing;

namespace CreepCell.Tests.Geometry.Packing;

public class PackingGeneratorTests
{
    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Phase_fractions_hit_their_targets_within_half_a_percentage_point(string name)
    {
        var packing = PackingCases.Get(name);
        double rve = packing.Side * packing.Side;
        foreach (var phase in packing.Report.Phases)
        {
            // measured independently of the report: shoelace areas of the particle polygons
            double measured = packing.Particles.Where(p => p.Phase == phase.Name).Sum(p => PolygonMath.SignedArea(p.Vertices)) / rve;
            Assert.Equal(phase.AchievedFraction, measured, 12);
            Assert.InRange(measured - phase.TargetFraction, -0.005, 0.005);
        }
        Assert.InRange(packing.Report.Porosity - packing.Report.TargetPorosity, -0.005, 0.005);
        Assert.Equal(1 - packing.Report.Phases.Sum(p => p.AchievedFraction), packing.Report.Porosity, 12);
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void No_two_particles_overlap_and_all_lie_inside_the_rve(string name)
    {
        var packing = PackingCases.Get(name);
        var ps = packing.Particles;
        foreach (var p in ps)
            foreach (var v in p.Vertices)
            {
                Assert.InRange(v.X, 0, packing.Side);
                Assert.InRange(v.Y, 0, packing.Side);
            }
        var boxes = ps.Select(p => PolygonMath.Bounds(p.Vertices)).ToArray();
        int tested = 0;
        for (int i = 0; i < ps.Count; i++)
            for (int j = i + 1; j < ps.Count; j++)
            {
                if (!BoxesTouch(boxes[i], boxes[j])) continue;
                tested++;
                Assert.False(PolygonMath.Intersect(ps[i].Vertices, ps[j].Vertices), $"particles {i} and {j} overlap");
            }
        Assert.True(tested >= ps.Count, "expected neighbouring particles with overlapping bounding boxes");
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Every_particle_is_a_simple_counter_clockwise_polygon(string name)
    {
        foreach (var p in PackingCases.Get(name).Particles)
        {
            Assert.True(PolygonMath.IsSimple(p.Vertices));
            Assert.True(PolygonMath.SignedArea(p.Vertices) > 0);
            Assert.Equal(PolygonMath.SignedArea(p.Vertices), p.Area);
            Assert.True(PolygonMath.Contains(p.Vertices, p.Centroid));
        }
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Reported_angle_and_edge_bounds_match_the_polygons_and_stay_meshable(string name)
    {
        var packing = PackingCases.Get(name);
        var r = packing.Report;
        double h = packing.Spec.ResolvedEdgeLength;
        Assert.Equal(packing.Particles.Min(p => PolygonMath.MinInteriorAngleDegrees(p.Vertices)), r.MinInteriorAngleDegrees);
        Assert.Equal(packing.Particles.Min(p => PolygonMath.MinEdgeLength(p.Vertices)), r.MinEdgeLength);
        Assert.Equal(packing.Particles.Max(p => PolygonMath.MaxEdgeLength(p.Vertices)), r.MaxEdgeLength);
        Assert.Equal(packing.Particles.Sum(p => p.Vertices.Length), r.VertexCount);
        // fillets turn every corner into angles of 90 degrees or more; RVE corners are 90 degrees
        Assert.True(r.MinInteriorAngleDegrees >= 60, $"min angle {r.MinInteriorAngleDegrees}");
        Assert.True(r.MinEdgeLength >= 0.3 * h * (1 - 1e-9), $"min edge {r.MinEdgeLength / h} h");
        Assert.True(r.MaxEdgeLength <= 1.6 * h, $"max edge {r.MaxEdgeLength / h} h");
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Minimum_gap_is_the_true_minimum_and_at_least_the_requested_fraction(string name)
    {
        var packing = PackingCases.Get(name);
        var ps = packing.Particles;
        double reported = packing.Report.MinGap;
        // any pair closer than the reported gap must have bounding boxes closer than it too
        double brute = double.PositiveInfinity;
        var boxes = ps.Select(p => PolygonMath.Bounds(p.Vertices)).ToArray();
        for (int i = 0; i < ps.Count; i++)
            for (int j = i + 1; j < ps.Count; j++)
                if (BoxDistance(boxes[i], boxes[j]) <= reported * 1.01)
                    brute = Math.Min(brute, PolygonMath.Distance(ps[i].Vertices, ps[j].Vertices));
        Assert.Equal(brute, reported, 15);
        Assert.True(reported >= packing.Spec.MinGap * packing.Spec.MeanDiameter * (1 - 1e-9));
        Assert.Equal(reported / packing.Spec.MeanDiameter, packing.Report.MinGapOverMeanDiameter, 12);
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Particles_on_the_rve_sides_lie_flat_on_them_with_exact_coordinates(string name)
    {
        var packing = PackingCases.Get(name);
        double l = packing.Side;
        int flagged = 0;
        foreach (var p in packing.Particles)
        {
            var onSides = RveSide.None;
            foreach (var v in p.Vertices)
            {
                if (v.X == 0) onSides |= RveSide.Left;
                if (v.X == l) onSides |= RveSide.Right;
                if (v.Y == 0) onSides |= RveSide.Bottom;
                if (v.Y == l) onSides |= RveSide.Top;
            }
            Assert.Equal(p.Sides, onSides);
            foreach (var side in new[] { RveSide.Left, RveSide.Right, RveSide.Bottom, RveSide.Top })
                if ((p.Sides & side) != 0)
                    Assert.True(p.Vertices.Count(v => OnSide(v, side, l)) >= 2, "a flat needs at least two vertices");
            if (p.IsClipped) flagged++;
        }
        // a 20 um square with 2-3 um particles has particles on every side
        Assert.True(flagged >= 8, $"only {flagged} particles on the sides");
    }

    [Theory]
    [MemberData(nameof(PackingCases.Names), MemberType = typeof(PackingCases))]
    public void Particle_sizes_follow_the_requested_means(string name)
    {
        var packing = PackingCases.Get(name);
        foreach (var (phase, spec) in packing.Report.Phases.Zip(packing.Spec.Phases))
        {
            Assert.InRange(phase.MeanEquivalentDiameter / spec.MeanDiameter, 0.85, 1.15);
            Assert.InRange(phase.EquivalentDiameterCv, 0.5 * spec.Cv, spec.Cv + 0.12);
            Assert.Equal(packing.Particles.Count(p => p.Phase == phase.Name), phase.ParticleCount);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_vertices()
    {
        var a = PackingCases.Get("SeMse1");
        var b = PackingGenerator.Generate(PackingSpec.SeMse(1));
        Assert.Equal(a.Particles.Count, b.Particles.Count);
        for (int i = 0; i < a.Particles.Count; i++)
        {
            Assert.Equal(a.Particles[i].Phase, b.Particles[i].Phase);
            Assert.Equal(a.Particles[i].Vertices, b.Particles[i].Vertices);
        }
    }

    [Fact]
    public void Different_seeds_give_different_geometry()
    {
        var a = PackingCases.Get("SeMse1");
        var b = PackingCases.Get("SeMse2");
        var c1 = a.Particles.Select(p => p.Centroid).ToHashSet();
        Assert.DoesNotContain(b.Particles, p => c1.Contains(p.Centroid));
    }

    [Theory]
    [InlineData("SeMse1", "SeMseVoids")]
    [InlineData("LcoMse", "LcoMseVoids")]
    public void With_voids_much_of_the_boundary_faces_a_neighbour_across_the_minimum_gap(string spread, string voids)
    {
        double near = NearBoundaryShare(PackingCases.Get(voids));
        double without = NearBoundaryShare(PackingCases.Get(spread));
        Assert.True(near > 0.4, $"with voids {near:P1} of the boundary is near a neighbour");
        Assert.True(without < 0.25, $"without voids {without:P1} of the boundary is near a neighbour");
    }

    /// <summary>Share of boundary vertices (off the RVE sides) within 1.5 g of another particle.</summary>
    static double NearBoundaryShare(PackingResult packing)
    {
        double reach = 1.5 * packing.Spec.MinGap * packing.Spec.MeanDiameter;
        var ps = packing.Particles;
        var boxes = ps.Select(p => PolygonMath.Bounds(p.Vertices)).ToArray();
        int near = 0, total = 0;
        for (int i = 0; i < ps.Count; i++)
            foreach (var v in ps[i].Vertices)
            {
                if (v.X == 0 || v.Y == 0 || v.X == packing.Side || v.Y == packing.Side) continue;
                total++;
                var point = new[] { v };
                for (int j = 0; j < ps.Count; j++)
                {
                    if (j == i || BoxDistance((v, v), boxes[j]) > reach) continue;
                    if (PolygonMath.Distance(point, ps[j].Vertices, reach) < reach) { near++; break; }
                }
            }
        return (double)near / total;
    }

    static bool OnSide(Vec2 v, RveSide side, double l) => side switch
    {
        RveSide.Left => v.X == 0,
        RveSide.Right => v.X == l,
        RveSide.Bottom => v.Y == 0,
        _ => v.Y == l,
    };

    static bool BoxesTouch((Vec2 Min, Vec2 Max) a, (Vec2 Min, Vec2 Max) b) => BoxDistance(a, b) == 0;

    static double BoxDistance((Vec2 Min, Vec2 Max) a, (Vec2 Min, Vec2 Max) b)
    {
        double dx = Math.Max(0, Math.Max(a.Min.X - b.Max.X, b.Min.X - a.Max.X));
        double dy = Math.Max(0, Math.Max(a.Min.Y - b.Max.Y, b.Min.Y - a.Max.Y));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
