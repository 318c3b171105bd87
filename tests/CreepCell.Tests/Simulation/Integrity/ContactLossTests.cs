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

    [Fact]
    public void RenumberedContactsCompareTheSameParticlesAfterARemeshing()
    {
        // before: bodies 0, 1 of phase 0 and 2, 3 of phase 1; a remeshing moves body 0 to the end (0 -> 3, 1 -> 0, 2 -> 1, 3 -> 2)
        int[] newBody = { 3, 0, 1, 2 };
        var pairs = new[] { (0, 0), (0, 1), (1, 1) };
        var full = Graph(new[] { 0, 0, 1, 1 }, (0, 1), (0, 2), (2, 3));
        // after: phase 0 is bodies 0 and 3, phase 1 bodies 1 and 2; old 0-1 (now 3-0) holds, old 0-2 (now 3-1) opened,
        // old 2-3 (now 1-2) holds, and 0-2 is a new contact (old 1-3)
        var charged = Graph(new[] { 0, 1, 1, 0 }, (0, 3), (1, 2), (0, 2));
        var renumbered = ContactLoss.Renumbered(ContactLoss.Keys(full), newBody);
        Assert.Equal(new[] { 0.0, 1, 0 }, ContactLoss.OpenFractions(renumbered, charged, pairs));
        // with the old numbers the same charge would compare other particles: old 0-2 would seem to hold, and 0-1, 2-3 to be mixed pairs
        Assert.Equal(2.0 / 3, ContactLoss.OpenFractions(ContactLoss.Keys(full), charged, pairs)[1], 1e-12);
    }
}
