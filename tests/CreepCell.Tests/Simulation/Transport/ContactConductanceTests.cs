using CreepCell.Contact;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation.Transport;
using CreepCell.Tests.Contact;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>Two blocks meshed apart touching along a horizontal line: conduction through them is that of
/// three resistances in series, H1/sigma1 + 1/h + H2/sigma2 per unit width. With matching nodes on the
/// line the links reproduce it exactly; with non-matching ones each side's links spread their current
/// over the other side's nodes by interpolation, a small error that shrinks with the mesh.</summary>
public class ContactConductanceTests
{
    const double W = 4e-6, H1 = 3e-6, H2 = 2e-6, S1 = 2.0, S2 = 0.5;

    static (Mesh Mesh, ContactModel Model) Blocks(double gap, ElementType type, int upperColumns = 9, int refine = 1)
    {
        var lower = StructuredMesh.Rectangle(W, H1, 6 * refine, 4 * refine, type, "lower");
        var upper = ContactKit.Shift(StructuredMesh.Rectangle(W, H2, upperColumns * refine, 3 * refine, type, "upper"), 0, H1 + gap);
        var mesh = MeshMerge.Combine(new[] { lower, upper });
        var m = new Material("block", 10e9, 0.3);
        return (mesh, new ContactModel(mesh, new[] { m, m }, new ContactSettings { Distance = 5e-9 }));
    }

    [Theory]
    [InlineData(ElementType.Quad4, 0.0)]
    [InlineData(ElementType.Tri6, 0.0)]
    [InlineData(ElementType.Quad4, 2e-9)]
    public void InterfaceConductanceAddsInSeries(ElementType type, double gap)
    {
        var (mesh, model) = Blocks(gap, type, upperColumns: 6);
        var u = new double[2 * mesh.NodeCount];
        double height = H1 + gap + H2;
        // h such that the contact resistance is comparable to that of the blocks, then much smaller
        foreach (double h in new[] { 1e5, 1e6, 1e8 })
        {
            var r = ElectrodeTransport.Solve(mesh, u, model, new[] { S1, S2 }, h);
            double expected = height / (H1 / S1 + 1 / h + H2 / S2);
            Assert.Equal(expected, r.EffectiveConductivity, 1e-9 * expected);
        }
        var perfect = ElectrodeTransport.Solve(mesh, u, model, new[] { S1, S2 });
        double blocksOnly = height / (H1 / S1 + H2 / S2);
        Assert.True(Math.Abs(perfect.EffectiveConductivity / blocksOnly - 1) < 1e-4, $"perfect contact: {perfect.EffectiveConductivity:G8} vs {blocksOnly:G8}");
    }

    [Fact]
    public void NonMatchingNodesConvergeToTheSeriesValue()
    {
        double h = 1e5, expected = (H1 + H2) / (H1 / S1 + 1 / h + H2 / S2);
        var errors = new[] { 1, 2, 4 }.Select(refine =>
        {
            var (mesh, model) = Blocks(0, ElementType.Quad4, upperColumns: 9, refine: refine);
            return Math.Abs(ElectrodeTransport.Solve(mesh, new double[2 * mesh.NodeCount], model, new[] { S1, S2 }, h).EffectiveConductivity / expected - 1);
        }).ToList();
        string all = string.Join(", ", errors.Select(e => e.ToString("E2")));
        Assert.True(errors[0] < 3e-3 && errors[1] < 0.6 * errors[0] && errors[2] < 0.6 * errors[1], $"relative errors {all}");
        var (m9, c9) = Blocks(0, ElementType.Quad4, upperColumns: 9);
        var perfect = ElectrodeTransport.Solve(m9, new double[2 * m9.NodeCount], c9, new[] { S1, S2 });
        Assert.True(Math.Abs(perfect.EffectiveConductivity / ((H1 + H2) / (H1 / S1 + H2 / S2)) - 1) < 1e-3, $"perfect contact {perfect.EffectiveConductivity:G8}");
    }

    [Fact]
    public void BlocksApartOrAnInsulatingBlockCarryNoCurrent()
    {
        var (mesh, model) = Blocks(1e-8, ElementType.Quad4);
        var apart = ElectrodeTransport.Solve(mesh, new double[2 * mesh.NodeCount], model, new[] { S1, S2 });
        Assert.Equal(0, apart.EffectiveConductivity);
        Assert.Equal(0, apart.Tortuosity);
        var (touching, model2) = Blocks(0, ElementType.Quad4);
        var insulating = ElectrodeTransport.Solve(touching, new double[2 * touching.NodeCount], model2, new[] { S1, 0 });
        Assert.Equal(0, insulating.EffectiveConductivity);
        Assert.Equal(H1 / (H1 + H2), insulating.ConductingFraction, 12);
    }
}
