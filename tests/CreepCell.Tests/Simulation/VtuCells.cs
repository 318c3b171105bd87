using System.Globalization;
using System.Xml.Linq;

namespace CreepCell.Tests.Simulation;

/// <summary>Cell arrays of the ASCII VTU files a run lists in fields.pvd.</summary>
static class VtuCells
{
    /// <summary>The times of the files in fields.pvd, in order.</summary>
    public static double[] Times(string outDir) => XDocument.Load(Path.Combine(outDir, "fields.pvd")).Descendants("DataSet")
        .Select(d => double.Parse((string)d.Attribute("timestep")!, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The cell array <paramref name="name"/> of the VTU that fields.pvd lists at time t.</summary>
    public static double[] At(string outDir, double time, string name)
    {
        var file = XDocument.Load(Path.Combine(outDir, "fields.pvd")).Descendants("DataSet")
            .Single(d => Math.Abs(double.Parse((string)d.Attribute("timestep")!, CultureInfo.InvariantCulture) - time) <= 1e-9 * time).Attribute("file")!.Value;
        var array = XDocument.Load(Path.Combine(outDir, file)).Descendants("CellData").Single().Elements("DataArray")
            .Single(a => (string)a.Attribute("Name")! == name);
        return array.Nodes().OfType<XText>().First().Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    }
}
