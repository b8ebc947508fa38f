import SextantCLI

SextantCommand.runMain()
