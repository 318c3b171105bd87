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
        // Diffusivities for which tau = 1 h is short against L^2/D (tau D / L^2 = 0.013, 0.004, 0.064), as the relation needs.
        double[] d = { 1e-16, 3e-17, 5e-16 };
        var pulses = Gitt.Analyze(Transients(d), Inputs);
        Assert.Equal(3, pulses.Count);
        for (int i = 0; i < d.Length; i++)
        {
            Assert.Equal(d[i], pulses[i].Diffusivity, d[i] * 1e-3);
            Assert.Equal(3600, pulses[i].Tau, 1e-9);
            Assert.Equal(-0.015, pulses[i].IrDrop, 1e-9);
            Assert.True(pulses[i].LinearityR2 > 0.999999);
            Assert.Equal(StepKind.Discharge, pulses[i].Direction);
            Assert.True(pulses[i].IsValid, pulses[i].Rejection);
        }
    }

    [Fact]
    public void PulseLongAgainstTheDiffusionTimeIsRejected()
    {
        // tau D / L^2 = 3600 s x 1e-14 m2/s / (5.30 um)^2 = 1.28, beyond the short-time solution.
        var p = Assert.Single(Gitt.Analyze(Transients(new[] { 1e-14 }), Inputs));
        Assert.Equal(3600 * 1e-14 / (Inputs.Length * Inputs.Length), p.TauOverDiffusionTime, 1e-3);
        Assert.Equal(1.28, p.TauOverDiffusionTime, 0.01);
        Assert.False(p.IsValid);
        Assert.Contains("tau D / L^2", p.Rejection);
    }

    [Fact]
    public void PulseFollowedByAnUnrelaxedRestIsRejected()
    {
        // When the rest ends the voltage still rises by 1 mV per 72 s: 3 mV over its last fifth, against dEs = 5 mV.
        var pts = new List<(double, double, double)>();
        for (int k = 0; k <= 10; k++) pts.Add((k * 720.0, 0, 2.2));
        for (int k = 1; k <= 60; k++) pts.Add((7200 + k * 60.0, -1e-4, 2.185 - 0.01 * Math.Sqrt(k / 60.0)));
        for (int k = 1; k <= 20; k++) pts.Add((10800 + k * 72.0, 0, 2.175 + 0.02 * k / 20));
        var p = Assert.Single(Gitt.Analyze(CyclingFixtures.Synthetic(pts), Inputs));
        Assert.Equal(0.003, p.RestDrift, 1e-9);
        Assert.False(p.IsValid);
        Assert.Contains("not relaxed", p.Rejection);
    }

    [Fact]
    public void DiffusionLengthIsActiveVolumePerArea()
    {
        Assert.Equal(2e-6 * 16.42e-6 / (78.97e-3 * 0.785e-4), Inputs.Length, 1e-15);
    }
}
