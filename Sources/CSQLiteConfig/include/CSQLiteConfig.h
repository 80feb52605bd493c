#ifndef LECTERN_CSQLITECONFIG_H
#define LECTERN_CSQLITECONFIG_H

/// Turns off SQLite's memory statistics for this process; returns SQLite's result code.
///
/// sqlite3_config() is variadic, which Swift cannot call, hence this C function. It must run
/// before the process opens its first connection (SQLITE_MISUSE afterwards, changing nothing).
int lectern_sqlite_disable_memory_statistics(void);

#endif
