import SextantCLI

await SextantCommand.main()
