import ArgumentParser

@main
struct LecternBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern-bench",
        abstract: "Measure Lectern on generated blogs (build with -c release).",
        subcommands: [
            ImportBenchmarkCommand.self, ImportVersusXmllintCommand.self, ParseBenchmarkCommand.self,
            ReaderBenchmarkCommand.self,
            ReaderImportBenchmarkCommand.self, SyncBenchmarkCommand.self, TextNodeBenchmarkCommand.self,
            FuzzCommand.self,
            NewsboatComparisonCommand.self, TerminalSelfTestCommand.self, ConversationsBenchmarkCommand.self,
        ])
}
