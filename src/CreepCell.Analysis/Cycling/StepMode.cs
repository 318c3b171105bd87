namespace CreepCell.Analysis.Cycling;

/// <summary>What a step does: constant-current charge or discharge, constant voltage (either direction) or rest.</summary>
public enum StepMode { Rest, CcCharge, CcDischarge, Cv }
