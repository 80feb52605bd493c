/// Lets shared options come before the command, as in `lectern --db FILE import EXPORT`.
///
/// The argument parser reads options before a subcommand as the default command's (`read`),
/// so that line failed with "unexpected arguments". Moving the command name to the front,
/// when only options (and their values) precede it, makes both orders mean the same.
enum CommandLineOrder {
    /// `arguments` (without the program name) with the first command name moved to the front,
    /// when everything before it is an option or the value of one in `optionsWithValues`.
    static func commandFirst(
        _ arguments: [String], commands: Set<String>, optionsWithValues: Set<String>
    ) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if commands.contains(argument) {
                guard index > 0 else { return arguments }
                var reordered = arguments
                reordered.remove(at: index)
                reordered.insert(argument, at: 0)
                return reordered
            }
            guard argument.hasPrefix("-"), argument != "--" else { return arguments }
            // `--db FILE` takes the next word; `--db=FILE` does not.
            index += optionsWithValues.contains(argument) ? 2 : 1
        }
        return arguments
    }
}
