namespace CreepCell.Analysis.PowderConductivity;

/// <summary>sigma = Sigma0 (phi - Threshold)^Exponent fitted to mixtures (sigma in S/m), with R2 of the fit of ln sigma.</summary>
public sealed record PercolationFit(double Sigma0, double Threshold, double Exponent, double RSquared, int Points);
