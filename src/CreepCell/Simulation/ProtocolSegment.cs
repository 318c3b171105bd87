namespace CreepCell.Simulation;

/// <summary>One linear piece of theta(t), with the cycle it belongs to.</summary>
public sealed record ProtocolSegment(double Start, double End, double ThetaStart, double ThetaEnd, int Cycle, HalfCycle Half);
