import ArgumentParser
import Foundation

/// `lectern-bench fuzz`: a deterministic mutation loop over every reader.
///
/// Seeds come from the shared corpus of real files; each input is a few mutations of one seed
/// (see `FuzzMutator`). The current input is written to `--out` before it is read, so a crash
/// leaves it behind; a read slower than `--hang` seconds is saved and ends the run; an error
/// message on more than one line is saved as a finding. Findings become regression inputs
/// under `Tests/Fixtures/fuzz/`.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz", abstract: "Fuzz the readers (WXR, feeds, OPML, REST JSON, HTML) with mutated real files.")

    @Option(help: "all, or one of: wxr, feed, opml, rest, html.")
    var target = "all"

    @Option(help: "Inputs per target at most.")
    var iterations = 2_000

    @Option(help: "Seconds per target at most.")
    var seconds = 60.0

    @Option(help: "Seconds one read may take before it counts as a hang.")
    var hang = 20.0

    @Option(help: "Seed of the mutations (the same seed gives the same inputs).")
    var seed: UInt64 = 1

    @Option(help: "The folder of seed files.")
    var corpus = "../shared/corpus"

    @Option(help: "Where the current input and findings are written.")
    var out = "fuzz-findings"

    func run() throws {
        let targets = target == "all" ? FuzzTarget.all : FuzzTarget.all.filter { $0.name == target }
        guard !targets.isEmpty else { throw ValidationError("no fuzz target named \(target)") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let seeds = try FuzzSeeds(folder: corpus)
        var findings = 0
        for target in targets {
            findings += try fuzz(target, seeds: seeds.files(for: target))
        }
        if findings > 0 { throw ExitCode(1) }
    }

    private func fuzz(_ target: FuzzTarget, seeds: [[UInt8]]) throws -> Int {
        guard !seeds.isEmpty else {
            print("fuzz \(target.name): no seed files under \(corpus); skipped")
            return 0
        }
        var mutator = FuzzMutator(seed: seed ^ FuzzSeeds.stableHash(target.name))
        let current = URL(fileURLWithPath: out).appendingPathComponent("current-\(target.name).input")
        let watchdog = FuzzWatchdog(limit: hang, input: current, target: target.name, out: out)
        let start = Date()
        var count = 0
        var refused = 0
        var findings = 0
        while count < iterations, Date().timeIntervalSince(start) < seconds {
            let input = mutator.mutate(seeds[mutator.below(seeds.count)], other: seeds[mutator.below(seeds.count)])
            try Data(input).write(to: current)
            watchdog.started()
            let refusal = target.read(input)
            watchdog.finished()
            count += 1
            guard let refusal else { continue }
            refused += 1
            if refusal.contains(where: { $0 == "\n" || $0 == "\r" }) {
                findings += 1
                let saved = URL(fileURLWithPath: out).appendingPathComponent("multiline-\(target.name)-\(count).input")
                try Data(input).write(to: saved)
                print("fuzz \(target.name): input \(count) gives an error on several lines; saved as \(saved.path)")
            }
        }
        watchdog.stop()
        try? FileManager.default.removeItem(at: current)
        let elapsed = Date().timeIntervalSince(start)
        print(
            String(
                format: "fuzz %@: %d inputs in %.1f s (%.0f/s), %d refused, %d findings, %d seeds",
                target.name, count, elapsed, Double(count) / max(elapsed, 0.001), refused, findings, seeds.count))
        // Said at once: a crash in the next target must not swallow this one's line.
        fflush(nil)
        return findings
    }
}
