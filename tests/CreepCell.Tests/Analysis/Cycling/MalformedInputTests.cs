using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>Truncated or malformed exports give one clear error naming the file and the row.</summary>
public class MalformedInputTests
{
    static string WriteLines(string name, IEnumerable<string> lines)
    {
        string path = Path.Combine(CyclingFixtures.TempDir(), name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void TruncatedRecordFileNamesTheCutRow()
    {
        var lines = File.ReadAllLines(CyclingFixtures.NewareRecord).Take(501).ToList();
        lines[^1] = lines[^1][..12];
        string path = WriteLines("cut.csv", lines);
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("row 501", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void NonNumericVoltageNamesRowAndColumn()
    {
        var lines = File.ReadAllLines(CyclingFixtures.NewareRecord).Take(300).ToList();
        var f = lines[120].Split(',');
        f[7] = "4.1x";
        lines[120] = string.Join(',', f);
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(WriteLines("bad.csv", lines)));
        Assert.Contains("row 121", e.Message);
        Assert.Contains("Voltage(V)", e.Message);
        Assert.Contains("4.1x", e.Message);
    }

    [Fact]
    public void TruncatedLayeredExportNamesTheRow()
    {
        var lines = File.ReadAllLines(CyclingFixtures.NewareLayered).Take(400).ToList();
        lines[^1] = ",,1234,00:";
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(WriteLines("layered.csv", lines)));
        Assert.Contains("row 400", e.Message);
    }

    [Fact]
    public void TimeGoingBackwardsIsRejected()
    {
        string path = WriteLines("back.csv", new[] { "Time(s),Current(A),Voltage(V)", "0,0.1,3", "10,0.1,3.1", "5,0.1,3.2" });
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(path));
        Assert.Contains("row 4", e.Message);
        Assert.Contains("backwards", e.Message);
    }

    [Fact]
    public void FileWithoutRecognisableHeaderAsksForAColumnMapping()
    {
        string path = WriteLines("odd.csv", new[] { "a,b,c", "1,2,3", "2,3,4" });
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(path));
        Assert.Contains("--column", e.Message);
    }

    [Fact]
    public void MappingToAMissingColumnIsRejected()
    {
        var e = Assert.Throws<InputException>(() => ColumnMapping.Parse(new[] { "power=P" }, "--column"));
        Assert.Contains("--column", e.Message);
    }
}
