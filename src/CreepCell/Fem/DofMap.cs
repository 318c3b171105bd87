namespace CreepCell.Fem;

/// <summary>
/// Two displacement dofs per node (2 n, 2 n + 1). Constrained dofs carry a prescribed value and no
/// equation; free dofs are numbered 0..FreeCount-1 in node order.
/// </summary>
internal sealed class DofMap
{
    public int DofCount { get; }
    public int[] Equation { get; }
    public double[] Prescribed { get; }
    public int FreeCount { get; private set; }

    public DofMap(int nodeCount, IEnumerable<(int Dof, double Value)> constraints)
    {
        DofCount = 2 * nodeCount;
        Equation = new int[DofCount];
        Prescribed = new double[DofCount];
        foreach (var (dof, value) in constraints)
        {
            Equation[dof] = -1;
            Prescribed[dof] = value;
        }
        int next = 0;
        for (int i = 0; i < DofCount; i++)
            if (Equation[i] == 0) Equation[i] = next++;
        FreeCount = next;
    }

    public bool IsConstrained(int dof) => Equation[dof] < 0;
}
