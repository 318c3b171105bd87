namespace CreepCell.Simulation;

/// <summary>Parameters of a galvanostatic protocol, kept so that a study can change the cycle count.</summary>
public sealed record GalvanostaticSpec(double CRate, int Cycles, double ThetaStart, double ThetaFull, double ThetaEndFirst,
    double ThetaEnd, double RestAfterLithiation, double RestAfterDelithiation);
