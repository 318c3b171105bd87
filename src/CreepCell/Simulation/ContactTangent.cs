using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// The tangent of a problem with contact: the element stiffness in the FE pattern widened by the node
/// pairs that contact has coupled so far, plus the diagonal anchor springs and drag, plus the Hessian
/// blocks of the contact terms. The widened pattern is rebuilt only when the coupling set grows.
/// </summary>
sealed class ContactTangent(ContactModel contact, Assembler assembler, DofMap dofs)
{
    CscMatrix? pattern;
    int[] feToContact = Array.Empty<int>();
    int version = -1;

    /// <summary>The pattern changed since the last call: the solver must analyse it again.</summary>
    public bool PatternChanged { get; private set; }

    /// <summary>The tangent from the element stiffness values (in the FE pattern) and the drag scale tau / dt.</summary>
    public CscMatrix Assemble(double[] stiffness, double dragScale)
    {
        PatternChanged = contact.PatternVersion != version || pattern is null;
        if (PatternChanged)
        {
            (pattern, feToContact) = SparsityPattern.WithCouplings(assembler.Pattern, dofs, contact.CouplingLists());
            version = contact.PatternVersion;
        }
        var values = pattern!.Values;
        Array.Clear(values);
        for (int k = 0; k < feToContact.Length; k++) values[feToContact[k]] += stiffness[k];
        for (int d = 0; d < dofs.DofCount; d++)
            if (dofs.Equation[d] is var eq and >= 0) values[pattern.IndexOf(eq, eq)] += contact.NodeSpring[d >> 1] + dragScale * contact.NodeModulus[d >> 1];
        ScatterBlocks(values);
        return pattern;
    }

    void ScatterBlocks(double[] values)
    {
        Span<int> nodes = stackalloc int[3];
        var blocks = contact.Hessian;
        for (int k = 0; k < blocks.Count; k++)
        {
            (nodes[0], nodes[1], nodes[2]) = blocks.Nodes(k);
            var h = blocks.Values(k);
            for (int i = 0; i < 6; i++)
            {
                int row = dofs.Equation[2 * nodes[i >> 1] + (i & 1)];
                if (row < 0) continue;
                for (int j = 0; j < 6; j++)
                {
                    int col = dofs.Equation[2 * nodes[j >> 1] + (j & 1)];
                    if (col >= 0) values[pattern!.IndexOf(row, col)] += h[6 * i + j];
                }
            }
        }
    }
}
