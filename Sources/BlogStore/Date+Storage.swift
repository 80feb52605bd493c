import Foundation

/// Dates are stored as REAL seconds since 1970.
extension Date {
    init?(storedSeconds: Double?) {
        guard let storedSeconds else { return nil }
        self.init(timeIntervalSince1970: storedSeconds)
    }

    var storedSeconds: Double { timeIntervalSince1970 }
}

extension Optional where Wrapped == Date {
    var storedSeconds: Double? { self?.timeIntervalSince1970 }
}
