namespace CreepCell.Materials;

/// <summary>Deformation regime from the homologous temperature (paper, Fig. 2a: T/Tm >= 0.3 creeps).</summary>
public enum DeformationRegime { Creep, BrittleElastic }
