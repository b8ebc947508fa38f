import SextantCLI

await SextantCommand.runMain()
