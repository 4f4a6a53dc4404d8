/// The canonical form of a movement that its seal is taken over (see
/// `docs/ledger-seal.md`): one line for the movement, one per line of it,
/// fields as stored, separated by `|`, NULL as nothing, each line ended by
/// a line feed. No free text goes in: a note is represented by its digest,
/// so a note can be redacted without breaking the chain.
///
///     m|id|kind|occurred_on|occurred_at|recorded_at|from_box_id|to_box_id|recipient_id|event_id|volunteer_id|reverses_id|import_id|note_digest_hex
///     l|line|category_id|quantity|grams|condition
///
/// The seal of a movement is SHA-256 over the previous movement's seal (32
/// bytes; 32 zero bytes before the first) followed by this form in UTF-8.
/// Built into one reusable byte buffer: an import seals a million movements.
public struct SealForm: Sendable {
    /// The bytes of the form so far.
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(256) }

    /// Starts a movement's form, forgetting the last one.
    public mutating func movement(id: Int64, kind: String, occurredOn: String, occurredAt: String?, recordedAt: String,
                                  from: Int64?, to: Int64?, recipient: Int64?, event: Int64?, volunteer: Int64?,
                                  reverses: Int64?, importID: Int64?, noteDigest: [UInt8]?) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "m"))
        field(id); field(kind); field(occurredOn); field(occurredAt); field(recordedAt)
        field(from); field(to); field(recipient); field(event); field(volunteer); field(reverses); field(importID)
        bytes.append(UInt8(ascii: "|"))
        if let noteDigest { Self.hex(noteDigest, into: &bytes) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Adds a line of the movement; lines come in their order, from 1.
    public mutating func line(_ line: Int64, category: Int64, quantity: Int64, grams: Int64?, condition: String?) {
        bytes.append(UInt8(ascii: "l"))
        field(line); field(category); field(quantity); field(grams); field(condition)
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func field(_ value: Int64?) {
        bytes.append(UInt8(ascii: "|"))
        guard var v = value else { return }
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int64.min cannot be negated; no id or quantity comes near it.
            if v == .min { bytes += Array("9223372036854775808".utf8); return }
            v = -v
        }
        // Written backwards in place and turned round: no array a field.
        let start = bytes.count
        repeat { bytes.append(UInt8(ascii: "0") + UInt8(v % 10)); v /= 10 } while v > 0
        bytes[start...].reverse()
    }

    private mutating func field(_ value: String?) {
        bytes.append(UInt8(ascii: "|"))
        if let value { bytes += value.utf8 }
    }

    /// Lower-case hexadecimal, as the form and reports write digests.
    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        hex(digest, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ digest: some Sequence<UInt8>, into out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
    }

    /// The bytes of a hexadecimal text, or nil when it is not one.
    public static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex.lowercased().utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// What a redacted note reads.
    public static let redacted = "[удалено]"
}
