namespace CreepCell.Sparse;

/// <summary>Fill-reducing ordering of the built-in solver.</summary>
internal enum OrderingMethod
{
    /// <summary>Both AMD and nested dissection; the one with the smaller predicted nnz(L) is used.</summary>
    Best,
    /// <summary>Approximate minimum degree (<see cref="AmdOrdering"/>).</summary>
    Amd,
    /// <summary>Level-structure nested dissection (<see cref="NestedDissection"/>).</summary>
    NestedDissection,
}
