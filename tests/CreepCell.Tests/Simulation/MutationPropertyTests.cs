using System.Text.RegularExpressions;
using CreepCell.Io;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CreepCell.Tests.Simulation;

/// <summary>One edit of a text: delete, duplicate or swap lines, replace a value, cut the text short, or
/// change one character. A, B pick lines or positions (modulo the text's size); Token picks the value.</summary>
public sealed record Edit(int Kind, int A, int B, int Token)
{
    static readonly string[] Tokens = ["0", "-1", "1e-12", "1e12", "1e308", "nan", "inf", "\"1 km\"", "\"70 degC\"", "\"abc\"",
        "3.5", "100000", "-0", "\"\"", "[1, 2]", "true", "2147483648", "{ a = 1 }", "\"1e-12 m\"", "7"];
    const string Characters = "[]\"=.,-0 \n#{}$E";

    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        int i = A % lines.Count, j = B % lines.Count;
        switch (Kind)
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[i]); break;
            case 2: (lines[i], lines[j]) = (lines[j], lines[i]); break;
            case 3: lines[i] = Value(lines[i], Tokens[Token % Tokens.Length]); break;
            case 4: return text[..(A % (text.Length + 1))];
            default:
                int at = A % Math.Max(text.Length, 1);
                return text.Length == 0 ? text : text[..at] + Characters[Token % Characters.Length] + text[(at + 1)..];
        }
        return string.Join('\n', lines);
    }

    /// <summary>The value after '=' in a TOML line, else the first number (Gmsh).</summary>
    static string Value(string line, string token)
    {
        int eq = line.IndexOf('=');
        if (eq >= 0) return line[..(eq + 1)] + " " + token;
        var m = Regex.Match(line, @"-?\d+(\.\d+)?(e-?\d+)?");
        return m.Success ? line[..m.Index] + token.Trim('"') + line[(m.Index + m.Length)..] : line;
    }
}

/// <summary>One to three edits of one of the valid texts.</summary>
public sealed record Mutant(int Target, Edit[] Edits)
{
    public string Apply(string text) => Edits.Aggregate(text, (t, e) => e.Apply(t));
}

public static class Mutants
{
    public static Arbitrary<Mutant> Arbitrary() =>
        (from target in Gen.Choose(0, 99)
         from edits in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(EditGen, n))
         select new Mutant(target, edits)).ToArbitrary();

    static readonly Gen<Edit> EditGen =
        from kind in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (5, Gen.Constant(3)), (1, Gen.Constant(4)), (2, Gen.Constant(5)))
        from a in Gen.Choose(0, 100_000)
        from b in Gen.Choose(0, 100_000)
        from token in Gen.Choose(0, 1000)
        select new Edit(kind, a, b, token);
}

/// <summary>
/// Mutated valid case files and Gmsh meshes are read or refused with an <see cref="InputException"/>
/// (one line naming the file), never another exception; a sample goes through `creepcell run`, whose exit
/// code is then 0, 2 or 3 without a stack trace. Fixed replay seeds keep CI deterministic.
/// </summary>
public class MutationPropertyTests
{
    static readonly string Folder = MakeFolder();

    static string MakeFolder()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-mutants-").FullName;
        File.WriteAllText(Path.Combine(dir, "mesh.msh"), BadInputTable.TwoTriangles());
        return dir;
    }

    static readonly string[] Cases = [BadInputTable.Generated, BadInputTable.FromFile];

    static string[] Meshes() =>
    [
        BadInputTable.TwoTriangles(),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gmsh", "square_tri6_v22.msh")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gmsh", "square_quad9_v41.msh")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gmsh", "mixed_v41.msh")),
    ];

    static readonly Lazy<string[]> MeshTexts = new(Meshes);

    static void ReadOrRefuse(string source, Action read)
    {
        try { read(); }
        catch (InputException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            // the case file, or the mesh file it names (resolved in the test folder)
            Assert.True(e.Message.StartsWith(source) || e.Message.StartsWith(Folder), e.Message);
        }
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(Mutants)], Replay = "(20261207,1)")]
    public void MutatedCaseFilesAreReadOrRefused(Mutant m)
    {
        string text = m.Apply(Cases[m.Target % Cases.Length]);
        ReadOrRefuse("case.toml", () =>
        {
            var def = CaseReader.Read("case.toml", text, Folder);
            if (def.Mesh.File is not null) MeshFactory.Build(def.Mesh);
        });
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Mutants)], Replay = "(20261207,3)")]
    public void MutatedGmshMeshesAreReadOrRefused(Mutant m)
    {
        string path = Path.Combine(Folder, $"mutant-{Environment.CurrentManagedThreadId}.msh");
        File.WriteAllText(path, m.Apply(MeshTexts.Value[m.Target % MeshTexts.Value.Length]));
        ReadOrRefuse(path, () => GmshReader.Read(path, 1e-6));
    }

    [Fact]
    public void MutantsThroughTheCommandLineExitWithZeroTwoOrThree()
    {
        var sample = Mutants.Arbitrary().Generator.Sample(10, 2);
        foreach (var m in sample)
        {
            string dir = Directory.CreateTempSubdirectory("creepcell-mutant-run-").FullName;
            File.WriteAllText(Path.Combine(dir, "case.toml"), BadInputTable.FromFile.Replace("\"1 h\", 1.0", "\"1 h\", 0.01"));
            File.WriteAllText(Path.Combine(dir, "mesh.msh"), m.Apply(BadInputTable.TwoTriangles()));
            var (code, _, err) = CliRunner.Run("run", Path.Combine(dir, "case.toml"), "--out", Path.Combine(dir, "out"), "--quiet");
            Assert.Contains(code, new[] { 0, 2, 3 });
            Assert.DoesNotContain("   at ", err);
            Assert.DoesNotContain("Unhandled", err);
        }
    }
}
