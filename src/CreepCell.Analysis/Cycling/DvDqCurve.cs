namespace CreepCell.Analysis.Cycling;

/// <summary>dV/dQ of one half cycle on a charge grid: bin centre Q (C, from the half cycle's start) and |dV/dQ| (V/C).</summary>
public sealed record DvDqCurve(int Cycle, StepKind Direction, double[] Charge, double[] DvDq, double[] Voltage);
