using System.CommandLine;
using CreepCell.Cli;

var root = new RootCommand("CreepCell: chemo-mechanics of all-solid-state battery electrodes and the analyses around it");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
CliConventions.ExtendHelp(root);
return root.Parse(args).Invoke();
