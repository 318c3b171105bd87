using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// The tangent of a problem with contact: the element stiffness in the FE pattern widened by the node
/// pairs that contact has coupled so far, plus the diagonal anchor springs and drag, plus the Hessian
/// blocks of the contact terms. The widened pattern is rebuilt only when the coupling set grows; every
/// term is scattered through positions in it found once per pattern (the 36 of a contact block once per
/// node triple), so a Newton iteration searches the pattern only for triples it has not met.
/// </summary>
sealed class ContactTangent(ContactModel contact, Assembler assembler, DofMap dofs)
{
    CscMatrix? pattern;
    int[] feToContact = Array.Empty<int>();
    int[] diagonal = Array.Empty<int>();
    readonly Dictionary<(int, int, int), int> blockStart = new();
    int[] blockPositions = new int[36 * 256];
    int version = -1;

    /// <summary>The pattern changed since the last call: the solver must analyse it again.</summary>
    public bool PatternChanged { get; private set; }

    /// <summary>The tangent from the element stiffness values (in the FE pattern) and the drag scale tau / dt.</summary>
    public CscMatrix Assemble(double[] stiffness, double dragScale)
    {
        PatternChanged = contact.PatternVersion != version || pattern is null;
        if (PatternChanged) Rebuild();
        var values = pattern!.Values;
        Array.Clear(values);
        for (int k = 0; k < feToContact.Length; k++) values[feToContact[k]] += stiffness[k];
        for (int d = 0; d < diagonal.Length; d++)
            if (diagonal[d] >= 0) values[diagonal[d]] += contact.NodeSpring[d >> 1] + dragScale * contact.NodeModulus[d >> 1];
        ScatterBlocks(values);
        return pattern;
    }

    void Rebuild()
    {
        (pattern, feToContact) = SparsityPattern.WithCouplings(assembler.Pattern, dofs, contact.CouplingLists());
        version = contact.PatternVersion;
        diagonal = new int[dofs.DofCount];
        for (int d = 0; d < diagonal.Length; d++) diagonal[d] = dofs.Equation[d] is var eq and >= 0 ? pattern.IndexOf(eq, eq) : -1;
        blockStart.Clear();
    }

    void ScatterBlocks(double[] values)
    {
        var blocks = contact.Hessian;
        for (int k = 0; k < blocks.Count; k++)
        {
            int start = BlockStart(blocks.Nodes(k));
            var h = blocks.Values(k);
            for (int i = 0; i < 36; i++)
                if (blockPositions[start + i] is var p and >= 0) values[p] += h[i];
        }
    }

    /// <summary>Where the 36 positions of the block over (point, a, b) start in <see cref="blockPositions"/>;
    /// -1 marks a constrained row or column.</summary>
    int BlockStart((int Point, int A, int B) nodes)
    {
        if (blockStart.TryGetValue(nodes, out int start)) return start;
        start = 36 * blockStart.Count;
        if (start + 36 > blockPositions.Length) Array.Resize(ref blockPositions, 2 * blockPositions.Length);
        Span<int> n = stackalloc int[] { nodes.Point, nodes.A, nodes.B };
        for (int i = 0; i < 6; i++)
        {
            int row = dofs.Equation[2 * n[i >> 1] + (i & 1)];
            for (int j = 0; j < 6; j++)
            {
                int col = dofs.Equation[2 * n[j >> 1] + (j & 1)];
                int p = row < 0 || col < 0 ? -1 : pattern!.IndexOf(row, col);
                if (row >= 0 && col >= 0 && p < 0) throw new InvalidOperationException($"contact entry ({row}, {col}) is not in the tangent pattern");
                blockPositions[start + 6 * i + j] = p;
            }
        }
        blockStart.Add(nodes, start);
        return start;
    }
}
