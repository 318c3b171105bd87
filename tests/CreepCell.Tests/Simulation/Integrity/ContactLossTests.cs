using CreepCell.Contact;
using CreepCell.Simulation.Integrity;

namespace CreepCell.Tests.Simulation.Integrity;

public class ContactLossTests
{
    static ContactGraph Graph(int[] regions, params (int A, int B)[] edges) =>
        new(regions, new double[regions.Length], edges.Select(e => new ContactEdge(e.A, e.B, 1e-7)).ToArray(),
            new bool[regions.Length], new bool[regions.Length]);

    [Fact]
    public void OpenFractionCountsTheContactsOfFullLithiationThatAreGoneAtCharge()
    {
        // bodies 0, 1 of phase 0 and 2, 3 of phase 1
        int[] regions = { 0, 0, 1, 1 };
        var pairs = new[] { (0, 0), (0, 1), (1, 1) };
        var full = Graph(regions, (0, 1), (0, 2), (3, 1), (2, 3));
        // at charge 0-1 and 2-3 hold, 0-2 and 1-3 opened, and 0-3 is a new contact that does not count
        var charged = Graph(regions, (1, 0), (2, 3), (0, 3));
        Assert.Equal(new[] { 1.0, 2, 1 }, ContactLoss.Counts(full, pairs));
        Assert.Equal(new[] { 0.0, 1, 0 }, ContactLoss.OpenFractions(ContactLoss.Keys(full), charged, pairs));
        // half of the mixed contacts open
        Assert.Equal(0.5, ContactLoss.OpenFractions(ContactLoss.Keys(full), Graph(regions, (2, 0)), pairs)[1]);
    }

    [Fact]
    public void PairWithoutContactsAtFullLithiationHasNothingToLose()
    {
        int[] regions = { 0, 1 };
        var pairs = new[] { (0, 0), (0, 1), (1, 1) };
        Assert.Equal(new[] { 0.0, 0, 0 }, ContactLoss.OpenFractions(Array.Empty<long>(), Graph(regions), pairs));
    }
}
