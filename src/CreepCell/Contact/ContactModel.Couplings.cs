namespace CreepCell.Contact;

/// <summary>The node pairs that the tangent's sparsity pattern must hold.</summary>
internal sealed partial class ContactModel
{
    /// <summary>Sorted partner nodes of each node through contact couplings seen so far (a grow-only set).</summary>
    public int[][] CouplingLists()
    {
        var lists = new List<int>[mesh.NodeCount];
        foreach (long key in couplings)
        {
            int i = (int)(key / mesh.NodeCount), j = (int)(key % mesh.NodeCount);
            (lists[i] ??= new List<int>()).Add(j);
            (lists[j] ??= new List<int>()).Add(i);
        }
        return lists.Select(l => l is null ? Array.Empty<int>() : l.Order().ToArray()).ToArray();
    }

    long Key(int i, int j) => (long)Math.Min(i, j) * mesh.NodeCount + Math.Max(i, j);

    /// <summary>An active pair must be in the pattern: a missing one changes it, and takes the prepared near pairs along.</summary>
    void Couple(int i, int j)
    {
        if (!couplings.Add(Key(i, j))) return;
        couplings.UnionWith(pending);
        pending.Clear();
        PatternVersion++;
    }

    /// <summary>
    /// The node pairs coupled so far and those waiting to join: the sparsity pattern, and with it the
    /// elimination order and the round-off of every later solve, depends on them, so a checkpoint keeps them.
    /// </summary>
    public (long[] Coupled, long[] Pending) CouplingState() => (couplings.Order().ToArray(), pending.Order().ToArray());

    public void RestoreCouplings(long[] coupled, long[] waiting)
    {
        couplings.Clear(); couplings.UnionWith(coupled);
        pending.Clear(); pending.UnionWith(waiting);
        if (Bonds is not null) CoupleBonds();
        PatternVersion++;
    }

    /// <summary>The bond ties act from the start and never stop: their node pairs are in the pattern from the start.</summary>
    void CoupleBonds()
    {
        foreach (var (i, j) in Bonds!.Couplings()) couplings.Add(Key(i, j));
        PatternVersion++;
    }

    /// <summary>A near pair joins the pattern at its next change.</summary>
    void Prepare(int i, int j)
    {
        long key = Key(i, j);
        if (!couplings.Contains(key)) pending.Add(key);
    }
}
