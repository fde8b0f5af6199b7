using Harmony.Cli;

return await CliApp.RunAsync(args);
