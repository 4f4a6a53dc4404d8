import Foundation
import Testing
@testable import DarmarkaCore

@Suite("Box labels: payloads, URL bases, scanner layouts")
struct BoxLabelTests {
    let code = BoxCode.firstIssuable(from: 12_345)!

    @Test func payloadIsTheCodeOrAnUpperCaseURL() throws {
        #expect(BoxLabel.payload(for: code, urlBase: nil) == code.description)
        #expect(BoxLabel.payload(for: code, urlBase: "https://darmarka.example/b/") == "HTTPS://DARMARKA.EXAMPLE/B/\(code)")
        let box = Box(id: 1, code: code, centreID: 1, centreCode: "PRE", centreName: "Центр", name: nil, kind: .collection, status: .active)
        #expect(BoxLabel.content(for: box, urlBase: nil).lines == ["Центр"])
        #expect(BoxLabel.blank(code, centreName: "Центр", urlBase: nil) == LabelContent(payload: code.description, code: code.description, lines: ["Центр"]))
    }

    @Test(arguments: ["https://darmarka.example/b/", "http://x.org/?box=", " HTTPS://DARMARKA.EXAMPLE/B/ ", "https://x.org/#",
                      "http://127.0.0.1:18093/b/"])
    func goodURLBases(_ base: String) throws {
        #expect(try BoxLabel.urlBase(base) == base.trimmingCharacters(in: .whitespaces))
    }

    /// A base that would hide the code from `BoxCode.find` is refused.
    @Test(arguments: ["https://darmarka.example/b", "ftp://x/", "darmarka.example/b/", "https://x.org/a b/", "https://x.org/box-",
                      "", "https://x/" + String(repeating: "a/", count: 100)])
    func badURLBases(_ base: String) {
        #expect(throws: LabelCLIProblem.badURLBase(base)) { try BoxLabel.urlBase(base) }
    }

    /// A port reads like a code (`18093`); the code is in the path.
    @Test func aPortInTheURLIsNotTakenForACode() {
        #expect(BoxCode.find(in: "HTTP://127.0.0.1:18093/B/\(code)") == .success(code))
        #expect(BoxCode.find(in: "http://127.0.0.1:18093/b/") != .success(code))
    }

    @Test func aScanTypedWithTheRussianLayoutIsReadBack() {
        #expect(KeyboardLayout.fromRussianLayout("B-0001Z") == nil)
        #expect(KeyboardLayout.fromRussianLayout("И-0001Я") == "B-0001Z")
        #expect(KeyboardLayout.fromRussianLayout("РЕЕЗЫЖ..ВФКЬФКЛФюУЧФЬЗДУ.И.") == "HTTPS://DARMARKA.EXAMPLE/B/")
        let typed = code.description.map { ch -> Character in
            let us = Array("ABCDEFGHJKMNPQRSTVWXYZ"), ru = Array("ФИСВУАПРОЛЬТЗЙКЫЕМЦЧНЯ")
            return us.firstIndex(of: ch).map { ru[$0] } ?? ch
        }
        #expect(BoxCode.find(in: String(typed)) == .success(code))
        #expect(BoxCode.find(in: "РЕЕЗЫЖ..ВФКЬФКЛФюУЧФЬЗДУ.И." + String(typed)) == .success(code))
        // Lookalikes still win: Cyrillic В is B, not the D key.
        #expect(BoxCode.find(in: "В" + code.description.dropFirst()) == .success(code))
        // The check symbol keeps the layout honest: a typo stays a typo.
        var wrong = Array(String(typed))
        wrong[wrong.count - 1] = wrong.last == "0" ? "1" : "0"
        guard case .failure(.wrongCheck) = BoxCode.find(in: String(wrong)) else {
            Issue.record("a typo typed with the Russian layout was accepted")
            return
        }
    }

    @Test func aPreviewPageHoldsOneLabelAndNoPageMargin() {
        let sheet = LabelTemplate(name: TemplateName(brand: "Avery", part: "L7160"), paper: "A4", pageWidth: 210, pageHeight: 297,
                                  labelWidth: 63.5, labelHeight: 38.1, shape: .rectangle(cornerRadius: 2.5),
                                  layouts: [.init(nx: 3, ny: 7, x0: 7.48, y0: 15.49, dx: 66.04, dy: 38.1)])
        let one = sheet.singleLabelPreview(border: 2)
        #expect(one.labelsPerPage == 1 && one.pageWidth == 67.5 && one.pageHeight == 42.1)
        #expect(one.labelFrames == [PageRect(x: 2, y: 2, width: 63.5, height: 38.1)])
        #expect(one.defaultDPI == 300 && LabelLayoutPolicy.standard(for: one).pageSafeMargin == 0)
        #expect(sheet.singleLabelPreview(dpi: 600).defaultDPI == 600)
    }

    @Test func everyMessageHasBothLanguagesOnOneLine() {
        let problems: [LabelCLIProblem] = [.badURLBase("x"), .centreOrCodes, .noBoxesAtCentre("PRE"), .badErrorCorrection("X"),
                                           .badBlankCount(0), .unclaimedCode(code: "B-1", centre: "PRE"), .intakeOrHandout,
                                           .recipientOnlyForHandout, .scanLine(3, Phrase(ru: "а", en: "a"))]
        let notes: [LabelNote] = [.labelsWritten(labels: 21, pages: 1, roll: false, template: "T", files: ["a", "b", "c", "d"]),
                                  .labelsWritten(labels: 2, pages: 2, roll: true, template: "T", files: ["a"]),
                                  .blanksIssued(count: 1, centre: "PRE", first: "B-1", last: "B-1"), .previewWritten(path: "p", template: "T"),
                                  .warning(.textDropped("x")), .box(code: "B", name: "n", centre: "C", centreName: "N", kind: .storage, status: .retired),
                                  .boxIsEmpty, .unclaimed(code: "B", centre: "C"), .scanned(code: "B", name: nil, centre: "C", items: 1),
                                  .scannedUnclaimed(code: "B", centre: "C"), .scanHint, .scanSummary(scans: 1, recorded: 1, claimed: 1, errors: 0)]
        for phrase in problems.map(\.phrase) + notes.map(\.phrase) {
            #expect(!phrase.ru.isEmpty && !phrase.en.isEmpty && phrase.ru != phrase.en)
            #expect(!phrase.ru.contains("\n") && !phrase.en.contains("\n"))
        }
        #expect(LabelNote.labelsWritten(labels: 21, pages: 1, roll: false, template: "Avery L7160", files: ["a.pdf"]).text(.ru)
                == "Готово: 21 этикетка на 1 листе Avery L7160 — a.pdf")
        #expect(LabelNote.labelsWritten(labels: 48, pages: 3, roll: false, template: "T", files: ["a", "b", "c", "d"]).text(.en)
                == "Done: 48 labels on 3 pages of T — a, b … d")
    }
}
