namespace CreepCell.Contact;

/// <summary>
/// The Hessian of energy terms as 6 x 6 blocks over node triples (point, a, b; the dofs x, y of each),
/// in the order the terms added them. The storage grows to the largest evaluation and is reused, so an
/// evaluation allocates nothing.
/// </summary>
internal sealed class HessianBlocks
{
    int[] nodes = new int[3 * 64];
    double[] values = new double[36 * 64];

    /// <summary>Blocks added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>A new zeroed block over (p, a, b) to fill.</summary>
    public Span<double> Add(int p, int a, int b)
    {
        if (Count == nodes.Length / 3)
        {
            Array.Resize(ref nodes, 2 * nodes.Length);
            Array.Resize(ref values, 2 * values.Length);
        }
        nodes[3 * Count] = p;
        nodes[3 * Count + 1] = a;
        nodes[3 * Count + 2] = b;
        var block = values.AsSpan(36 * Count, 36);
        block.Clear();
        Count++;
        return block;
    }

    /// <summary>The nodes of block k (point, a, b).</summary>
    public (int Point, int A, int B) Nodes(int k) => (nodes[3 * k], nodes[3 * k + 1], nodes[3 * k + 2]);

    /// <summary>The 36 values of block k, row-major over (x_p, y_p, x_a, y_a, x_b, y_b).</summary>
    public ReadOnlySpan<double> Values(int k) => values.AsSpan(36 * k, 36);
}
