/// Finds the nearest of the 8 or 16 ANSI colours for a 256-colour index.
///
/// Themes may name any of xterm's 256 colours; a terminal with fewer colours gets the
/// closest ANSI colour by distance in RGB, using xterm's own palette.
enum AnsiColorApproximation {
    /// The ANSI colour (0 ..< `paletteSize`) closest to 256-colour `index`.
    static func nearest(toIndexed index: Int, paletteSize: Int) -> Int {
        let size = paletteSize >= 16 ? 16 : 8
        let clamped = min(max(index, 0), 255)
        if clamped < size { return clamped }
        if clamped < 16 { return clamped - 8 }
        let target = rgb(ofIndexed: clamped)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<size {
            let distance = squaredDistance(target, ansiPalette[candidate])
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// xterm's default RGB for a 256-colour index.
    static func rgb(ofIndexed index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiPalette[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let offset = index - 16
            return (levels[offset / 36], levels[(offset / 6) % 6], levels[offset % 6])
        default:
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
    }

    private static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func squaredDistance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.0 - b.0
        let green = a.1 - b.1
        let blue = a.2 - b.2
        return red * red + green * green + blue * blue
    }
}
