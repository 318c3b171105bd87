using CreepCell.Contact;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;

namespace CreepCell.Tests.Contact;

public class ContactSettingsTests
{
    static TomlSection? Section(string text) => TomlSection.Parse("case.toml", text).Section("contact");

    [Fact]
    public void ReadsQuantitiesWithUnits()
    {
        var s = ContactTable.Read(Section("[contact]\nenabled = false\ndistance = \"2 nm\"\nstiffness = \"5 GPa\"\nregularization = 1e-9\n"));
        Assert.False(s.Enabled);
        Assert.Equal(2e-9, s.Distance!.Value, 1e-24);
        Assert.Equal(5e9, s.Stiffness!.Value, 1e-3);
        Assert.Equal(1e-9, s.Regularization);
    }

    [Fact]
    public void MissingTableGivesDefaults()
    {
        var s = ContactTable.Read(null);
        Assert.Null(s.Enabled);
        Assert.Null(s.Distance);
        Assert.Equal(1e-8, s.Regularization);
    }

    [Theory]
    [InlineData("[contact]\ndistnce = \"2 nm\"\n", "contact.distnce")]
    [InlineData("[contact]\ndistance = \"2 GPa\"\n", "contact.distance")]
    [InlineData("[contact]\ndistance = -1.0\n", "contact.distance")]
    [InlineData("[contact]\nstiffness = \"0 Pa\"\n", "contact.stiffness")]
    [InlineData("[contact]\nregularization = 0.5\n", "contact.regularization")]
    public void BadInputNamesFileAndKey(string text, string key)
    {
        var e = Assert.Throws<InputException>(() => ContactTable.Read(Section(text)));
        Assert.Contains("case.toml", e.Message);
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void DefaultsFollowTheBodiesAndMaterials()
    {
        var a = StructuredMesh.Rectangle(1e-6, 1e-6, 2, 2, ElementType.Tri3, "a");
        var one = ContactModel.Create(a, new[] { new Material("a", 10e9, 0.3) }, new ContactSettings());
        Assert.Null(one);
        var two = MeshMerge.Combine(new[] { a, ContactKit.Shift(a, 2e-6, 0) });
        var m = ContactModel.Create(two, new[] { new Material("a", 10e9, 0.3) }, new ContactSettings())!;
        double radius = Math.Sqrt(1e-12 / Math.PI);
        Assert.Equal(1e-3 * radius, m.Dhat, 1e-18);
        Assert.Equal(10e9 / m.Dhat, m.Kappa, 1e3);
        // regularization: total spring stiffness of a body is eps E
        Assert.Equal(2 * 1e-8 * 10e9, m.NodeSpring.Sum(), 1e-6);
    }
}
