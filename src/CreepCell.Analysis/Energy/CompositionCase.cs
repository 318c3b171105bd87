namespace CreepCell.Analysis.Energy;

/// <summary>Everything a composition file can hold: the components and optional energy and pellet inputs (SI).</summary>
internal sealed record CompositionCase(string Name, List<ComponentSpec> Components, GivenDensities Densities,
    double? MeanVoltage, ReferenceElectrode? Reference, Packing? Packing, double? CathodeCapacity,
    double? PelletMass, double? PelletDiameter, List<Pressing> Pressings);
