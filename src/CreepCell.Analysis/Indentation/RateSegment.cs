namespace CreepCell.Analysis.Indentation;

/// <summary>One constant-rate segment of a strain-rate-jump test: depth span used, mean indentation strain rate (1/s) and hardness (Pa).</summary>
public readonly record struct RateSegment(double DepthFrom, double DepthTo, double StrainRate, double Hardness, int Points);
