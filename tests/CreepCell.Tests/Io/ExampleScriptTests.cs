using System.Text.Json;
using System.Xml.Linq;

namespace CreepCell.Tests.Io;

/// <summary>
/// examples/plot_run.py runs on a run folder: it reads cycles.csv and the XDMF time series (the same
/// steps and times as fields.pvd) and writes its two figures as PNG.
/// </summary>
[Collection(SmallRunCollection.Name)]
public class ExampleScriptTests(SmallRun run)
{
    static string Script()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string path = Path.Combine(d.FullName, "examples", "plot_run.py");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("examples/plot_run.py not found above " + AppContext.BaseDirectory);
    }

    [SkippableFact]
    public void PlotRunReadsTheOutputsAndWritesBothFigures()
    {
        string? python = PythonTools.Find("matplotlib", "meshio", "h5py", "numpy");
        Skip.If(python is null, "matplotlib, meshio or h5py is not importable by python3 (apt-get install python3-matplotlib python3-meshio python3-h5py)");
        Assert.True(run.Result.Code == 0, run.Result.Err);
        string figures = Directory.CreateTempSubdirectory("creepcell-example-").FullName;
        var (code, text) = PythonTools.Run(python, Script(), run.Dir, figures);
        Assert.True(code == 0, text);
        using var json = JsonDocument.Parse(text.Trim().Split('\n')[^1]);
        var r = json.RootElement;
        var pvd = XDocument.Load(Path.Combine(run.Dir, "fields.pvd")).Descendants("DataSet").Select(d => (double)d.Attribute("timestep")!).ToList();
        Assert.Equal(pvd.Count, r.GetProperty("field_steps").GetInt32());
        Assert.Equal(pvd[^1], r.GetProperty("last_time_s").GetDouble());
        Assert.Equal(File.ReadAllLines(Path.Combine(run.Dir, "cycles.csv")).Length - 1, r.GetProperty("cycles").GetInt32());
        foreach (var png in new[] { "contact_ratio.png", "field_map.png" })
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(Path.Combine(figures, png)).Take(4));
    }
}
