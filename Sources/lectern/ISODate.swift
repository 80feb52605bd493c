import Foundation

/// ISO 8601 UTC timestamps, the one date format of Lectern's JSON output.
enum ISODate {
    static func string(_ date: Date?) -> String? {
        guard let date else { return nil }
        return date.formatted(.iso8601)
    }
}
