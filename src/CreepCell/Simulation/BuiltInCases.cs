using System.Reflection;

namespace CreepCell.Simulation;

/// <summary>Case files shipped inside the library (Data/cases/*.toml).</summary>
public static class BuiltInCases
{
    public static IReadOnlyList<string> Names =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.Contains(".Data.cases.") && n.EndsWith(".toml"))
            .Select(n => n.Split(".Data.cases.")[1][..^5]).ToList();

    public static string Text(string name)
    {
        var asm = Assembly.GetExecutingAssembly();
        string? res = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".Data.cases.{name}.toml"));
        if (res is null) throw new InputException("command line", "--preset", $"no built-in case \"{name}\"; known: {string.Join(", ", Names)}");
        using var s = asm.GetManifestResourceStream(res)!;
        return new StreamReader(s).ReadToEnd();
    }

    /// <summary>A case text with the RVE side of its [microstructure] table replaced.</summary>
    public static string WithSide(string text, double micrometres) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^side = ""[^""]*""",
            $"side = \"{micrometres.ToString(System.Globalization.CultureInfo.InvariantCulture)} um\"");

    /// <summary>A case text whose [solver] table asks for remeshing below the given angle (degrees; 0: none),
    /// replacing the case's own remesh_angle if it has one.</summary>
    public static string WithRemeshAngle(string text, double degrees)
    {
        string line = $"remesh_angle = {degrees.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var own = new System.Text.RegularExpressions.Regex(@"(?m)^remesh_angle[ \t]*=.*$");
        if (own.IsMatch(text)) return own.Replace(text, line, 1);
        var pattern = new System.Text.RegularExpressions.Regex(@"(?m)^\[solver\][ \t]*$");
        if (!pattern.IsMatch(text)) text += "\n[solver]\n";
        return pattern.Replace(text, $"[solver]\n{line}", 1);
    }

    /// <summary>A case text with the packing seed of its [microstructure] table replaced.</summary>
    public static string WithSeed(string text, int seed)
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"(?m)^seed = \d+");
        if (!pattern.IsMatch(text)) throw new InputException("command line", "--seeds", "this case has no [microstructure] seed to replace");
        return pattern.Replace(text, $"seed = {seed}");
    }
}
