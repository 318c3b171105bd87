namespace CreepCell.Geometry.Packing;

/// <summary>Sides of the RVE square a particle lies flat against (its boundary runs along them).</summary>
[Flags]
public enum RveSide
{
    None = 0,
    Left = 1,
    Right = 2,
    Bottom = 4,
    Top = 8,
}
