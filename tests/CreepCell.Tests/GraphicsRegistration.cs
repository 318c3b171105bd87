using System.Runtime.CompilerServices;

namespace CreepCell.Tests;

/// <summary>The tests run the library as the command-line tool does: with pictures and image reading.</summary>
static class GraphicsRegistration
{
    [ModuleInitializer]
    internal static void Register() => CreepCell.Graphics.GraphicsSupport.Register();
}
