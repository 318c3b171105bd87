namespace CreepCell.Contact;

/// <summary>
/// Uniform hash grid of axis-aligned boxes: each box is registered in every cell it overlaps, a query
/// returns the ids of boxes in the cells a query box overlaps, sorted and without repeats, so candidate
/// lists never depend on insertion or thread order. Cost is linear in the number of boxes for boxes not
/// much larger than a cell.
/// </summary>
/// <remarks>
/// The cells are hashed into a power-of-two table of buckets held as flat arrays (start of each bucket,
/// then the box ids, ascending within a bucket), built at the first query after boxes were added. Cells
/// that share a bucket only add candidates that the exact overlap test of <see cref="Query"/> removes,
/// so the result is the same set as with one list per cell; <see cref="Reset"/> keeps the arrays, and a
/// grid rebuilt at every evaluation allocates nothing once it has grown to its largest size.
/// </remarks>
internal sealed class SpatialHash
{
    double cell;
    readonly List<(double X0, double Y0, double X1, double Y1)> boxes = new();
    int[] bucketStart = new int[17];
    int[] ids = new int[64];
    int mask;
    bool built;

    public SpatialHash(double cellSize) => Reset(cellSize);

    public int Count => boxes.Count;

    /// <summary>Removes every box and sets a new cell size.</summary>
    public void Reset(double cellSize)
    {
        if (!(cellSize > 0) || !double.IsFinite(cellSize)) throw new ArgumentException("cell size must be positive");
        cell = cellSize;
        boxes.Clear();
        built = false;
    }

    /// <summary>Adds a box; its id is the insertion index.</summary>
    public int Add(double x0, double y0, double x1, double y1)
    {
        boxes.Add((x0, y0, x1, y1));
        built = false;
        return boxes.Count - 1;
    }

    /// <summary>Ids of stored boxes that overlap the query box, ascending, written into result (cleared first).</summary>
    public void Query(double x0, double y0, double x1, double y1, List<int> result)
    {
        if (!built) Build();
        result.Clear();
        for (long i = Index(x0); i <= Index(x1); i++)
            for (long j = Index(y0); j <= Index(y1); j++)
            {
                int bucket = Bucket(i, j);
                for (int k = bucketStart[bucket]; k < bucketStart[bucket + 1]; k++)
                {
                    var b = boxes[ids[k]];
                    if (b.X0 <= x1 && x0 <= b.X1 && b.Y0 <= y1 && y0 <= b.Y1) result.Add(ids[k]);
                }
            }
        // one cell (a point query): its bucket holds the ids ascending, a box over two cells of the
        // bucket twice in a row, so only the repeats go
        if (Index(x0) != Index(x1) || Index(y0) != Index(y1)) result.Sort();
        int n = 0;
        for (int k = 0; k < result.Count; k++)
            if (n == 0 || result[n - 1] != result[k]) result[n++] = result[k];
        result.RemoveRange(n, result.Count - n);
    }

    /// <summary>Counts the cell registrations, sizes the table to twice their number, then files the ids
    /// bucket by bucket (counting sort, so ids ascend within a bucket).</summary>
    void Build()
    {
        long registrations = 0;
        foreach (var b in boxes) registrations += (Index(b.X1) - Index(b.X0) + 1) * (Index(b.Y1) - Index(b.Y0) + 1);
        if (registrations > Array.MaxLength / 2) throw new InvalidOperationException("boxes far larger than the cells of the hash grid");
        int buckets = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(2 * registrations)));
        mask = buckets - 1;
        if (bucketStart.Length < buckets + 1) bucketStart = new int[buckets + 1];
        if (ids.Length < registrations) ids = new int[Math.Max(registrations, 2L * ids.Length)];
        Array.Clear(bucketStart, 0, buckets + 1);
        File(count: true);
        for (int k = 0; k < buckets; k++) bucketStart[k + 1] += bucketStart[k];
        File(count: false);
        // filing advanced every start to the next bucket's: shift back by one
        for (int k = buckets; k > 0; k--) bucketStart[k] = bucketStart[k - 1];
        bucketStart[0] = 0;
        built = true;
    }

    /// <summary>Visits every (cell, box) registration: counts it into the bucket sizes, or files the box id.</summary>
    void File(bool count)
    {
        for (int id = 0; id < boxes.Count; id++)
        {
            var b = boxes[id];
            for (long i = Index(b.X0); i <= Index(b.X1); i++)
                for (long j = Index(b.Y0); j <= Index(b.Y1); j++)
                {
                    int bucket = Bucket(i, j);
                    if (count) bucketStart[bucket + 1]++;
                    else ids[bucketStart[bucket]++] = id;
                }
        }
    }

    /// <summary>The classic spatial-hash primes; equal cells always meet in one bucket.</summary>
    int Bucket(long i, long j) => (int)((i * 73856093L ^ j * 19349663L) & mask);

    long Index(double x) => (long)Math.Floor(x / cell);
}
