using System.CommandLine;
using System.Globalization;
using CreepCell.Geometry.Packing;
using Spectre.Console;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell microstructure case.toml --svg rve.svg`: packs the [microstructure] section and reports it.</summary>
static class MicrostructureCommand
{
    public static Command Create()
    {
        var caseFile = new Argument<string?>("case") { Description = "case file (TOML) with a [microstructure] section (a packing or an image)", Arity = ArgumentArity.ZeroOrOne };
        var svg = new Option<string?>("--svg") { Description = "write a drawing of the packing as SVG" };
        var png = new Option<string?>("--png") { Description = "write a drawing of the packing as PNG (an image RVE: its mesh over the image)" };
        var image = new MicrostructureImage.Options();
        var cmd = new Command("microstructure", "Generate the particle packing of a case file, or the RVE of a segmented image, and report it");
        cmd.Arguments.Add(caseFile);
        cmd.Options.Add(svg);
        cmd.Options.Add(png);
        image.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            if (pr.GetValue(image.Image) is not null)
                return MicrostructureImage.Run("command line", MicrostructureImage.TableFromOptions(pr, image), Environment.CurrentDirectory, pr.GetValue(png), pr.GetValue(image.Msh));
            string path = pr.GetValue(caseFile) ?? throw new InputException("microstructure", null, "expected a case file or --image FILE");
            if (IsImageCase(path))
                return MicrostructureImage.Run(Path.GetFileName(path), File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!, pr.GetValue(png), pr.GetValue(image.Msh));
            var spec = PackingSpecToml.FromCase(ReadToml(path), Path.GetFileName(path));
            var packing = PackingGenerator.Generate(spec);
            Print(packing);
            if (pr.GetValue(svg) is string s) PackingDrawing.WriteSvg(packing, s);
            if (pr.GetValue(png) is string p) PackingDrawing.WritePng(packing, p);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static bool IsImageCase(string path) =>
        ReadToml(path).TryGetValue("microstructure", out var m) && m is TomlTable t && t.ContainsKey("image");

    static TomlTable ReadToml(string path)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InputException(name, null, $"file not found: {path}");
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))!;
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException(name, null, $"not valid TOML: {e.Message.Split('\n')[0]}");
        }
    }

    static void Print(Packing packing)
    {
        var inv = CultureInfo.InvariantCulture;
        var r = packing.Report;
        var table = new Table().AddColumns("phase", "target", "achieved", "particles", "mean d (um)", "cv of d");
        foreach (var p in r.Phases)
            table.AddRow(p.Name, (100 * p.TargetFraction).ToString("0.00", inv) + " %", (100 * p.AchievedFraction).ToString("0.00", inv) + " %",
                p.ParticleCount.ToString(inv), (p.MeanEquivalentDiameter * 1e6).ToString("0.000", inv), p.EquivalentDiameterCv.ToString("0.000", inv));
        table.AddRow("pores", (100 * r.TargetPorosity).ToString("0.00", inv) + " %", (100 * r.Porosity).ToString("0.00", inv) + " %", "", "", "");
        AnsiConsole.Write(table);
        Console.WriteLine(string.Format(inv,
            "particles {0}, vertices {1}, min gap {2:0.000} um ({3:0.000} x mean diameter), min angle {4:0.0} deg, edges {5:0.000}-{6:0.000} um, cell area error {7:0.0} %",
            r.ParticleCount, r.VertexCount, r.MinGap * 1e6, r.MinGapOverMeanDiameter, r.MinInteriorAngleDegrees, r.MinEdgeLength * 1e6, r.MaxEdgeLength * 1e6, 100 * r.CellAreaError));
    }
}
