namespace CreepCell.Analysis.Energy;

/// <summary>
/// Cathode-level energy density as the paper's Table S7 lays it out: true density
/// rho_s = 1/sum(w_i/rho_i); electrode density rho_e = rho_s (1 - phi); cathode specific capacity
/// q = sum(w_i q_i) over active components (or measured); mean voltage vs Li = V_ref + E_ref;
/// gravimetric energy e_g = q V (Wh/kg = mAh/g x V) and volumetric e_v = e_g rho_e (Wh/L = Wh/kg x g/cm3).
/// Energies are per mass and volume of the cathode composite (pores included in the volume).
/// </summary>
public static class EnergyDensity
{
    public static EnergyResult Compute(EnergyInputs input)
    {
        var comp = input.Composition;
        double rhoS = comp.TrueDensity;
        var (rhoE, phi) = Pack(input.Packing, rhoS);
        double q = input.CathodeCapacity ?? comp.SpecificCapacity;
        if (!(q > 0)) throw new ArgumentException("no active component and no measured capacity: the cathode stores no charge");
        if (!(input.MeanVoltage > 0) || !double.IsFinite(input.MeanVoltage))
            throw new ArgumentException($"mean discharge voltage {input.MeanVoltage:G4} V vs {input.Reference.Name}: expected a positive voltage");
        var rows = comp.Components.Select(c => new EnergyComponentRow(c.Name, c.MassFraction, c.Density, c.DensitySource,
            comp.SolidVolumeFraction(c), comp.SolidVolumeFraction(c) * (1 - phi), c.Active, c.Capacity, c.Active ? c.MassFraction * c.Capacity : 0)).ToList();
        double vLi = input.MeanVoltage + input.Reference.VoltsVsLi;
        return new EnergyResult(rows, rhoS, rhoE, phi, q, input.CathodeCapacity is not null, q * rhoE, input.MeanVoltage, input.Reference, vLi,
            q * vLi, q * vLi * rhoE, q * input.MeanVoltage, q * input.MeanVoltage * rhoE);
    }

    /// <summary>Electrode density and porosity from whichever of the two is given.</summary>
    public static (double Density, double Porosity) Pack(Packing p, double trueDensity)
    {
        if (p.Porosity is double phi)
        {
            if (phi is < 0 or >= 1) throw new ArgumentException($"porosity must be in [0, 1), got {phi}");
            return (trueDensity * (1 - phi), phi);
        }
        if (p.ElectrodeDensity is double rho)
        {
            if (!(rho > 0) || rho > trueDensity * (1 + 1e-9))
                throw new ArgumentException($"electrode density {rho / 1000:G4} g/cm3 must be positive and at most the true density {trueDensity / 1000:G4} g/cm3");
            return (rho, Math.Max(0, 1 - rho / trueDensity));
        }
        return (trueDensity, 0);
    }
}
