namespace CreepCell.Sweeps;

/// <summary>Where a run stands, read from its folder alone.</summary>
public enum RunState { Pending, Interrupted, Failed, Finished }
