using System.Buffers.Binary;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>
/// EC-Lab binary files (.mpr) from be-smith/navani Example_data (MIT; see Fixtures/biologic/README.md), read
/// against the instrument's own charge columns stored in the same records.
/// </summary>
public class BioLogicMprTests
{
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "biologic", name);

    [Fact]
    public void GcplFileGivesTheInstrumentHalfCycleCapacities()
    {
        // Older layout (version 3), no current column: the current comes from dQ/mA.h per record.
        var data = CyclerFile.Read(Fixture("jdb11-1_c3_gcpl_C09_cut.mpr"));
        Assert.Equal("BioLogic EC-Lab binary (.mpr)", data.Format);
        Assert.Equal(8800, data.Records.Count);
        Assert.InRange(data.Records.Max(r => r.Voltage), 3.7, 3.81);
        Assert.InRange(data.Records.Min(r => r.Voltage), 1.99, 2.1);
        var halves = HalfCycles.Split(data);
        // The instrument's "Q charge/discharge/mA.h" at the end of its half cycles 0, 2 and 3:
        // -0.206529, 0.986781, -0.852855 mAh.
        double[] tester = { 0.20652871427545638, 0.9867813600429652, 0.8528549910909516 };
        Assert.True(halves.Count >= 3);
        for (int k = 0; k < 3; k++) Assert.Equal(tester[k], halves[k].Coulombs / 3.6, tester[k] * 2e-3);
        Assert.Equal(StepKind.Discharge, halves[0].Direction);
        Assert.Equal(StepKind.Charge, halves[1].Direction);
    }

    [Fact]
    public void NewLayoutFileCurrentIntegratesToTheInstrumentQColumn()
    {
        // EC-Lab 11.50 layout (module header with a 0xFFFFFFFF marker, two-byte column count), I/mA stored.
        string path = Fixture("00_test_04_MB_C01.mpr");
        var data = CyclerFile.Read(path);
        Assert.Equal(1501, data.Records.Count);
        double integrated = 0;
        for (int k = 1; k < data.Records.Count; k++)
            integrated += data.Records[k].Current * (data.Records[k].Time - data.Records[k - 1].Time);
        // (Q-Qo)/mA.h of the last record, read from the file at its documented place: the record ends with
        // Q-Qo, Energy, Q charge/discharge (8 bytes each) and half cycle (4 bytes).
        var b = File.ReadAllBytes(path);
        int logAt = System.Text.Encoding.ASCII.GetString(b).IndexOf("MODULEVMP LOG", StringComparison.Ordinal);
        double qLast = BinaryPrimitives.ReadDoubleLittleEndian(b.AsSpan(logAt - 4 - 8 - 8 - 8));
        Assert.Equal(qLast * 3.6, integrated, Math.Abs(qLast * 3.6) * 2e-3);
    }

    [Fact]
    public void TruncatedMprIsRefusedWithOneMessage()
    {
        var b = File.ReadAllBytes(Fixture("jdb11-1_c3_gcpl_C09_cut.mpr"));
        string path = Path.Combine(CyclingFixtures.TempDir(), "cut.mpr");
        File.WriteAllBytes(path, b[..(b.Length / 3)]);
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(path));
        Assert.Contains("truncated", e.Message);
    }
}
