using System.Text.Json;
using System.Xml.Linq;

namespace CreepCell.Tests.Io;

/// <summary>
/// fields.xdmf and its HDF5 files (one per mesh, one per step) read by h5py and by meshio's XDMF
/// time-series reader: one step per VTU file of the .pvd, at the same times, with the same arrays (values
/// equal to those meshio reads from the VTU files) and their units as HDF5 attributes.
/// </summary>
[Collection(SmallRunCollection.Name)]
public class XdmfSeriesTests(SmallRun run)
{
    const string Script = """
        import json, os, sys
        import h5py
        import numpy as np
        import meshio
        d = sys.argv[1]
        vtus = sys.argv[2:]
        out = {"steps": [], "units": {}, "equal": True}
        out["meshes"] = len([n for n in os.listdir(d) if n.startswith("fields_mesh_") and n.endswith(".h5")])
        with h5py.File(os.path.join(d, vtus[0].replace(".vtu", ".h5")), "r") as f:
            out["first_time"] = float(f.attrs["time"])
            for name, ds in f.items():
                out["units"][name] = ds.attrs["units"].decode() if isinstance(ds.attrs.get("units"), bytes) else ds.attrs.get("units")
        with meshio.xdmf.TimeSeriesReader(os.path.join(d, "fields.xdmf")) as r:
            points, cells = r.read_points_cells()
            for k in range(r.num_steps):
                t, pd, cd = r.read_data(k)
                v = meshio.read(os.path.join(d, vtus[k]))
                same = np.array_equal(points, v.points) and np.array_equal(pd["displacement"], v.point_data["displacement"])
                same = same and all(np.array_equal(cd[n][0], v.cell_data[n][0]) for n in v.cell_data)
                out["equal"] = out["equal"] and bool(same)
                out["steps"].append(t)
        print(json.dumps(out))
        """;

    [SkippableFact]
    public void H5pyAndMeshioReadTheTimeSeriesAsTheVtuFiles()
    {
        string? python = PythonTools.Find("meshio", "h5py", "numpy");
        Skip.If(python is null, "h5py or meshio is not importable by python3 (apt-get install python3-h5py python3-meshio)");
        Assert.True(run.Result.Code == 0, run.Result.Err);
        var pvd = XDocument.Load(Path.Combine(run.Dir, "fields.pvd")).Descendants("DataSet")
            .Select(d => (Time: (double)d.Attribute("timestep")!, File: (string)d.Attribute("file")!)).ToList();
        Assert.True(pvd.Count >= 5, $"expected the start and four half-cycle ends, got {pvd.Count} field files");
        var args = new[] { run.Dir }.Concat(pvd.Select(p => p.File)).ToArray();
        using var json = JsonDocument.Parse(PythonTools.RunScript(python, Directory.CreateTempSubdirectory("creepcell-xdmf-").FullName, Script, args));
        var r = json.RootElement;
        Assert.Equal(pvd.Select(p => p.Time), r.GetProperty("steps").EnumerateArray().Select(x => x.GetDouble()));
        Assert.True(r.GetProperty("equal").GetBoolean(), "the XDMF steps differ from the VTU files");
        Assert.Equal(1, r.GetProperty("meshes").GetInt32());
        Assert.Equal(pvd[0].Time, r.GetProperty("first_time").GetDouble());
        var units = r.GetProperty("units");
        Assert.Equal("m", units.GetProperty("displacement").GetString());
        Assert.Equal("Pa", units.GetProperty("von_mises").GetString());
    }
}
