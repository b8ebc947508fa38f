import Foundation
import SextantPostgres
import SextantStore
import Testing

@Suite struct LocationTests {
    @Test(arguments: [
        ("postgres://127.0.0.1:55432/postgres", "postgres://postgres@127.0.0.1:55432/postgres"),
        ("postgresql://sextant@db.internal/trading", "postgres://sextant@db.internal:5432/trading"),
        ("postgres://sextant@db.internal:6543", "postgres://sextant@db.internal:6543/sextant"),
        ("postgres://ops@[::1]:5433/x?sslmode=disable", "postgres://ops@[::1]:5433/x?sslmode=disable"),
        ("postgres://ops@h/x?sslmode=require", "postgres://ops@h:5432/x?sslmode=require"),
    ])
    func parsesTheURLForms(url: String, shown: String) throws {
        #expect(try PostgresLocation(url: url, environment: [:]).description == shown)
    }

    @Test(arguments: [
        ("sqlite:var/sextant.sqlite", "starts with postgres://"),
        ("postgres:///trading", "names no host"),
        ("postgres://h/a/b", "one database name"),
        ("postgres://h/x?sslmode=maybe", "sslmode must be"),
        ("postgres://h/x?pool=3", "unknown URL parameter `pool`"),
        ("postgres://h:99999/x", "out of range"),
    ])
    func refusesMalformedURLs(url: String, reason: String) {
        #expect {
            try PostgresLocation(url: url, environment: [:])
        } throws: { error in
            guard case .cannotOpen(_, let message) = error as? StoreError else { return false }
            return message.contains(reason)
        }
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverRepeated() {
        #expect {
            try PostgresLocation(url: "postgres://trader:hunter2@db/trading", environment: [:])
        } throws: { error in
            let text = "\(error)"
            return !text.contains("hunter2") && text.contains("SEXTANT_POSTGRES_PASSWORD")
                && text.contains("postgres://trader:***@db/trading")
        }
    }

    @Test func thePasswordComesFromTheEnvironmentInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-pw-\(UUID().uuidString)")
        try Data("from-file\n".utf8).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "postgres://trader@db/trading"
        let all = [
            "SEXTANT_POSTGRES_PASSWORD": "direct", "SEXTANT_POSTGRES_PASSWORD_FILE": folder.path, "PGPASSWORD": "libpq",
        ]
        #expect(try PostgresLocation(url: url, environment: all).password == "direct")
        var noDirect = all
        noDirect["SEXTANT_POSTGRES_PASSWORD"] = nil
        #expect(try PostgresLocation(url: url, environment: noDirect).password == "from-file")
        #expect(try PostgresLocation(url: url, environment: ["PGPASSWORD": "libpq"]).password == "libpq")
        #expect(try PostgresLocation(url: url, environment: [:]).password == nil)
        // Wherever it came from, the password is not in what the location prints.
        #expect(!"\(try PostgresLocation(url: url, environment: all))".contains("direct"))
    }

    @Test func anUnreadablePasswordFileIsAnError() {
        #expect {
            try PostgresLocation(
                url: "postgres://t@db/x", environment: ["SEXTANT_POSTGRES_PASSWORD_FILE": "/nonexistent/pw"])
        } throws: { error in
            guard case .cannotOpen(_, let message) = error as? StoreError else { return false }
            return message.contains("/nonexistent/pw")
        }
    }
}
