namespace CreepCell.Contact;

/// <summary>Which active particles can take part in the reaction: an electronic path to the current
/// collector and an ionic path to the separator, through particles of conducting phases in contact.</summary>
internal static class Connectivity
{
    /// <summary>
    /// Per body: whether it has a path to <paramref name="collector"/> (a body flag) through bodies whose
    /// region conducts (<paramref name="conducts"/>, by region). A conducting body has one when a chain of
    /// conducting bodies in contact joins it to a conducting body on the collector; any body has one when
    /// it touches the collector itself or touches such a conducting body.
    /// </summary>
    public static bool[] PathToCollector(ContactGraph graph, bool[] conducts, bool[] collector)
    {
        int n = graph.BodyCount;
        var neighbours = Neighbours(graph);
        var reached = new bool[n];
        var queue = new Queue<int>();
        for (int k = 0; k < n; k++)
            if (collector[k] && conducts[graph.RegionOfBody[k]]) { reached[k] = true; queue.Enqueue(k); }
        while (queue.Count > 0)
        {
            int k = queue.Dequeue();
            foreach (int m in neighbours[k])
                if (!reached[m] && conducts[graph.RegionOfBody[m]]) { reached[m] = true; queue.Enqueue(m); }
        }
        var path = new bool[n];
        for (int k = 0; k < n; k++) path[k] = reached[k] || collector[k] || neighbours[k].Any(m => reached[m]);
        return path;
    }

    /// <summary>Area fraction of the bodies of <paramref name="active"/> regions for which
    /// <paramref name="connected"/> holds (0 when there is no active body).</summary>
    public static double AreaFraction(ContactGraph graph, bool[] active, bool[] connected)
    {
        double all = 0, with = 0;
        for (int k = 0; k < graph.BodyCount; k++)
        {
            if (!active[graph.RegionOfBody[k]]) continue;
            all += graph.BodyArea[k];
            if (connected[k]) with += graph.BodyArea[k];
        }
        return all > 0 ? with / all : 0;
    }

    static List<int>[] Neighbours(ContactGraph graph)
    {
        var result = Enumerable.Range(0, graph.BodyCount).Select(_ => new List<int>()).ToArray();
        foreach (var e in graph.Edges)
        {
            result[e.A].Add(e.B);
            result[e.B].Add(e.A);
        }
        return result;
    }
}
