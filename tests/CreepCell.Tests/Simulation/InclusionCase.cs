using System.Globalization;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The small runs of the tests: a creeping Se inclusion at the centre of a square of stiff MSE, plane
/// strain, rollers on all sides, galvanostatic cycles at 1 C. Each test states what it changes.
/// </summary>
static class InclusionCase
{
    public static string Text(double sideUm = 10, string elementSize = "2.5 um", string inclusionElementSize = "1 um", double radiusUm = 3,
        double swelling = 0.3, string creepRate = "1e-4 1/s", int n = 3, int cycles = 2, double thetaEnd = 0.22, double maxLithiationStep = 0.25,
        string more = "")
    {
        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        return $$"""
            temperature = "70 degC"
            [mesh]
            generator = "inclusion"
            width = "{{F(sideUm)}} um"
            height = "{{F(sideUm)}} um"
            matrix = "MSE"
            element_size = "{{elementSize}}"
            inclusion_element_size = "{{inclusionElementSize}}"
            [[mesh.inclusions]]
            phase = "Se"
            center = ["{{F(sideUm / 2)}} um", "{{F(sideUm / 2)}} um"]
            radius = "{{F(radiusUm)}} um"
            [materials.Se]
            youngs_modulus = "10 GPa"
            poisson_ratio = 0.3
            swelling = {{F(swelling)}}
            [materials.Se.creep]
            A = "{{creepRate}}"
            n = {{n}}
            sigma_ref = "100 MPa"
            [materials.MSE]
            youngs_modulus = "100 GPa"
            poisson_ratio = 0.3
            [protocol]
            kind = "galvanostatic"
            c_rate = 1
            cycles = {{cycles}}
            theta_end_first = {{F(thetaEnd)}}
            theta_end = {{F(thetaEnd)}}
            [solver]
            max_lithiation_step = {{F(maxLithiationStep)}}

            """ + more;
    }
}
