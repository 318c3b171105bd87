namespace CreepCell.Materials;

/// <summary>Charge carriers a phase conducts.</summary>
[Flags]
public enum Conduction
{
    None = 0,
    Electrons = 1,
    Ions = 2,
}
