import ArgumentParser
import SextantPostgres
import SextantStore

/// `sextant db migrate [--store URL]`: bring a Postgres store's schema up to date.
struct DbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the Postgres store.",
        subcommands: [Migrate.self]
    )

    /// `sextant db migrate`.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply the store's missing schema migrations (idempotent).",
            discussion: """
                Each migration runs in its own transaction and is recorded in `schema_migrations`; an \
                up-to-date database is left as it is, and one migrated by a newer Sextant is refused. \
                Concurrent migrators wait for each other (an advisory lock). Exit status: 0 when the \
                schema is current, 1 when the store cannot be reached or refuses, 2 on a usage error.
                """
        )

        @OptionGroup var store: StoreOption

        func run() async throws {
            let opened = try await store.open(for: "db migrate")
            try? await opened.close()
            let latest = PostgresStore.schemaVersions.last ?? "none"
            if opened.appliedMigrations.isEmpty {
                print("\(opened.location): schema up to date (\(latest))")
            } else {
                for identifier in opened.appliedMigrations { print("applied \(identifier)") }
                print("\(opened.location): schema at \(latest)")
            }
        }
    }
}
