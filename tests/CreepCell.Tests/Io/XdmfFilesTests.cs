using System.Xml.Linq;
using PureHDF;

namespace CreepCell.Tests.Io;

/// <summary>
/// Every data item of fields.xdmf names an HDF5 file of the run and a dataset in it whose dimensions are
/// the ones the XDMF states; the step files hold the time of their .pvd entry, and the one mesh of the
/// run is stored once (read with PureHDF, so this holds where h5py is missing too).
/// </summary>
[Collection(SmallRunCollection.Name)]
public class XdmfFilesTests(SmallRun run)
{
    [Fact]
    public void EveryDataItemPointsAtADatasetOfItsDimensions()
    {
        Assert.True(run.Result.Code == 0, run.Result.Err);
        var grids = XDocument.Load(Path.Combine(run.Dir, "fields.xdmf")).Descendants("Grid").Where(g => (string?)g.Attribute("GridType") == "Uniform").ToList();
        var pvd = XDocument.Load(Path.Combine(run.Dir, "fields.pvd")).Descendants("DataSet")
            .Select(d => (Time: (double)d.Attribute("timestep")!, Name: Path.GetFileNameWithoutExtension((string)d.Attribute("file")!))).ToList();
        Assert.True(pvd.Count >= 5, $"expected the start and four half-cycle ends, got {pvd.Count} steps");
        Assert.Equal(pvd.Select(p => p.Name), grids.Select(g => (string)g.Attribute("Name")!));
        foreach (var item in grids.Descendants("DataItem"))
        {
            var parts = item.Value.Split(":/");
            using var file = H5File.OpenRead(Path.Combine(run.Dir, parts[0]));
            var dims = file.Dataset(parts[1]).Space.Dimensions;
            Assert.Equal(((string)item.Attribute("Dimensions")!).Split(' ').Select(ulong.Parse), dims);
        }
        foreach (var (time, name) in pvd)
        {
            using var step = H5File.OpenRead(Path.Combine(run.Dir, name + ".h5"));
            Assert.Equal(time, step.Attribute("time").Read<double>());
        }
        Assert.Single(Directory.GetFiles(run.Dir, "fields_mesh_*.h5"));
        Assert.False(File.Exists(Path.Combine(run.Dir, "fields.h5")));
    }
}
