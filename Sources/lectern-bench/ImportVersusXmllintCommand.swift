import ArgumentParser
import Foundation

/// `lectern-bench import-vs-xmllint`: the whole `lectern import FILE` command, as a user runs
/// it (start to exit, search index included, a fresh cache each time), against
/// `xmllint --stream --noout FILE`, alternately in one sitting so both meet the same load.
struct ImportVersusXmllintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-vs-xmllint",
        abstract:
            "Time `lectern import FILE` (fresh cache) against `xmllint --stream --noout FILE`; print medians and the ratio."
    )

    @Argument(help: "A WordPress export, e.g. from ../shared/tools/gen_corpus.py.")
    var file: String

    @Option(help: "Rounds; each runs xmllint and lectern once, in alternating order.")
    var rounds = 3

    @Option(help: "The lectern to time (default: the one beside this lectern-bench).")
    var lectern: String?

    @Option(help: "The xmllint to time.")
    var xmllint = "/usr/bin/xmllint"

    func run() throws {
        let lecternPath = lectern ?? Self.besideThisProgram("lectern")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-vs-xmllint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var lecternRuns: [MeasuredChild] = []
        var xmllintRuns: [MeasuredChild] = []
        for round in 0..<rounds {
            let home = root.appendingPathComponent("round\(round)")
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
            // Alternate who goes first, so neither always follows the other's disk writes.
            let xmllintFirst = round % 2 == 0
            for runsXmllint in xmllintFirst ? [true, false] : [false, true] {
                if runsXmllint {
                    xmllintRuns.append(
                        try MeasuredChild.run([xmllint, "--stream", "--noout", file], environment: environment))
                } else {
                    lecternRuns.append(try MeasuredChild.run([lecternPath, "import", file], environment: environment))
                }
            }
            try? FileManager.default.removeItem(at: home)
            print(
                String(
                    format: "round %d         xmllint %.2f s   lectern import %.2f s (CPU %.2f s, %.1f MB)   %.2f×",
                    round + 1, xmllintRuns.last!.seconds, lecternRuns.last!.seconds, lecternRuns.last!.cpuSeconds,
                    lecternRuns.last!.peakResidentMegabytes, lecternRuns.last!.seconds / xmllintRuns.last!.seconds))
        }
        let lecternMedian = Self.median(lecternRuns.map(\.seconds))
        let xmllintMedian = Self.median(xmllintRuns.map(\.seconds))
        print(String(format: "xmllint         %.2f s median of %d", xmllintMedian, rounds))
        print(
            String(
                format: "lectern import  %.2f s median of %d (search index built, cache closed)", lecternMedian, rounds)
        )
        print(String(format: "ratio           %.2f×", lecternMedian / xmllintMedian))
        print(
            String(
                format: "lectern CPU     %.2f s median (user + system, both threads)",
                Self.median(lecternRuns.map(\.cpuSeconds))))
        print(
            String(
                format: "peak RSS        %.1f MB (lectern, largest round)",
                lecternRuns.map(\.peakResidentMegabytes).max() ?? 0))
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func besideThisProgram(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }
}
