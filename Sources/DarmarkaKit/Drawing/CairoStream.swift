import CCairo
import DarmarkaCore

/// Collects what cairo writes to a stream, so no file is needed.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// cairo's write callback: the closure pointer is the `ByteSink`.
func appendToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}

enum CairoPNG {
    /// An image surface as PNG bytes that say the density they were drawn
    /// at (see `PNGDensity`), or cairo's status when it could not encode.
    static func encode(_ surface: OpaquePointer, dpi: Int) -> (status: cairo_status_t, bytes: [UInt8]) {
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { return (status, []) }
        return (status, PNGDensity.stamped(sink.bytes, dpi: dpi))
    }
}
