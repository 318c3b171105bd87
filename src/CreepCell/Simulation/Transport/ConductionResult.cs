namespace CreepCell.Simulation.Transport;

/// <summary>
/// Effective conductivity of a top-to-bottom conduction: <see cref="EffectiveConductivity"/> = I H / W for
/// a unit potential drop (I: current per unit depth, H and W: current height and width of the box);
/// <see cref="ConductingFraction"/> eps = area of the conducting phases / box area;
/// <see cref="BulkConductivity"/> = their area-weighted mean conductivity; tortuosity factor
/// tau = eps x bulk / effective (1 for straight parallel paths; 0 stands for "no path", where tau is infinite).
/// </summary>
internal sealed record ConductionResult(double EffectiveConductivity, double ConductingFraction, double BulkConductivity, double Tortuosity, double[] Potential);
