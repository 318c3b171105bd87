namespace CreepCell.Analysis.Cycling;

/// <summary>dQ/dV of one half cycle on a voltage grid: bin centre (V) and dQ/dV (C/V, positive).</summary>
public sealed record DqDvCurve(int Cycle, StepKind Direction, double[] Voltage, double[] DqDv);
