namespace CreepCell.Analysis.Cycling;

/// <summary>Per-cycle analysis options.</summary>
public sealed record CycleOptions(CellInfo Cell, EfficiencyConvention Efficiency = EfficiencyConvention.OutOverIn, int ReferenceCycle = 1, StepKind RetentionOf = StepKind.Discharge);
