using System.Runtime.InteropServices;

namespace CreepCell.Contact;

/// <summary>
/// Uniform hash grid of axis-aligned boxes: each box is registered in every cell it overlaps, a query
/// returns the ids of boxes in the cells a query box overlaps, sorted and without repeats, so candidate
/// lists never depend on insertion or thread order. Cost is linear in the number of boxes for boxes not
/// much larger than a cell.
/// </summary>
internal sealed class SpatialHash
{
    double cell;
    readonly Dictionary<(long, long), List<int>> cells = new();
    readonly List<(double X0, double Y0, double X1, double Y1)> boxes = new();
    /// <summary>Emptied cell lists kept by <see cref="Reset"/> for the next boxes.</summary>
    readonly Stack<List<int>> spare = new();

    public SpatialHash(double cellSize) => Reset(cellSize);

    /// <summary>
    /// Removes every box and sets a new cell size. The cell lists are kept for reuse: a grid rebuilt at
    /// every evaluation allocates nothing once it has grown to its largest size.
    /// </summary>
    public void Reset(double cellSize)
    {
        if (!(cellSize > 0) || !double.IsFinite(cellSize)) throw new ArgumentException("cell size must be positive");
        cell = cellSize;
        foreach (var list in cells.Values)
        {
            list.Clear();
            spare.Push(list);
        }
        cells.Clear();
        boxes.Clear();
    }

    public int Count => boxes.Count;

    /// <summary>Adds a box; its id is the insertion index.</summary>
    public int Add(double x0, double y0, double x1, double y1)
    {
        int id = boxes.Count;
        boxes.Add((x0, y0, x1, y1));
        for (long i = Index(x0); i <= Index(x1); i++)
            for (long j = Index(y0); j <= Index(y1); j++)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, (i, j), out _);
                list ??= spare.Count > 0 ? spare.Pop() : new List<int>();
                list.Add(id);
            }
        return id;
    }

    /// <summary>Ids of stored boxes that overlap the query box, ascending, written into result (cleared first).</summary>
    public void Query(double x0, double y0, double x1, double y1, List<int> result)
    {
        result.Clear();
        for (long i = Index(x0); i <= Index(x1); i++)
            for (long j = Index(y0); j <= Index(y1); j++)
            {
                if (!cells.TryGetValue((i, j), out var list)) continue;
                foreach (int id in list)
                {
                    var b = boxes[id];
                    if (b.X0 <= x1 && x0 <= b.X1 && b.Y0 <= y1 && y0 <= b.Y1) result.Add(id);
                }
            }
        result.Sort();
        int n = 0;
        for (int k = 0; k < result.Count; k++)
            if (n == 0 || result[n - 1] != result[k]) result[n++] = result[k];
        result.RemoveRange(n, result.Count - n);
    }

    long Index(double x) => (long)Math.Floor(x / cell);
}
