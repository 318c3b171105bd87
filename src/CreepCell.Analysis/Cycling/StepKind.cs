namespace CreepCell.Analysis.Cycling;

/// <summary>What a record's step does, from the tester's step type or from the sign of the current.</summary>
public enum StepKind { Rest, Charge, Discharge }
