using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>GITT on synthetic transients built from the Weppner-Huggins relation with a known D.</summary>
public class GittTests
{
    // Se-like inputs: V_M = 16.42 cm3/mol, M = 78.97 g/mol, 2 mg active on 0.785 cm2.
    static readonly GittInputs Inputs = new(16.42e-6, 78.97e-3, 2e-6, 0.785e-4);

    /// <summary>
    /// Pulses of tau = 1 h at -0.1 mA from rests of 2 h: during a pulse E = E0 - IR - dEt sqrt(t/tau), and
    /// after relaxing E0 - dEs, with dEt = dEs 2L / sqrt(pi tau D) so that the relation returns D exactly.
    /// </summary>
    static CyclerData Transients(double[] diffusivities, double tau = 3600, double rest = 7200, double dEs = 0.02, double ir = 0.015)
    {
        var pts = new List<(double, double, double)>();
        double t = 0, e0 = 2.2, L = Inputs.Length;
        for (int k = 0; k <= 10; k++) pts.Add((t + k * rest / 10, 0, e0));
        t += rest;
        foreach (double d in diffusivities)
        {
            double dEt = dEs * 2 * L / Math.Sqrt(Math.PI * tau * d);
            for (int k = 1; k <= 60; k++) pts.Add((t + k * tau / 60, -1e-4, e0 - ir - dEt * Math.Sqrt(k / 60.0)));
            t += tau;
            e0 -= dEs;
            for (int k = 1; k <= 20; k++) pts.Add((t + k * rest / 20, 0, e0 + (e0 + dEs - ir - dEt - e0) * Math.Exp(-k)));
            t += rest;
        }
        return CyclingFixtures.Synthetic(pts);
    }

    [Fact]
    public void RecoversTheDiffusivityOfEachPulse()
    {
        double[] d = { 1e-14, 3e-15, 2e-13 };
        var pulses = Gitt.Analyze(Transients(d), Inputs);
        Assert.Equal(3, pulses.Count);
        for (int i = 0; i < d.Length; i++)
        {
            Assert.Equal(d[i], pulses[i].Diffusivity, d[i] * 1e-3);
            Assert.Equal(3600, pulses[i].Tau, 1e-9);
            Assert.Equal(-0.015, pulses[i].IrDrop, 1e-9);
            Assert.True(pulses[i].LinearityR2 > 0.999999);
            Assert.Equal(StepKind.Discharge, pulses[i].Direction);
        }
    }

    [Fact]
    public void DiffusionLengthIsActiveVolumePerArea()
    {
        Assert.Equal(2e-6 * 16.42e-6 / (78.97e-3 * 0.785e-4), Inputs.Length, 1e-15);
    }
}
