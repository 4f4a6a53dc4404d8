/// A rectangle on a page in millimetres, with the origin at the page's
/// top-left corner and y growing downwards, as in gLabels and on paper.
public struct PageRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The rectangle shrunk by `d` on every side; negative `d` grows it.
    public func inset(by d: Double) -> PageRect {
        PageRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// The common part of two rectangles, or nil when they do not overlap.
    public func intersection(_ other: PageRect) -> PageRect? {
        let left = max(minX, other.minX), right = min(maxX, other.maxX)
        let top = max(minY, other.minY), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return PageRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether `other` lies inside this rectangle. The tolerance absorbs
    /// rounding from unit conversions, far below a printer dot.
    public func contains(_ other: PageRect, tolerance: Double = 1e-6) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    public func overlaps(_ other: PageRect, tolerance: Double = 1e-6) -> Bool {
        minX < other.maxX - tolerance && other.minX < maxX - tolerance
            && minY < other.maxY - tolerance && other.minY < maxY - tolerance
    }
}
