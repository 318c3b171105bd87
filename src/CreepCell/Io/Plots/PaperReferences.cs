namespace CreepCell.Io.Plots;

/// <summary>
/// The source paper's simulated values (Fig. 4d-e and Results text) as reference points for history
/// plots, in SI: contact ratios as fractions, stresses in Pa, x = cycle number. Only cycles 1 and 20 are
/// stated in the text; the LCO-MSe contact ratios are stated as constant over the cycles.
/// </summary>
internal static class PaperReferences
{
    const string Label = "paper Fig. 4";

    /// <summary>Se-Se contact ratio: 70.5 % in cycle 1, 84.4 % in cycle 20.</summary>
    public static IReadOnlyList<ReferencePoint> ContactSeSe => Pair(0.705, 0.844);

    /// <summary>Se-MSe contact ratio: 67.0 % in cycle 1, 79.5 % in cycle 20.</summary>
    public static IReadOnlyList<ReferencePoint> ContactSeMse => Pair(0.670, 0.795);

    /// <summary>Mean von Mises stress in Se: 0.099 GPa in cycle 1, 0.067 GPa in cycle 20.</summary>
    public static IReadOnlyList<ReferencePoint> VonMisesSe => Pair(0.099e9, 0.067e9);

    /// <summary>Mean von Mises stress in MSe: 0.171 GPa in cycle 1, 0.156 GPa in cycle 20.</summary>
    public static IReadOnlyList<ReferencePoint> VonMisesMse => Pair(0.171e9, 0.156e9);

    /// <summary>LCO-LCO contact ratio of the control cathode: 3.84 %, constant.</summary>
    public static IReadOnlyList<ReferencePoint> ContactLcoLco => Pair(0.0384, 0.0384);

    /// <summary>LCO-MSe contact ratio of the control cathode: 9.10 %, constant.</summary>
    public static IReadOnlyList<ReferencePoint> ContactLcoMse => Pair(0.0910, 0.0910);

    /// <summary>Se utilization of the Se-60MSe cathode (Fig. 5a, Results): 518.2 mAh/g (76.8 %) at first,
    /// 608.2 mAh/g (90.1 %) after "the initial cycles", which the text does not count; drawn at cycle 20.</summary>
    public static IReadOnlyList<ReferencePoint> CapacitySe => Pair(518.2, 608.2, "paper Fig. 5a (rise over the initial cycles)");

    static ReferencePoint[] Pair(double cycle1, double cycle20, string label = Label) =>
        new[] { new ReferencePoint(1, cycle1, label), new ReferencePoint(20, cycle20, label) };
}
