namespace CreepCell.Simulation.Transport;

/// <summary>A conductance between node <see cref="Node"/> and the point (1 - T) A + T B of a segment of
/// another body: current per unit depth = Conductance x (potential at the node - potential at the point).</summary>
internal readonly record struct ConductanceLink(int Node, int A, int B, double T, double Conductance);
