import DarmarkaCore
import Foundation
import Hummingbird

/// The routes of the manager's and coordinator's pages (issue 14): the
/// box's transfer, write-off and stock take, claiming a pre-printed code,
/// the centre page with its labels, reports and import.
enum ManagerRoutes {
    static func add(to router: Router<WebRequestContext>, pages: Pages) {
        router.get("/static/manage.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=86400"],
                     body: .init(byteBuffer: ByteBuffer(string: ManagerTemplates.css)))
        }
        for prefix in ["b", "B"] {
            for form in ManagerForm.allCases {
                router.get("/\(prefix)/:code/\(form.rawValue)") { request, context in
                    try pages.managerFormPage(request, code: context.parameters.get("code") ?? "", form: form)
                }
                router.post("/\(prefix)/:code/\(form.rawValue)") { request, context in
                    try await pages.recordManaged(request, code: context.parameters.get("code") ?? "", form: form)
                }
            }
            router.post("/\(prefix)/:code/claim") { request, context in
                try await pages.claim(request, code: context.parameters.get("code") ?? "")
            }
        }
        router.get("/c/:centre") { request, context in
            try pages.centrePage(request, centre: context.parameters.get("centre") ?? "")
        }
        router.post("/c/:centre/labels") { request, context in
            try await pages.labels(request, centre: context.parameters.get("centre") ?? "")
        }
        router.get("/reports") { request, _ in try pages.reportsPage(request) }
        router.get("/reports/download") { request, _ in try pages.reportDownload(request) }
        router.post("/reports/targets") { request, _ in try await pages.setTarget(request) }
        router.get("/import") { request, _ in try pages.importPage(request) }
        router.post("/import") { request, _ in try await pages.checkImport(request) }
        router.post("/import/commit") { request, _ in try await pages.commitImport(request) }
    }
}
