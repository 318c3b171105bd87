using System.Globalization;
using CreepCell.Io;
using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The paper's Se-60MSe against LCO-MSe comparison at reduced size: the presets on a 12 um RVE (the
/// smallest whose Se-Se contacts involve more than a few particles) for three cycles instead of 20
/// (0.1 C, stack plate at 100 MPa). Values are read at full lithiation (cycles.csv).
/// </summary>
public class StudyTrendTests(ITestOutputHelper output)
{
    const int Cycles = 3;

    static List<Dictionary<string, double>> RunCycles(string preset) => RunCycles(preset, BuiltInCases.WithSide(BuiltInCases.Text(preset), 12));

    static List<Dictionary<string, double>> RunCycles(string preset, string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-trend-" + preset + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            var def = CaseReader.Read(preset, text, dir);
            new CaseRunner(def with { Protocol = def.Protocol.WithCycles(Cycles) }, dir).Run();
            var lines = File.ReadAllLines(Path.Combine(dir, "cycles.csv"));
            var header = lines[0].Split(',');
            return lines.Skip(1).Select(l => l.Split(',').Select((v, i) => (header[i], double.Parse(v, CultureInfo.InvariantCulture)))
                .ToDictionary(p => p.Item1, p => p.Item2)).ToList();
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void CreepingSeFillsThePoresAndGainsContactsWhileElasticLcoStaysStressedAndKeepsItsContacts()
    {
        var se = RunCycles("se-60mse");
        var lco = RunCycles("lco-mse");
        foreach (var (name, rows) in new[] { ("Se", se), ("LCO", lco) })
            foreach (var r in rows)
                output.WriteLine($"{name} cycle {r["cycle"]}: " + string.Join(", ", r.Where(p => p.Key.StartsWith("full_vm") || p.Key.StartsWith("full_contact"))
                    .Select(p => $"{p.Key[5..]} {p.Value:G4}")));
        Assert.Equal(Cycles, se.Count);
        Assert.Equal(Cycles, lco.Count);
        var (seFirst, seLast, lcoFirst, lcoLast) = (se[0], se[^1], lco[0], lco[^1]);
        // Se creeps into the pores: at full lithiation the porosity falls from cycle to cycle, and the Se
        // contacts grow over the cycles by far more than one cycle scatters (0.3 to 0.6 points on this box,
        // docs/long-horizon.md); measured Se-Se 0.173, 0.209, 0.213; Se-MSe 0.306, 0.374, 0.403
        for (int c = 1; c < Cycles; c++)
        {
            Assert.True(se[c]["full_porosity"] < se[c - 1]["full_porosity"]);
            Assert.True(se[c]["full_contact_ratio_Se_Se"] > se[c - 1]["full_contact_ratio_Se_Se"] - 0.006);
            Assert.True(se[c]["full_contact_ratio_Se_MSe"] > se[c - 1]["full_contact_ratio_Se_MSe"] - 0.006);
        }
        Assert.True(seLast["full_contact_ratio_Se_Se"] > seFirst["full_contact_ratio_Se_Se"] + 0.02);
        Assert.True(seLast["full_contact_ratio_Se_MSe"] > seFirst["full_contact_ratio_Se_MSe"] + 0.02);
        // the particles of the pressed LCO cathode touch (measured LCO-LCO 5.7 %, LCO-MSe 15.4 %), and as LCO
        // barely swells its contact ratios do not change (the paper: constant)
        Assert.True(lcoFirst["full_contact_ratio_LCO_LCO"] > 0.01 && lcoFirst["full_contact_ratio_LCO_MSe"] > 0.01);
        foreach (var key in lcoFirst.Keys.Where(k => k.StartsWith("full_contact_ratio")))
            Assert.InRange(lcoLast[key] - lcoFirst[key], -0.005, 0.005);
        // the elastic active material carries far more stress than the creeping one
        Assert.True(lcoLast["full_vm_max_LCO_Pa"] > 10 * seLast["full_vm_max_Se_Pa"]);
    }

    /// <summary>
    /// As the study runs it (remeshing below 10 degrees), on the 8 um packing of seed 5, the one of
    /// bench/results/study-paper-seeds-remesh.md whose stresses fall from the first cycles on: as Se
    /// conforms to its neighbours, the mean von Mises stress at full lithiation falls in Se (measured
    /// 53.80, 53.35, 53.07 MPa) and in MSe (123.8, 110.7, 100.3 MPa), while the Se contacts grow.
    /// </summary>
    [Fact]
    public void WithRemeshingTheStressesFallAsSeConformsToItsNeighbours()
    {
        string text = BuiltInCases.WithRemeshAngle(BuiltInCases.WithSeed(BuiltInCases.Text("se-60mse"), 5), StudyOptions.DefaultRemeshAngle);
        var se = RunCycles("se-60mse", text);
        foreach (var r in se)
            output.WriteLine($"cycle {r["cycle"]}: Se {r["full_vm_mean_Se_Pa"]:G5} Pa, MSe {r["full_vm_mean_MSe_Pa"]:G5} Pa, Se-Se {r["full_contact_ratio_Se_Se"]:G4}, Se-MSe {r["full_contact_ratio_Se_MSe"]:G4}");
        Assert.Equal(Cycles, se.Count);
        var (first, last) = (se[0], se[^1]);
        Assert.True(last["full_vm_mean_Se_Pa"] < 0.995 * first["full_vm_mean_Se_Pa"]);
        Assert.True(last["full_vm_mean_MSe_Pa"] < 0.9 * first["full_vm_mean_MSe_Pa"]);
        Assert.True(last["full_contact_ratio_Se_Se"] > first["full_contact_ratio_Se_Se"]);
        Assert.True(last["full_contact_ratio_Se_MSe"] > first["full_contact_ratio_Se_MSe"]);
    }
}
