import Foundation
import ScreenKit
import XCTest

/// Compares a frame with `Snapshots/<name>.txt`: the text grid, a "---" line, then one
/// `StyleSlot.letter` per cell. `LECTERN_RECORD_SNAPSHOTS=1` re-records instead.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
    let actual = snapshotText(buffer)
    if ProcessInfo.processInfo.environment["LECTERN_RECORD_SNAPSHOTS"] == "1" {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no snapshot \(name).txt; record with LECTERN_RECORD_SNAPSHOTS=1", file: file, line: line)
        return
    }
    guard expected != actual else { return }
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var diff: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? old[index] : "∅"
        let b = index < new.count ? new[index] : "∅"
        if a != b { diff += ["line \(index + 1):", "- \(a)", "+ \(b)"] }
    }
    XCTFail("snapshot \(name) differs:\n" + diff.joined(separator: "\n"), file: file, line: line)
}

/// The text grid (continuation cells skipped) and the style grid, as stored in snapshots.
func snapshotText(_ buffer: ScreenBuffer) -> String {
    var text: [String] = []
    var styles: [String] = []
    for row in 0..<buffer.rows {
        var line = ""
        var letters = ""
        for column in 0..<buffer.columns {
            let cell = buffer[row, column]
            if !cell.isContinuation { line += cell.text }
            letters.append(cell.slot.letter)
        }
        text.append(line)
        styles.append(letters)
    }
    return (text + ["---"] + styles).joined(separator: "\n") + "\n"
}
