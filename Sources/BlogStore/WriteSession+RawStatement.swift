import Foundation
import GRDB
import GRDBSQLite

/// A cached statement bound and stepped through the SQLite C API.
///
/// An import inserts hundreds of thousands of comments; GRDB's argument arrays box every
/// value, and that boxing costs as much as SQLite's own work. Values are bound exactly as
/// GRDB binds them (text up to its first NUL, Bool as 0/1), so the stored rows are the same.
struct RawStatement {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    func bind(_ index: Int32, _ value: String) {
        var text = value
        text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Void in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            let start = UnsafeRawPointer(base)
            var length = bytes.count
            if let nul = memchr(start, 0, bytes.count) { length = start.distance(to: UnsafeRawPointer(nul)) }
            _ = sqlite3_bind_text(
                handle, index, start.assumingMemoryBound(to: CChar.self), Int32(length), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { _ = sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int64) {
        _ = sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { bind(index, value) } else { _ = sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { bind(index, Int64(value)) } else { _ = sqlite3_bind_null(handle, index) }
    }

    /// As GRDB binds a Bool: 1 or 0.
    func bind(_ index: Int32, _ value: Bool) {
        bind(index, Int64(value ? 1 : 0))
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { _ = sqlite3_bind_double(handle, index, value) } else { _ = sqlite3_bind_null(handle, index) }
    }

    /// Runs the statement to its end; returns the first column of its first row, if any.
    @discardableResult
    func run() throws -> Int64? {
        let connection = db.sqliteConnection
        defer { _ = sqlite3_reset(handle) }
        var first: Int64?
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return first }
            guard code == SQLITE_ROW else {
                let message = connection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            if first == nil { first = sqlite3_column_int64(handle, 0) }
        }
    }

    /// SQLite copies bound text at once ("transient"), so Swift's buffer may go away after binding.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
