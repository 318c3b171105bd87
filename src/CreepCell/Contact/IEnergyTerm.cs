namespace CreepCell.Contact;

/// <summary>How the Hessian of an energy term is wanted.</summary>
internal enum HessianKind
{
    /// <summary>Forces and energy only.</summary>
    None,
    /// <summary>Each block projected to positive semi-definite (IPC's choice, robust far from the solution).</summary>
    Projected,
    /// <summary>The exact Hessian, which keeps Newton quadratic near the solution.</summary>
    Exact,
}

/// <summary>
/// One energy term of the model beside the elements: it adds its energy, its gradient to the forces (all
/// dofs) and, if wanted, its Hessian blocks. False when the state is outside the term's domain (a
/// barrier distance not positive).
/// </summary>
internal interface IEnergyTerm
{
    bool Add(double[] u, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy);
}
