using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>Scratch memory of one thread for the element loop, sized for the largest element.</summary>
internal sealed class ElementWorkspace
{
    public const int MaxNodes = 9, MaxDofs = 18, MaxPoints = 9;
    public readonly double[] GradN = new double[MaxPoints * MaxNodes * 2];
    public readonly double[] Volume0 = new double[MaxPoints];
    public readonly double[] F = new double[MaxPoints * 4];
    public readonly double[] J = new double[MaxPoints];
    public readonly double[] DJ = new double[MaxPoints * MaxDofs];
    /// <summary>Projection of J: Jbar_q = sum_p Projection[q * MaxPoints + p] J_p.</summary>
    public readonly double[] Projection = new double[MaxPoints * MaxPoints];
    public readonly double[] Jbar = new double[MaxPoints];
    public readonly double[] DJbar = new double[MaxPoints * MaxDofs];
    public readonly double[] DDJbar = new double[MaxPoints * MaxDofs * MaxDofs];
    public readonly double[] Alpha = new double[MaxDofs];
    public readonly double[] RatioBar = new double[MaxDofs];
    public readonly double[] RatioPoint = new double[MaxDofs];
    public readonly double[] B = new double[4 * MaxDofs];
    public readonly double[] AB = new double[4 * MaxDofs];
    public readonly double[] PdF = new double[MaxDofs];
    public readonly double[] Fbar = new double[4];
    public readonly double[] Tangent = new double[16];
    /// <summary>The F33 entries of the material tangent (<see cref="MaterialPoint.Update(Material, ReadOnlySpan{double}, double, double, double, double, in PointState, ref PointResponse, Span{double}, Span{double})"/>).</summary>
    public readonly double[] StretchTangent = new double[9];
    /// <summary>Element sums under generalized plane strain: dR_u/dF33 and dR33/du per element dof.</summary>
    public readonly double[] StretchColumn = new double[MaxDofs], StretchRow = new double[MaxDofs];
    /// <summary>Element sums: out-of-plane force, its derivative in F33, and the original area.</summary>
    public double StretchForce, StretchStiffness, OriginalArea;
    public readonly double[] Residual = new double[MaxDofs];
    public readonly double[] Stiffness = new double[MaxDofs * MaxDofs];
    public readonly double[] Xe = new double[MaxDofs];
    public readonly double[] Ue = new double[MaxDofs];
    public PointResponse Response;

    public void ClearStretch(int nd)
    {
        StretchForce = StretchStiffness = OriginalArea = 0;
        StretchColumn.AsSpan(0, nd).Clear();
        StretchRow.AsSpan(0, nd).Clear();
    }
}
