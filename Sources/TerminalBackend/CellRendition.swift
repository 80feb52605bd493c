import CNcursesw

/// The curses attributes and colour pair one style slot is drawn with.
struct CellRendition {
    var attributes: attr_t
    var pair: Int16
}
