namespace CreepCell.Analysis.Cycling;

/// <summary>A block of consecutive cycles run at one current, with its mean figures (SI).</summary>
public sealed record RateBlock(int FirstCycle, int LastCycle, double Current, double? CRate, double MeanChargeC, double MeanDischargeC, double? MeanEfficiency);
