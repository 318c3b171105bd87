using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Contact;

/// <summary>
/// A block that swells by 1 % in volume presses across a gap of 0.3 % of its width on a block ten times
/// stiffer; rollers on the outer sides, top and bottom (uniaxial strain along x). The barrier keeps the
/// facing sides about dhat apart, so the frame stress carries an error of about dhat / interference.
/// </summary>
public class ReachConvergenceTests(ITestOutputHelper output)
{
    const double Width = 1e-6, Height = 0.5e-6, Gap = 0.003 * Width;
    static readonly Material Swelling = new("A", 10e9, 0.3, 0.01);
    static readonly Material Frame = new("B", 100e9, 0.25);

    static Mesh Blocks() => MeshMerge.Combine(new[]
    {
        StructuredMesh.Rectangle(Width, Height, 8, 4, ElementType.Tri6, "A"),
        ContactKit.Shift(StructuredMesh.Rectangle(Width, Height, 8, 4, ElementType.Tri6, "B"), Width + Gap, 0),
    });

    /// <summary>Small-strain closed form: sigma = (g - w 3 K1 eps / M1) / (w / M1 + w / M2), eps = Js^(1/3) - 1.</summary>
    static double ClosedFormStress()
    {
        double eps = Math.Cbrt(1.01) - 1, k1 = 10e9 / (3 * (1 - 2 * 0.3));
        double m1 = 10e9 * (1 - 0.3) / ((1 + 0.3) * (1 - 2 * 0.3)), m2 = 100e9 * (1 - 0.25) / ((1 + 0.25) * (1 - 2 * 0.25));
        return (Gap - Width * 3 * k1 * eps / m1) / (Width / m1 + Width / m2);
    }

    /// <summary>Mean sigma_xx of the frame block after swelling to theta = 1, and the reach used.</summary>
    static (double Stress, double Dhat) FrameStress(double? reach)
    {
        var mesh = Blocks();
        var materials = mesh.RegionNames.Select(n => n == "A" ? Swelling : Frame).ToArray();
        var (p, m) = ContactKit.Problem(mesh, materials, Boundary.Rollers(mesh), new ContactSettings { Distance = reach });
        for (int s = 1; s <= 4; s++)
        {
            var r = p.SolveStep(new LoadState(0.25 * s, 0, 300), 1, new NewtonOptions { RelativeTolerance = 1e-8, MaxIterations = 60 });
            Assert.True(r.Converged, r.Failure);
            p.Commit();
        }
        double sum = 0, area = 0;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            if (mesh.RegionNames[mesh.Region[e]] != "B") continue;
            for (int q = p.Assembler.PointOffsets[e]; q < p.Assembler.PointOffsets[e + 1]; q++)
            {
                sum += p.Responses[q].Cauchy.Xx * p.Responses[q].Area;
                area += p.Responses[q].Area;
            }
        }
        return (sum / area, m.Dhat);
    }

    [Fact]
    public void DefaultReachIsWithinThreePercentOfTheLimitAndTheErrorIsLinearInTheReach()
    {
        double radius = Math.Sqrt(Width * Height / Math.PI);
        var coarse = FrameStress(1e-3 * radius);
        var half = FrameStress(0.5e-3 * radius);
        var byDefault = FrameStress(null);
        // the error is first order in the reach: Richardson's limit from the two explicit reaches
        double limit = 2 * half.Stress - coarse.Stress;
        var quarter = FrameStress(0.25e-3 * radius);
        double order = Math.Log((coarse.Stress - limit) / (quarter.Stress - limit)) / Math.Log(4);
        output.WriteLine($"closed form {ClosedFormStress():E4} Pa; limit {limit:E4} Pa; reach {coarse.Dhat:E3} m: {coarse.Stress:E4}, " +
            $"{half.Dhat:E3}: {half.Stress:E4}, {quarter.Dhat:E3}: {quarter.Stress:E4}, default {byDefault.Dhat:E3}: {byDefault.Stress:E4} Pa; order {order:F3}");
        Assert.InRange(order, 0.9, 1.1);
        // the reach limit agrees with the small-strain closed form up to the finite-strain terms of a 0.3 % strain
        Assert.Equal(1, limit / ClosedFormStress(), 0.01);
        // 1e-3 of the radius is 13 % of the interference here; the default follows the swelling instead
        Assert.True(coarse.Stress / limit - 1 > 0.1);
        Assert.Equal(0.02 * radius * (Math.Cbrt(1.01) - 1), byDefault.Dhat, 1e-9 * byDefault.Dhat);
        Assert.InRange(byDefault.Stress / limit - 1, -0.03, 0.03);
    }

    [Fact]
    public void WithoutSwellingTheDefaultReachIsAThousandthOfTheMeanRadius()
    {
        var mesh = Blocks();
        var elastic = new Material("A", 10e9, 0.3);
        var model = new ContactModel(mesh, mesh.RegionNames.Select(n => n == "A" ? elastic : Frame).ToArray(), new ContactSettings());
        Assert.Equal(1e-3 * Math.Sqrt(Width * Height / Math.PI), model.Dhat, 1e-12 * model.Dhat);
    }
}
