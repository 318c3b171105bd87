using CreepCell.Contact;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// Debonding and contact loss (the paper's type I failure): of the particle contacts present at full
/// lithiation (pairs of bodies joined in the <see cref="ContactGraph"/>), the fraction that are open again
/// at the end of the following charge, per pair of phases. Contacts with the walls, the stack plate or a
/// particle's own mirror image are not particle contacts and do not count.
/// </summary>
internal static class ContactLoss
{
    /// <summary>The contacts of a graph as keys (smaller body index in the high half).</summary>
    public static long[] Keys(ContactGraph graph) => graph.Edges.Select(e => Key(e.A, e.B)).Order().ToArray();

    /// <summary>Contact keys with every body index b replaced by <paramref name="newBody"/>[b].</summary>
    public static long[] Renumbered(long[] keys, int[] newBody) =>
        keys.Select(k => Key(newBody[(int)(k >> 32)], newBody[(int)(k & 0xffffffff)])).Order().ToArray();

    static long Key(int a, int b) => ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);

    /// <summary>Per region pair of <paramref name="pairs"/> (unordered), the number of contacts of the graph between its phases.</summary>
    public static double[] Counts(ContactGraph graph, IReadOnlyList<(int A, int B)> pairs)
    {
        var counts = new double[pairs.Count];
        foreach (var e in graph.Edges)
            if (PairOf(graph.RegionOfBody[e.A], graph.RegionOfBody[e.B], pairs) is int p) counts[p]++;
        return counts;
    }

    /// <summary>
    /// Per region pair of <paramref name="pairs"/> (unordered): contacts at full lithiation between a body
    /// of one phase and one of the other that the graph at the end of charge no longer has, over those at
    /// full lithiation; 0 for a pair that had no contact to lose.
    /// </summary>
    public static double[] OpenFractions(long[] atFull, ContactGraph charged, IReadOnlyList<(int A, int B)> pairs)
    {
        var now = Keys(charged).ToHashSet();
        var present = new int[pairs.Count];
        var open = new int[pairs.Count];
        foreach (long key in atFull)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xffffffff);
            if (a >= charged.BodyCount || b >= charged.BodyCount) continue;
            if (PairOf(charged.RegionOfBody[a], charged.RegionOfBody[b], pairs) is not int p) continue;
            present[p]++;
            if (!now.Contains(key)) open[p]++;
        }
        return present.Select((n, p) => n > 0 ? (double)open[p] / n : 0).ToArray();
    }

    static int? PairOf(int ra, int rb, IReadOnlyList<(int A, int B)> pairs)
    {
        for (int p = 0; p < pairs.Count; p++)
            if ((pairs[p].A == ra && pairs[p].B == rb) || (pairs[p].A == rb && pairs[p].B == ra)) return p;
        return null;
    }
}
