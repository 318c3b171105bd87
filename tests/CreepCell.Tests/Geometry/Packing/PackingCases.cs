using CreepCell.Geometry.Packing;

namespace CreepCell.Tests.Geometry.Packing;

/// <summary>
/// The packings the tests look at, generated once per test run: the paper's Se-60MSe cathode for
/// three seeds and two other compositions (an LCO-MSe control with larger active particles, and a
/// three-phase cathode with a solid electrolyte), and the first two again with the pores as voids.
/// </summary>
static class PackingCases
{
    public static PackingSpec LcoMse => new(
        24e-6, 7,
        new[] { new PhaseSpec("LCO", 0.40, 4e-6, 0.3), new PhaseSpec("MSe", 0.35, 2e-6, 0.2) });

    public static PackingSpec ThreePhase => new(
        16e-6, 11,
        new[] { new PhaseSpec("Se", 0.30, 2.5e-6, 0.25), new PhaseSpec("MSe", 0.30, 2e-6, 0.25), new PhaseSpec("LPSCl", 0.20, 1.5e-6, 0.3) },
        CornerRadius: 0.3, MinGap: 0.03);

    static readonly Lazy<Dictionary<string, CreepCell.Geometry.Packing.Packing>> Cache = new(() => new()
    {
        ["SeMse1"] = PackingGenerator.Generate(PackingSpec.SeMse(1)),
        ["SeMse2"] = PackingGenerator.Generate(PackingSpec.SeMse(2)),
        ["SeMse3"] = PackingGenerator.Generate(PackingSpec.SeMse(3)),
        ["LcoMse"] = PackingGenerator.Generate(LcoMse),
        ["ThreePhase"] = PackingGenerator.Generate(ThreePhase),
        ["SeMseVoids"] = PackingGenerator.Generate(PackingSpec.SeMse(1) with { Voids = new VoidSpec(1.5e-6, 0.3) }),
        ["LcoMseVoids"] = PackingGenerator.Generate(LcoMse with { Voids = new VoidSpec(2e-6, 0.3) }),
    });

    public static CreepCell.Geometry.Packing.Packing Get(string name) => Cache.Value[name];

    public static IEnumerable<object[]> Names =>
        new[] { "SeMse1", "SeMse2", "SeMse3", "LcoMse", "ThreePhase", "SeMseVoids", "LcoMseVoids" }.Select(n => new object[] { n });
}
